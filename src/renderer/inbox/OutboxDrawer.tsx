// Everything the seller did that is not confirmed by Qoo10 yet, with retry and cancel.
import { InboxOutlined } from '@ant-design/icons';
import { Button, Drawer, List, Space, Typography } from 'antd';
import { memo, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxItem } from '../../shared/api.js';
import type { AppError } from '../../shared/errors.js';
import { callAfterFirstPaint } from '../api.js';
import { DateTime } from '../components/DateTime.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { LightTag } from '../components/LightTag.js';
import { useBridgeEvent } from '../hooks/useBridgeEvent.js';
import { OUTBOX_STATE_COLOR, useOutboxActions } from './PendingItem.js';

/** Outbox items still needing attention or delivery (the header badge counts these). */
function useOutbox() {
  const [items, setItems] = useState<OutboxItem[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const load = useCallback(async () => {
    const res = await callAfterFirstPaint('listOutbox', {});
    if (res.ok) {
      setItems(res.value);
      setError(null);
    } else setError(res.error);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const upsert = useCallback((item: OutboxItem) => {
    setItems((list) => {
      const i = list.findIndex((x) => x.id === item.id);
      if (i < 0) return [item, ...list];
      const next = [...list];
      next[i] = item;
      return next;
    });
  }, []);
  useBridgeEvent('outboxChanged', upsert);
  const open = items.filter((i) => i.state !== 'sent' && i.state !== 'cancelled');
  return { items, open, error, load, upsert };
}

/**
 * The header's outbox button (its badge counts what is not delivered yet) and the drawer it
 * opens. The outbox state lives here, not in the inbox: each delivery step (queued → sending →
 * sent) then re-renders this button, not the list and the conversation.
 */
export const OutboxControl = memo(function OutboxControl({
  onShow,
}: {
  onShow: (inquiryId: string) => void;
}) {
  const { t } = useTranslation();
  const outbox = useOutbox();
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  return (
    <>
      <Button icon={<InboxOutlined aria-hidden />} onClick={() => setOpen(true)}>
        {t('outbox.open')}
        {/* A plain tag, not antd's Badge: that mounts a CSSMotion even at zero, whose first
            layout effect forced a synchronous re-render into the inbox's first commit (see
            antd/ButtonLoadingIcon.tsx), and mounted only when a reply waited, it did the same
            in the send's. Inside the button, which stays mounted (focus with it). */}
        {outbox.open.length > 0 && (
          <>
            {' '}
            <LightTag color="red">{outbox.open.length}</LightTag>
          </>
        )}
      </Button>
      {/* Mounted only while open: a closed drawer is work in the inbox's first render. */}
      {open && (
        <OutboxDrawer
          open
          onClose={close}
          outbox={outbox}
          onShow={(id) => {
            setOpen(false);
            onShow(id);
          }}
        />
      )}
    </>
  );
});

interface Props {
  open: boolean;
  onClose: () => void;
  outbox: ReturnType<typeof useOutbox>;
  onShow: (inquiryId: string) => void;
}

function OutboxDrawer({ open, onClose, outbox, onShow }: Props) {
  const { t } = useTranslation();
  const { error, setError, act } = useOutboxActions(outbox.upsert);
  const { load } = outbox;
  useEffect(() => {
    if (open) void load();
  }, [open, load]);

  return (
    <Drawer title={t('outbox.title')} open={open} onClose={onClose} size={520}>
      <ErrorAlert error={outbox.error ?? error} onClose={() => setError(null)} />
      <List
        dataSource={outbox.items}
        locale={{ emptyText: t('outbox.empty') }}
        renderItem={(item) => {
          const canRetry = item.state === 'failed' || item.state === 'conflict';
          const canCancel = item.state === 'queued' || canRetry;
          return (
            <List.Item
              actions={[
                canRetry && (
                  <Button
                    key="retry"
                    size="small"
                    type="primary"
                    onClick={() => void act('retryOutbox', item.id)}
                  >
                    {t('outbox.retry')}
                  </Button>
                ),
                canCancel && (
                  <Button
                    key="cancel"
                    size="small"
                    danger
                    onClick={() => void act('cancelOutbox', item.id)}
                  >
                    {t('outbox.cancel')}
                  </Button>
                ),
                <Button key="show" size="small" type="link" onClick={() => onShow(item.inquiryId)}>
                  {t('outbox.show')}
                </Button>,
              ].filter(Boolean)}
            >
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <LightTag color="default">{t(`outbox.kind.${item.kind}`)}</LightTag>
                    <LightTag color={OUTBOX_STATE_COLOR[item.state]}>
                      {t(`outbox.state.${item.state}`)}
                    </LightTag>
                    {item.title && <Typography.Text>{item.title}</Typography.Text>}
                  </Space>
                }
                description={
                  <>
                    {/* Replies share the "[Re] …" title: the text tells them apart. */}
                    {item.body && <div className="tw-outbox-body">{item.body}</div>}
                    <DateTime iso={item.updatedAt} /> {t('outbox.attempts', { n: item.attempts })}
                    {item.error && (
                      <Typography.Text type="danger">
                        {' '}
                        {t(`errors.${item.error.code}`)}
                      </Typography.Text>
                    )}
                  </>
                }
              />
            </List.Item>
          );
        }}
      />
    </Drawer>
  );
}
