// The primitive writes every change goes through. Each change bumps the inquiry's VERSION,
// UPD_DT and its shop's change sequence together, so the change feed and conflict detection
// can never disagree about what happened.
import type { MessageRow } from '../../shared/qapi.js';
import type { Status } from '../../shared/domain.js';
import { nextChangeSeq } from './shops.js';
import type { Db } from './schema.js';
import type { InquiryRecord } from './threads.js';

export interface NewMessage {
  questionNo: number;
  author: MessageRow['AUTHOR'];
  fromNm: string;
  toNm: string;
  title: string;
  contents: string;
  sendDt: number;
  requestId?: string | undefined;
}

export function insertMessage(db: Db, m: NewMessage): number {
  const info = db
    .prepare(
      `INSERT INTO messages(question_no, author, from_nm, to_nm, title, contents, send_dt, request_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      m.questionNo,
      m.author,
      m.fromNm,
      m.toNm,
      m.title,
      m.contents,
      m.sendDt,
      m.requestId ?? null,
    );
  return Number(info.lastInsertRowid);
}

export interface InquiryChange {
  status?: Status;
  answeredAt?: number;
  hidden?: boolean;
  /** A buyer (or Qoo10 centre) message: the one a public-QAPI reply answers. */
  buyerMessage?: { seqNo: number; at: number };
  /** A seller-side action: what a later CONFLICT reports. */
  sellerAction?: { by: string; contents: string };
}

/** Applies a change and returns the inquiry's new version. Call inside a transaction. */
export function applyChange(
  db: Db,
  inquiry: InquiryRecord,
  now: number,
  change: InquiryChange,
): number {
  const version = inquiry.version + 1;
  const seq = nextChangeSeq(db, inquiry.shop_id);
  db.prepare(
    `UPDATE inquiries SET
       version = @version, upd_dt = @now, change_seq = @seq,
       status = @status, ans_dt = @ansDt, hidden = @hidden,
       last_buyer_seq = @buyerSeq, last_buyer_dt = @buyerDt,
       seller_version = @sellerVersion, seller_by = @sellerBy, seller_dt = @sellerDt,
       seller_contents = @sellerContents
     WHERE question_no = @questionNo`,
  ).run({
    version,
    now,
    seq,
    status: change.status ?? inquiry.status,
    ansDt: change.answeredAt ?? inquiry.ans_dt,
    hidden: change.hidden === undefined ? inquiry.hidden : change.hidden ? 1 : 0,
    buyerSeq: change.buyerMessage?.seqNo ?? inquiry.last_buyer_seq,
    buyerDt: change.buyerMessage?.at ?? inquiry.last_buyer_dt,
    sellerVersion: change.sellerAction ? version : inquiry.seller_version,
    sellerBy: change.sellerAction?.by ?? inquiry.seller_by,
    sellerDt: change.sellerAction ? now : inquiry.seller_dt,
    sellerContents: change.sellerAction?.contents ?? inquiry.seller_contents,
    questionNo: inquiry.question_no,
  });
  return version;
}

/** Links uploaded attachments to the message that carries them. */
export function attachFiles(db: Db, fileIds: string[], questionNo: number, seqNo: number): void {
  const link = db.prepare(
    'UPDATE attachments SET question_no = ?, seq_no = ? WHERE file_id = ? AND seq_no IS NULL',
  );
  for (const id of fileIds) link.run(questionNo, seqNo, id);
}

export interface StoredRequest {
  method: string;
  question_no: number;
  result: string;
}

export function findRequest(
  db: Db,
  accountId: number,
  requestId: string,
): StoredRequest | undefined {
  return db
    .prepare(
      'SELECT method, question_no, result FROM requests WHERE account_id = ? AND request_id = ?',
    )
    .get(accountId, requestId) as StoredRequest | undefined;
}

export function saveRequest(
  db: Db,
  accountId: number,
  requestId: string,
  method: string,
  questionNo: number,
  result: unknown,
  now: number,
): void {
  db.prepare(
    'INSERT INTO requests(account_id, request_id, method, question_no, result, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(accountId, requestId, method, questionNo, JSON.stringify(result), now);
}

export function recordMail(
  db: Db,
  mail: {
    shopId: string;
    questionNo: number;
    from: string;
    to: string;
    subject: string;
    body: string;
    at: number;
  },
): void {
  db.prepare(
    'INSERT INTO mails(shop_id, question_no, from_addr, to_addr, subject, body, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(mail.shopId, mail.questionNo, mail.from, mail.to, mail.subject, mail.body, mail.at);
}

/** Column order shared by the generator's bulk insert and single inserts. */
export const INSERT_INQUIRY_SQL = `INSERT INTO inquiries(
  question_no, shop_id, inq_type, via_myqoo10, status, category, title, cust_id, cust_nm, receiver,
  item_no, item_nm, item_category, seller_code, order_no, cart_no, inq_dt, ans_dt, upd_dt, hidden,
  version, change_seq, last_buyer_seq, last_buyer_dt, seller_version, seller_by, seller_dt,
  seller_contents)
VALUES (@question_no, @shop_id, @inq_type, @via_myqoo10, @status, @category, @title, @cust_id,
  @cust_nm, @receiver, @item_no, @item_nm, @item_category, @seller_code, @order_no, @cart_no,
  @inq_dt, @ans_dt, @upd_dt, @hidden, @version, @change_seq, @last_buyer_seq, @last_buyer_dt,
  @seller_version, @seller_by, @seller_dt, @seller_contents)`;

export function nextQuestionNo(db: Db): number {
  const row = db.prepare('SELECT MAX(question_no) AS n FROM inquiries').get() as {
    n: number | null;
  };
  return (row.n ?? QUESTION_NO_BASE) + 1;
}

/** Question numbers start here, so they look like Qoo10's nine-digit numbers. */
export const QUESTION_NO_BASE = 300_000_000;
