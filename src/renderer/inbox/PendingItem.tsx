// An outgoing action that is not delivered yet: queued, sending, failed (retry) or in conflict
// with another staff member's answer (theirs shown; keep mine or drop it).
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxItem } from '../../shared/api.js';
import type { AppError } from '../../shared/errors.js';
import { call } from '../api.js';
import { DateTime } from '../components/DateTime.js';
import { LightTag, type TagColor } from '../components/LightTag.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { SafeText } from '../components/SafeText.js';

/** An outbox state's tag colour, in the thread and in the outbox drawer. */
export const OUTBOX_STATE_COLOR: Record<OutboxItem['state'], TagColor> = {
  queued: 'blue',
  sending: 'blue',
  sent: 'green',
  failed: 'red',
  conflict: 'gold',
  cancelled: 'default',
};

export function useOutboxActions(onChanged: (item: OutboxItem) => void) {
  const [error, setError] = useState<AppError | null>(null);
  const act = async (method: 'retryOutbox' | 'cancelOutbox', outboxId: string): Promise<void> => {
    setError(null);
    const res = await call(method, { outboxId });
    if (res.ok) onChanged(res.value);
    else setError(res.error);
  };
  return { error, setError, act };
}

export function PendingItem({
  item,
  onChanged,
}: {
  item: OutboxItem;
  onChanged: (i: OutboxItem) => void;
}) {
  const { t } = useTranslation();
  const { error, setError, act } = useOutboxActions(onChanged);
  const canRetry = item.state === 'failed' || item.state === 'conflict';
  const canCancel = item.state === 'queued' || canRetry;
  return (
    <article className="tw-msg tw-msg-pending" aria-label={t(`outbox.kind.${item.kind}`)}>
      <div className="tw-msg-meta">
        <DateTime iso={item.createdAt} />
        <LightTag color="default">{t(`outbox.kind.${item.kind}`)}</LightTag>
        <LightTag color={OUTBOX_STATE_COLOR[item.state]}>
          {t(`outbox.state.${item.state}`)}
        </LightTag>
        {item.status && <LightTag color="default">{t(`status.${item.status}`)}</LightTag>}
      </div>
      {item.title && <div className="tw-msg-body">{item.title}</div>}
      {item.body && (
        <div className="tw-msg-body">
          <SafeText text={item.body} />
        </div>
      )}
      {item.state === 'failed' && item.error && (
        <Alert
          type="error"
          showIcon
          title={t(`errors.${item.error.code}`)}
          style={{ marginTop: 6 }}
        />
      )}
      {item.state === 'conflict' && item.conflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 6 }}
          title={t('outbox.conflictTitle', { who: item.conflict.answeredBy })}
          description={
            <>
              <DateTime iso={item.conflict.answeredAt} />
              <div className="tw-msg-body">
                <SafeText text={item.conflict.body} />
              </div>
            </>
          }
        />
      )}
      {(canRetry || canCancel) && (
        <div style={{ marginTop: 6, display: 'flex', gap: 8 }}>
          {canRetry && (
            <Button size="small" type="primary" onClick={() => void act('retryOutbox', item.id)}>
              {item.state === 'conflict' ? t('outbox.sendAnyway') : t('outbox.retry')}
            </Button>
          )}
          {canCancel && (
            <Button size="small" danger onClick={() => void act('cancelOutbox', item.id)}>
              {t('outbox.cancel')}
            </Button>
          )}
        </div>
      )}
      <ErrorAlert error={error} onClose={() => setError(null)} />
    </article>
  );
}
