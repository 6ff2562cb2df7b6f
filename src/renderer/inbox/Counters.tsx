// The guide's counters for the last 30 days; each number filters the list when clicked.
import { Button, Space, Typography } from 'antd';
import { memo, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Counts } from '../../shared/api.js';
import type { Source, Status } from '../../shared/domain.js';
import { COUNTERS_WINDOW_DAYS } from '../../shared/limits.js';
import { call } from '../api.js';
import { useBridgeEvent } from '../hooks/useBridgeEvent.js';
import { useDebouncedCallback } from '../hooks/useDebouncedCallback.js';

interface Props {
  shopId: string;
  onPick: (source: Source, status: Status) => void;
}

// Memoized: the inbox re-renders on every selection and open; this part rarely changes.
export const Counters = memo(function Counters({ shopId, onPick }: Props) {
  const { t } = useTranslation();
  const [counts, setCounts] = useState<Counts | null>(null);

  const load = useCallback(async () => {
    const res = await call('counts', { shopId });
    if (res.ok) setCounts(res.value);
  }, [shopId]);
  useEffect(() => {
    void load();
  }, [load]);
  // As the list: once a burst of changes is over, and every 2 s during a long sync.
  const reloadSoon = useDebouncedCallback(() => void load(), 500, 2000);
  useBridgeEvent('inquiriesChanged', () => reloadSoon());

  const num = (n: number | undefined, source: Source, status: Status, label: string) => (
    <Button
      type="link"
      size="small"
      onClick={() => onPick(source, status)}
      aria-label={`${label} ${n ?? 0}`}
    >
      {label}: {n ?? '–'}
    </Button>
  );

  return (
    <section aria-label={t('counters.label')}>
      <Space wrap size="large">
        <span>
          <Typography.Text strong>
            {t('counters.customer', { days: COUNTERS_WINDOW_DAYS })}
          </Typography.Text>{' '}
          {num(counts?.customerUnanswered, 'customer', 'S1', t('counters.unanswered'))} /{' '}
          {num(counts?.customerReplying, 'customer', 'S2', t('counters.replying'))}
        </span>
        <span>
          <Typography.Text strong>
            {t('counters.qoo10', { days: COUNTERS_WINDOW_DAYS })}
          </Typography.Text>{' '}
          {num(counts?.qoo10Unanswered, 'qoo10', 'S1', t('counters.unanswered'))} /{' '}
          {num(counts?.qoo10Unconfirmed, 'qoo10', 'S2', t('counters.unconfirmed'))}
        </span>
      </Space>
    </section>
  );
});
