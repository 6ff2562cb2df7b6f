// Attachment names are buyer-controlled text; a click fetches the file and saves it.
import { PaperClipOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useState } from 'react';
import type { AttachmentMeta } from '../../shared/domain.js';
import type { AppError } from '../../shared/errors.js';
import { call } from '../api.js';
import { ErrorAlert } from '../components/ErrorAlert.js';

function saveBase64(fileName: string, mime: string, dataBase64: string): void {
  const bytes = Uint8Array.from(atob(dataBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function Attachments({ items }: { items: AttachmentMeta[] }) {
  const [error, setError] = useState<AppError | null>(null);
  if (items.length === 0) return null;
  const open = async (a: AttachmentMeta): Promise<void> => {
    const res = await call('getAttachment', { attachmentId: a.id });
    if (!res.ok) setError(res.error);
    else saveBase64(res.value.fileName, res.value.mime, res.value.dataBase64);
  };
  return (
    <div>
      <Space wrap size={4}>
        {items.map((a) => (
          <Button
            key={a.id}
            size="small"
            icon={<PaperClipOutlined aria-hidden />}
            onClick={() => void open(a)}
          >
            {a.fileName}
          </Button>
        ))}
      </Space>
      <ErrorAlert error={error} onClose={() => setError(null)} />
    </div>
  );
}
