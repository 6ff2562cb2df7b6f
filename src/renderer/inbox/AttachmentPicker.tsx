// Attach files to a reply (upload at once, remove before sending). Checked here against the
// shared limits so an oversized or unsupported file never leaves the PC.
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentMeta } from '../../shared/domain.js';
import type { AppError } from '../../shared/errors.js';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MAX_PER_REPLY,
  ATTACHMENT_MIME_TYPES,
} from '../../shared/limits.js';
import { call } from '../api.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useStartOver } from '../hooks/useStartOver.js';

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

interface Props {
  /** The inquiry the files are for: the picker starts over when it changes. */
  scope: string;
  shopId: string;
  enabled: boolean;
  items: AttachmentMeta[];
  onChange: (items: AttachmentMeta[]) => void;
}

// It stays mounted with the composer from one conversation to the next (a remount cost every
// open a copy of the i18n instance); an upload that ends after the seller moved on is dropped.
export function AttachmentPicker({ scope, shopId, enabled, items, onChange }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const current = useStartOver(scope, () => {
    setBusy(false);
    setError(null);
  });
  const full = items.length >= ATTACHMENT_MAX_PER_REPLY;

  const upload = async (file: File): Promise<void> => {
    const forScope = scope;
    setError(null);
    if (!(ATTACHMENT_MIME_TYPES as readonly string[]).includes(file.type)) {
      setError({ code: 'ATTACHMENT_TYPE', message: file.type });
      return;
    }
    if (file.size > ATTACHMENT_MAX_BYTES) {
      setError({ code: 'ATTACHMENT_TOO_LARGE', message: String(file.size) });
      return;
    }
    setBusy(true);
    const dataBase64 = await readBase64(file);
    const res = await call('uploadAttachment', {
      shopId,
      fileName: file.name,
      mime: file.type,
      dataBase64,
    });
    if (current.current !== forScope) return;
    setBusy(false);
    if (res.ok) onChange([...items, res.value]);
    else setError(res.error);
  };

  const button = (
    <Button
      size="small"
      icon={<UploadOutlined aria-hidden />}
      disabled={!enabled || full}
      loading={busy}
      onClick={() => input.current?.click()}
    >
      {t('composer.attach')}
    </Button>
  );

  return (
    <div>
      <Space wrap size={4}>
        {enabled ? button : <Tooltip title={t('capability.attachments')}>{button}</Tooltip>}
        {!enabled && <span className="tw-msg-meta">{t('capability.attachments')}</span>}
        {items.map((a) => (
          <span key={a.id}>
            <PaperClipOutlined aria-hidden /> {a.fileName}{' '}
            <Button
              size="small"
              type="text"
              icon={<DeleteOutlined aria-hidden />}
              aria-label={t('composer.removeAttachment', { name: a.fileName })}
              onClick={() => onChange(items.filter((x) => x.id !== a.id))}
            />
          </span>
        ))}
      </Space>
      <input
        ref={input}
        type="file"
        hidden
        style={{ display: 'none' }}
        accept={ATTACHMENT_MIME_TYPES.join(',')}
        aria-label={t('composer.attach')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void upload(file);
        }}
      />
      <ErrorAlert error={error} onClose={() => setError(null)} />
    </div>
  );
}
