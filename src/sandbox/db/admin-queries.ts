// Read-outs only the admin API offers: raw inquiry state, delivery counts per request id (the
// core's exactly-once tests count on the server side) and the mail outbox.
import { QapiError } from '../envelope.js';
import type { Db } from './schema.js';
import type { ShopRecord } from './shops.js';

export function ownShopAny(db: Db, shopId: string): ShopRecord {
  const shop = db
    .prepare('SELECT shop_id, account_id, name, seller_nm, change_seq FROM shops WHERE shop_id = ?')
    .get(shopId) as ShopRecord | undefined;
  if (shop === undefined)
    throw new QapiError('SHOP_NOT_FOUND', `no shop "${shopId}"`, { SHOP_ID: shopId });
  return shop;
}

export function rawInquiry(
  db: Db,
  questionNo: number,
  requestId?: string,
): Record<string, unknown> {
  const inquiry = db.prepare('SELECT * FROM inquiries WHERE question_no = ?').get(questionNo);
  if (inquiry === undefined) {
    throw new QapiError('INQUIRY_NOT_FOUND', `no inquiry ${questionNo}`, {
      QUESTION_NO: questionNo,
    });
  }
  const messages = db
    .prepare('SELECT * FROM messages WHERE question_no = ? ORDER BY seq_no')
    .all(questionNo);
  const count = (sql: string, ...args: unknown[]): number =>
    (db.prepare(sql).get(...args) as { n: number }).n;
  return {
    inquiry,
    messages,
    sellerMessages: count(
      "SELECT COUNT(*) AS n FROM messages WHERE question_no = ? AND author = 'SELLER'",
      questionNo,
    ),
    ...(requestId === undefined
      ? {}
      : {
          requestId,
          sellerMessagesWithRequestId: count(
            "SELECT COUNT(*) AS n FROM messages WHERE question_no = ? AND author = 'SELLER' AND request_id = ?",
            questionNo,
            requestId,
          ),
        }),
    restrictions: db
      .prepare(
        'SELECT * FROM restrictions WHERE shop_id = (SELECT shop_id FROM inquiries WHERE question_no = ?)',
      )
      .all(questionNo),
    mails: db.prepare('SELECT * FROM mails WHERE question_no = ? ORDER BY id').all(questionNo),
  };
}

/** How many seller messages carry a request id, and whether an action was recorded for it. */
export function countRequestDeliveries(db: Db, requestId: string): Record<string, unknown> {
  const messages = db
    .prepare(
      "SELECT question_no, seq_no FROM messages WHERE request_id = ? AND author = 'SELLER' ORDER BY seq_no",
    )
    .all(requestId) as { question_no: number; seq_no: number }[];
  const actions = db
    .prepare(
      'SELECT account_id, method, question_no, created_at FROM requests WHERE request_id = ?',
    )
    .all(requestId);
  return { requestId, sellerMessages: messages.length, messages, actions };
}

export function listMails(db: Db, shopId?: string, questionNo?: number): unknown[] {
  return db
    .prepare(
      `SELECT id, shop_id, question_no, from_addr, to_addr, subject, body, sent_at FROM mails
       WHERE (@shop IS NULL OR shop_id = @shop) AND (@q IS NULL OR question_no = @q) ORDER BY id`,
    )
    .all({ shop: shopId ?? null, q: questionNo ?? null });
}
