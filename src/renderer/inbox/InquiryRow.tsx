// One grid row. Memoised on its own props so moving the selection re-renders two rows, not all.
import { EyeInvisibleOutlined, FieldTimeOutlined } from '@ant-design/icons';
import { memo } from 'react';
import type { TFunction } from 'i18next';
import type { InquirySummary } from '../../shared/api.js';
import { OVERDUE_HOURS } from '../../shared/limits.js';
import { formatLocal, jstTitle } from '../components/DateTime.js';
import { LightTag } from '../components/LightTag.js';

export const STATUS_COLOR = { S1: 'red', S2: 'gold', S3: 'green' } as const;

// Plain functions of `t` rather than components with their own useTranslation: the list renders
// a few dozen rows per page of results, and every translation hook has a cost.

export function statusTag(t: TFunction, status: InquirySummary['status']) {
  return <LightTag color={STATUS_COLOR[status]}>{t(`status.${status}`)}</LightTag>;
}

export function overdueTag(t: TFunction, hours: number | null) {
  if (hours === null) return null;
  const [soft, hard] = OVERDUE_HOURS;
  if (hours >= hard) return <LightTag color="red">{t('list.overdue', { hours: hard })}</LightTag>;
  if (hours >= soft)
    return <LightTag color="orange">{t('list.overdue', { hours: soft })}</LightTag>;
  return null;
}

export function hiddenTag(t: TFunction) {
  return (
    <LightTag icon={<EyeInvisibleOutlined aria-hidden />} color="default">
      {t('inquiry.hidden')}
    </LightTag>
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
  /** The list's translation function (stable until the language changes). */
  t: TFunction;
}

export const InquiryRow = memo(function InquiryRow(p: RowProps) {
  const { t } = p;
  const r = p.row;
  const fromParty = r.inqType === 'HELP' ? t('list.party.qoo10') : t('list.party.customer');
  const cls = `tw-row tw-row-body${p.selected ? ' tw-row-selected' : ''}${p.opened ? ' tw-row-open' : ''}`;
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
        <time dateTime={r.receivedAt} title={jstTitle(t, r.receivedAt)}>
          {formatLocal(r.receivedAt)}
        </time>
      </div>
      <div role="gridcell">{t(`questionType.${r.questionType}`)}</div>
      <div role="gridcell">
        {statusTag(t, r.status)}
        {overdueTag(t, r.waitingHours)}
      </div>
      <div role="gridcell">{r.buyerName}</div>
      <div role="gridcell">{fromParty}</div>
      <div role="gridcell">{t('list.party.shop')}</div>
      <div role="gridcell">{t(`category.${r.category}`)}</div>
      <div role="gridcell">{r.receiver}</div>
      <div role="gridcell" title={r.snippet}>
        {r.hidden && hiddenTag(t)}
        {r.pendingCount > 0 && (
          <LightTag icon={<FieldTimeOutlined aria-hidden />} color="blue">
            {t('list.pending', { n: r.pendingCount })}
          </LightTag>
        )}
        {r.title}
      </div>
      <div role="gridcell">{r.itemNo ?? ''}</div>
      <div role="gridcell">{r.orderNo ?? ''}</div>
      {p.showShop && <div role="gridcell">{r.shopName}</div>}
    </div>
  );
});
