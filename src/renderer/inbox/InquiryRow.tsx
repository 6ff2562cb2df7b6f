// One grid row. Memoised on its own props so moving the selection re-renders two rows, not all.
import { EyeInvisibleOutlined, FieldTimeOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { InquirySummary } from '../../shared/api.js';
import { OVERDUE_HOURS } from '../../shared/limits.js';
import { DateTime } from '../components/DateTime.js';

export const STATUS_COLOR = { S1: 'red', S2: 'gold', S3: 'green' } as const;

export function OverdueTag({ hours }: { hours: number | null }) {
  const { t } = useTranslation();
  if (hours === null) return null;
  const [soft, hard] = OVERDUE_HOURS;
  if (hours >= hard) return <Tag color="red">{t('list.overdue', { hours: hard })}</Tag>;
  if (hours >= soft) return <Tag color="orange">{t('list.overdue', { hours: soft })}</Tag>;
  return null;
}

export function HiddenTag() {
  const { t } = useTranslation();
  return (
    <Tag icon={<EyeInvisibleOutlined aria-hidden />} color="default">
      {t('inquiry.hidden')}
    </Tag>
  );
}

interface RowProps {
  row: InquirySummary;
  index: number;
  start: number;
  height: number;
  columns: string;
  showShop: boolean;
  selected: boolean;
  opened: boolean;
  onOpen: (id: string, index: number) => void;
}

export const InquiryRow = memo(function InquiryRow(p: RowProps) {
  const { t } = useTranslation();
  const r = p.row;
  const fromParty = r.inqType === 'HELP' ? t('list.party.qoo10') : t('list.party.customer');
  const cls = `tw-row${p.selected ? ' tw-row-selected' : ''}${p.opened ? ' tw-row-open' : ''}`;
  return (
    <div
      role="row"
      id={`inq-row-${p.index}`}
      aria-rowindex={p.index + 2}
      aria-selected={p.selected}
      className={cls}
      style={{
        gridTemplateColumns: p.columns,
        height: p.height,
        position: 'absolute',
        top: 0,
        left: 0,
        width: '100%',
        transform: `translateY(${p.start}px)`,
      }}
      onClick={() => p.onOpen(r.id, p.index)}
      data-inquiry-id={r.id}
    >
      <div role="gridcell">
        <DateTime iso={r.receivedAt} />
      </div>
      <div role="gridcell">{t(`questionType.${r.questionType}`)}</div>
      <div role="gridcell">
        <Tag color={STATUS_COLOR[r.status]}>{t(`status.${r.status}`)}</Tag>
        <OverdueTag hours={r.waitingHours} />
      </div>
      <div role="gridcell">{r.buyerName}</div>
      <div role="gridcell">{fromParty}</div>
      <div role="gridcell">{t('list.party.shop')}</div>
      <div role="gridcell">{t(`category.${r.category}`)}</div>
      <div role="gridcell">{r.receiver}</div>
      <div role="gridcell" title={r.snippet}>
        {r.hidden && <HiddenTag />}
        {r.pendingCount > 0 && (
          <Tag icon={<FieldTimeOutlined aria-hidden />} color="processing">
            {t('list.pending', { n: r.pendingCount })}
          </Tag>
        )}
        {r.title}
      </div>
      <div role="gridcell">{r.itemNo ?? ''}</div>
      <div role="gridcell">{r.orderNo ?? ''}</div>
      {p.showShop && <div role="gridcell">{r.shopName}</div>}
    </div>
  );
});
