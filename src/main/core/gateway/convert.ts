// Wire rows (Qoo10's UPPER_SNAKE, JST date strings) → the cache's ThreadRecord (domain names,
// epoch ms). Every answer is validated with the shared zod schemas first; anything that does
// not fit is BAD_RESPONSE, never a half-filled record.
import type { z } from 'zod';
import { AppFailure } from '../../../shared/errors.js';
import { parseWireDate } from '../../../shared/jst.js';
import type { Author } from '../../../shared/domain.js';
import type { InquiryRow, MessageRow, ThreadRow } from '../../../shared/qapi.js';
import type { MessageRecord, ThreadRecord } from '../store/types.js';

/** Validates `value` with `schema`, or throws BAD_RESPONSE naming the method. */
export function parseAnswer<T extends z.ZodType>(
  schema: T,
  value: unknown,
  method: string,
): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined ? '' : ` at ${issue.path.join('.')}: ${issue.message}`;
    throw new AppFailure('BAD_RESPONSE', `${method}: unexpected answer${where}`.slice(0, 300));
  }
  return parsed.data;
}

/** Wire date → epoch ms; the schemas check the shape, this checks the calendar (2026-02-30). */
export function wireMs(text: string): number {
  const ms = parseWireDate(text);
  if (ms === null) throw new AppFailure('BAD_RESPONSE', `not a valid date: ${text.slice(0, 30)}`);
  return ms;
}

const AUTHOR: Record<MessageRow['AUTHOR'], Author> = {
  BUYER: 'buyer',
  SELLER: 'seller',
  QOO10: 'qoo10',
};

function messageRecord(m: MessageRow): MessageRecord {
  return {
    seqNo: m.SEQ_NO,
    author: AUTHOR[m.AUTHOR],
    from: m.FROM_NM,
    to: m.TO_NM,
    title: m.TITLE,
    body: m.CONTENTS,
    sentAt: wireMs(m.SEND_DT),
    attachments: m.ATTACHMENTS.map((a) => ({
      id: a.FILE_ID,
      fileName: a.FILE_NM,
      mime: a.MIME,
      size: a.SIZE,
    })),
  };
}

/** A whole thread from the change feed or GetThread: `complete`, the cache replaces it. */
export function threadRecord(t: ThreadRow): ThreadRecord {
  return {
    shopId: t.SHOP_ID,
    questionNo: t.QUESTION_NO,
    inqType: t.INQ_TYPE,
    viaMyQoo10: t.VIA_MYQOO10 === 'Y',
    status: t.STATUS,
    category: t.CATEGORY,
    title: t.TITLE,
    buyerId: t.CUST_ID,
    buyerName: t.CUST_NM,
    receiver: t.RECEIVER,
    itemNo: t.ITEM_NO,
    itemName: t.ITEM_NM,
    itemCategory: t.ITEM_CATEGORY,
    sellerCode: t.SELLER_CODE,
    orderNo: t.ORDER_NO,
    cartNo: t.CART_NO,
    receivedAt: wireMs(t.INQ_DT),
    answeredAt: t.ANS_DT === null ? null : wireMs(t.ANS_DT),
    updatedAt: wireMs(t.UPD_DT),
    hidden: t.HIDDEN_YN === 'Y',
    version: t.VERSION,
    messages: t.MESSAGES.map(messageRecord),
    complete: true,
  };
}

/**
 * A public GetInquiryMessage row is one inquiry plus its latest buyer message: the cache merges
 * it by seqNo (`complete: false`). Public QAPI has no version, category, receiver or MyQoo10 flag:
 * the version is derived so that a later row (newer message, later answer, other status) always
 * compares greater, and the rest takes neutral values.
 */
export function rowThreadRecord(shopId: string, r: InquiryRow): ThreadRecord {
  const receivedAt = wireMs(r.INQ_DT);
  const answeredAt = r.ANS_DT === null ? null : wireMs(r.ANS_DT);
  const updatedAt = Math.max(receivedAt, answeredAt ?? 0);
  return {
    shopId,
    questionNo: r.QUESTION_NO,
    inqType: r.INQ_TYPE,
    viaMyQoo10: false,
    status: r.STATUS,
    category: 'other',
    title: r.TITLE,
    buyerId: r.CUST_ID,
    buyerName: r.CUST_NM,
    receiver: '',
    itemNo: r.ITEM_NO,
    itemName: r.ITEM_NM,
    itemCategory: null,
    sellerCode: null,
    orderNo: r.ORDER_NO,
    cartNo: null,
    receivedAt,
    answeredAt,
    updatedAt,
    hidden: false,
    version: rowVersion(updatedAt, r.STATUS),
    messages: [
      {
        seqNo: r.SEQ_NO,
        author: 'buyer',
        from: r.CUST_NM,
        to: '',
        title: r.TITLE,
        body: r.CONTENTS,
        sentAt: receivedAt,
        attachments: [],
      },
    ],
    complete: false,
  };
}

/** Monotone in (time of last change, status): seconds since 2020 × 4 + status rank. */
function rowVersion(updatedAt: number, status: InquiryRow['STATUS']): number {
  const seconds = Math.max(1, Math.floor((updatedAt - Date.UTC(2020, 0, 1)) / 1000));
  return seconds * 4 + { S1: 1, S2: 2, S3: 3 }[status];
}
