// The one SELECT list for an inquiry as the API shows it, and its mapping to InquirySummary.
// Search, getInquiry and readThread all use it, so a summary looks the same wherever it appears.
import type { InquirySummary } from '../../../shared/api.js';
import type { Category, InqType, QuestionType, Status } from '../../../shared/domain.js';
import { toIsoJst } from '../../../shared/jst.js';

const HOUR_MS = 60 * 60 * 1000;

export const SUMMARY_COLUMNS = /* sql */ `
  i.rowid AS rowid, i.id, i.shop_id, i.question_no, i.inq_type, i.question_type, i.status,
  i.category, i.title, i.buyer_id, i.buyer_name, i.receiver, i.item_no, i.item_name,
  i.item_category, i.seller_code, i.order_no, i.cart_no, i.received_at, i.answered_at,
  i.updated_at, i.last_buyer_at, i.reply_seq_no, i.hidden, i.version, i.message_count, i.snippet,
  s.name AS shop_name,
  -- outbox items that still owe the remote something
  (SELECT count(*) FROM outbox o
    WHERE o.inquiry_id = i.id AND o.state IN ('queued', 'sending', 'failed')) AS pending_count`;

/** FROM clause matching SUMMARY_COLUMNS. */
export const SUMMARY_FROM = 'inquiries i JOIN shops s ON s.id = i.shop_id';

export interface InquiryRow {
  rowid: number;
  id: string;
  shop_id: string;
  question_no: number;
  inq_type: InqType;
  question_type: QuestionType;
  status: Status;
  category: Category;
  title: string;
  buyer_id: string;
  buyer_name: string;
  receiver: string;
  item_no: string | null;
  item_name: string | null;
  item_category: string | null;
  seller_code: string | null;
  order_no: string | null;
  cart_no: string | null;
  received_at: number;
  answered_at: number | null;
  updated_at: number;
  last_buyer_at: number | null;
  reply_seq_no: number | null;
  hidden: number;
  version: number;
  message_count: number;
  snippet: string;
  shop_name: string;
  pending_count: number;
}

/**
 * Hours the buyer has been waiting for the shop, floored; null when nothing is owed.
 * The shop owes an answer when the inquiry is unanswered (S1), or when it is "replying" (S2) and
 * the buyer wrote again after the shop's last answer. The clock starts at the buyer's latest
 * message (the received time when the thread has none from the buyer).
 */
export function waitingHours(
  row: Pick<InquiryRow, 'status' | 'last_buyer_at' | 'answered_at' | 'received_at'>,
  now: number,
): number | null {
  const since = row.last_buyer_at ?? row.received_at;
  const owed =
    row.status === 'S1' ||
    (row.status === 'S2' && (row.answered_at === null || since > row.answered_at));
  if (!owed) return null;
  return Math.max(0, Math.floor((now - since) / HOUR_MS));
}

export function toSummary(row: InquiryRow, now: number): InquirySummary {
  return {
    id: row.id,
    shopId: row.shop_id,
    questionNo: row.question_no,
    inqType: row.inq_type,
    questionType: row.question_type,
    status: row.status,
    category: row.category,
    title: row.title,
    buyerId: row.buyer_id,
    buyerName: row.buyer_name,
    receiver: row.receiver,
    itemNo: row.item_no,
    itemName: row.item_name,
    itemCategory: row.item_category,
    sellerCode: row.seller_code,
    orderNo: row.order_no,
    cartNo: row.cart_no,
    receivedAt: toIsoJst(row.received_at),
    answeredAt: row.answered_at === null ? null : toIsoJst(row.answered_at),
    updatedAt: toIsoJst(row.updated_at),
    hidden: row.hidden !== 0,
    version: row.version,
    messageCount: row.message_count,
    shopName: row.shop_name,
    snippet: row.snippet,
    waitingHours: waitingHours(row, now),
    pendingCount: row.pending_count,
  };
}
