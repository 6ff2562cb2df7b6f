// How inquiries, messages and outbox items look as CLI rows.
import type { InquirySummary, OutboxItem } from '../../shared/api.js';
import type { Message } from '../../shared/domain.js';
import type { Row } from './format.js';

const STATUS_WORD = { S1: 'unprocessed', S2: 'replying', S3: 'complete' } as const;

export const INQUIRY_COLUMNS = [
  'no',
  'shop',
  'received',
  'type',
  'status',
  'category',
  'buyer',
  'title',
  'item',
  'order',
  'hidden',
  'waitingHours',
];

export function inquiryRow(r: InquirySummary): Row {
  return {
    no: r.questionNo,
    shop: r.shopId,
    received: r.receivedAt.slice(0, 16).replace('T', ' '),
    type: r.questionType,
    status: STATUS_WORD[r.status],
    category: r.category,
    buyer: r.buyerName,
    title: r.title,
    item: r.itemNo,
    order: r.orderNo,
    hidden: r.hidden,
    waitingHours: r.waitingHours === null ? null : Math.floor(r.waitingHours),
  };
}

export function messageBlock(m: Message): string {
  const files = m.attachments.map((a) => `  [file] ${a.fileName} (${a.size} bytes)\n`).join('');
  return `\n${m.sentAt.replace('T', ' ').slice(0, 19)}  From ${m.from} / To ${m.to}\n${m.body}\n${files}`;
}

export const OUTBOX_COLUMNS = ['id', 'inquiry', 'kind', 'state', 'attempts', 'error'];

export function outboxRow(i: OutboxItem): Row {
  return {
    id: i.id,
    inquiry: i.inquiryId,
    kind: i.kind,
    state: i.state,
    attempts: i.attempts,
    error: i.error?.message ?? (i.conflict ? `answered by ${i.conflict.answeredBy}` : null),
  };
}
