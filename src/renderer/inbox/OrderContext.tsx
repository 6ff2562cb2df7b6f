// The order context above the thread: who wrote, which order and product, and a link to the
// product page (built by us from the item number, always https).
import { Descriptions, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InquirySummary } from '../../shared/api.js';
import { hiddenTag, overdueTag, statusTag } from './InquiryRow.js';

export const productPageUrl = (itemNo: string | null): string | null =>
  itemNo && /^\d{1,20}$/.test(itemNo) ? `https://www.qoo10.jp/g/${itemNo}` : null;

export function OrderContext({ inquiry }: { inquiry: InquirySummary }) {
  const { t } = useTranslation();
  const url = productPageUrl(inquiry.itemNo);
  const dash = t('common.none');
  return (
    <section aria-label={t('context.label')}>
      <Space wrap style={{ marginBottom: 6 }}>
        <Tag>{t(`questionType.${inquiry.questionType}`)}</Tag>
        {statusTag(t, inquiry.status)}
        {overdueTag(t, inquiry.waitingHours)}
        {inquiry.hidden && hiddenTag(t)}
      </Space>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('context.sender')}>{inquiry.buyerName}</Descriptions.Item>
        <Descriptions.Item label={t('context.orderNo')}>
          {inquiry.orderNo ?? dash}
        </Descriptions.Item>
        <Descriptions.Item label={t('context.itemNo')}>{inquiry.itemNo ?? dash}</Descriptions.Item>
        <Descriptions.Item label={t('context.itemCategory')}>
          {inquiry.itemCategory ?? dash}
        </Descriptions.Item>
        <Descriptions.Item label={t('context.category')}>
          {t(`category.${inquiry.category}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('context.cartNo')}>{inquiry.cartNo ?? dash}</Descriptions.Item>
        <Descriptions.Item label={t('context.sellerCode')}>
          {inquiry.sellerCode ?? dash}
        </Descriptions.Item>
        <Descriptions.Item label={t('context.shop')}>{inquiry.shopName}</Descriptions.Item>
        <Descriptions.Item label={t('context.itemName')} span={2}>
          {inquiry.itemName ?? dash}{' '}
          {url && (
            <a href={url} target="_blank" rel="noopener noreferrer">
              {t('context.productPage')}
            </a>
          )}
        </Descriptions.Item>
      </Descriptions>
    </section>
  );
}
