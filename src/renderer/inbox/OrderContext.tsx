// The order context above the thread: who wrote, which order and product, and a link to the
// product page (built by us from the item number, always https).
import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InquirySummary } from '../../shared/api.js';
import { LightTag } from '../components/LightTag.js';
import { hiddenTag, overdueTag, statusTag } from './InquiryRow.js';

export const productPageUrl = (itemNo: string | null): string | null =>
  itemNo && /^\d{1,20}$/.test(itemNo) ? `https://www.qoo10.jp/g/${itemNo}` : null;

// Plain elements, not antd Descriptions/Space/Tag: this renders on every open.
export const OrderContext = memo(function OrderContext({ inquiry }: { inquiry: InquirySummary }) {
  const { t } = useTranslation();
  const url = productPageUrl(inquiry.itemNo);
  const dash = t('common.none');
  const field = (label: string, value: ReactNode, wide = false) => (
    <>
      <dt>{label}</dt>
      <dd className={wide ? 'tw-context-wide' : undefined}>{value}</dd>
    </>
  );
  return (
    <section aria-label={t('context.label')}>
      <div className="tw-context-tags">
        <LightTag color="default">{t(`questionType.${inquiry.questionType}`)}</LightTag>
        {statusTag(t, inquiry.status)}
        {overdueTag(t, inquiry.waitingHours)}
        {inquiry.hidden && hiddenTag(t)}
      </div>
      <dl className="tw-context">
        {field(t('context.sender'), inquiry.buyerName)}
        {field(t('context.orderNo'), inquiry.orderNo ?? dash)}
        {field(t('context.itemNo'), inquiry.itemNo ?? dash)}
        {field(t('context.itemCategory'), inquiry.itemCategory ?? dash)}
        {field(t('context.category'), t(`category.${inquiry.category}`))}
        {field(t('context.cartNo'), inquiry.cartNo ?? dash)}
        {field(t('context.sellerCode'), inquiry.sellerCode ?? dash)}
        {field(t('context.shop'), inquiry.shopName)}
        {field(
          t('context.itemName'),
          <>
            {inquiry.itemName ?? dash}{' '}
            {url && (
              <a href={url} target="_blank" rel="noopener noreferrer">
                {t('context.productPage')}
              </a>
            )}
          </>,
          true,
        )}
      </dl>
    </section>
  );
});
