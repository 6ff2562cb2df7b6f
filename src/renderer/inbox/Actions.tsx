// Auto reply and hide, offered only where the guide offers them and disabled (with the reason)
// where the connected adapter cannot do them.
import { EyeInvisibleOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { App, Button, Space, Tooltip, Typography } from 'antd';
import { memo, useImperativeHandle, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Capabilities, InquirySummary, OutboxItem } from '../../shared/api.js';
import type { AppError } from '../../shared/errors.js';
import { AUTO_REPLY_TEXT } from '../../shared/limits.js';
import { call } from '../api.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { HideDialog } from './HideDialog.js';
import { INSTANT_CONFIRM } from './instant-confirm.js';

export interface ActionsHandle {
  autoReply: () => void;
}

interface Props {
  inquiry: InquirySummary;
  capabilities: Capabilities;
  onQueued: (item: OutboxItem) => void;
  ref?: Ref<ActionsHandle>;
}

/** Qoo10 offers no auto reply for customer questions sent through MyQoo10 (already private). */
export const autoReplyOffered = (i: InquirySummary): boolean => i.questionType !== 'customer';

function Gated({
  enabled,
  reason,
  children,
}: {
  enabled: boolean;
  reason: string;
  children: React.ReactNode;
}) {
  return enabled ? children : <Tooltip title={reason}>{children}</Tooltip>;
}

// Memoized: a re-read of the thread (a delivery, a sync) changes nothing here.
export const Actions = memo(function Actions({ inquiry, capabilities, onQueued, ref }: Props) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [hideOpen, setHideOpen] = useState(false);
  // The hide dialog (a form with a self-measuring text area) mounts the first time it is opened
  // for this inquiry, not on every open of a conversation; it then stays for its closing
  // animation.
  const [hideMountedFor, setHideMountedFor] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const showAuto = autoReplyOffered(inquiry);
  const showHide = inquiry.questionType === 'product';

  const confirmAutoReply = (): void => {
    if (!showAuto || !capabilities.autoReply) return;
    void modal.confirm({
      ...INSTANT_CONFIRM,
      title: t('autoReply.confirmTitle'),
      content: (
        <>
          <Typography.Paragraph>{t('autoReply.when')}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">{AUTO_REPLY_TEXT.ja}</Typography.Paragraph>
        </>
      ),
      okText: t('autoReply.ok'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        setError(null);
        const res = await call('autoReply', { inquiryId: inquiry.id, language: 'ja' });
        if (res.ok) onQueued(res.value);
        else setError(res.error);
      },
    });
  };

  useImperativeHandle(ref, () => ({ autoReply: confirmAutoReply }));

  if (!showAuto && !showHide) return null;
  return (
    <div>
      <Space wrap>
        {showAuto && (
          <Gated enabled={capabilities.autoReply} reason={t('capability.autoReply')}>
            <Button
              icon={<ThunderboltOutlined aria-hidden />}
              disabled={!capabilities.autoReply}
              onClick={confirmAutoReply}
            >
              {t('autoReply.button')}
            </Button>
          </Gated>
        )}
        {showHide && (
          <Gated
            enabled={capabilities.hide && !inquiry.hidden}
            reason={inquiry.hidden ? t('hide.already') : t('capability.hide')}
          >
            <Button
              icon={<EyeInvisibleOutlined aria-hidden />}
              disabled={!capabilities.hide || inquiry.hidden}
              onClick={() => {
                setHideMountedFor(inquiry.id);
                setHideOpen(true);
              }}
            >
              {t('hide.button')}
            </Button>
          </Gated>
        )}
        {!capabilities.autoReply && showAuto && (
          <Typography.Text type="secondary">{t('capability.autoReply')}</Typography.Text>
        )}
        {!capabilities.hide && showHide && (
          <Typography.Text type="secondary">{t('capability.hide')}</Typography.Text>
        )}
      </Space>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {showHide && hideMountedFor === inquiry.id && (
        <HideDialog
          inquiry={inquiry}
          open={hideOpen}
          onClose={() => setHideOpen(false)}
          onQueued={onQueued}
        />
      )}
    </div>
  );
});
