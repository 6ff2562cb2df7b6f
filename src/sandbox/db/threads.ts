// Reading inquiries back in the wire's shapes: whole threads (GetThread, the change feed),
// public QAPI rows (GetInquiryMessage) and the 30-day counters (GetCounts).
import type {
  AttachmentRow,
  CountsRow,
  InquiryRow,
  MessageRow,
  ThreadRow,
} from '../../shared/qapi.js';
import type { Category, InqType, Status } from '../../shared/domain.js';
import { toWireDate } from '../../shared/jst.js';
import { QapiError } from '../envelope.js';
import type { Db } from './schema.js';

/** An inquiries row as stored. */
export interface InquiryRecord {
  question_no: number;
  shop_id: string;
  inq_type: InqType;
  via_myqoo10: number;
  status: Status;
  category: Category;
  title: string;
  cust_id: string;
  cust_nm: string;
  receiver: string;
  item_no: string | null;
  item_nm: string | null;
  item_category: string | null;
  seller_code: string | null;
  order_no: string | null;
  cart_no: string | null;
  inq_dt: number;
  ans_dt: number | null;
  upd_dt: number;
  hidden: number;
  version: number;
  change_seq: number;
  last_buyer_seq: number;
  last_buyer_dt: number;
  seller_version: number;
  seller_by: string | null;
  seller_dt: number | null;
  seller_contents: string | null;
}

interface MessageRecord {
  seq_no: number;
  question_no: number;
  author: MessageRow['AUTHOR'];
  from_nm: string;
  to_nm: string;
  title: string;
  contents: string;
  send_dt: number;
}

interface AttachmentRecord {
  file_id: string;
  seq_no: number;
  file_nm: string;
  mime: string;
  size: number;
}

export function getInquiry(db: Db, shopId: string, questionNo: number): InquiryRecord {
  const row = db
    .prepare('SELECT * FROM inquiries WHERE question_no = ? AND shop_id = ?')
    .get(questionNo, shopId) as InquiryRecord | undefined;
  if (row === undefined) {
    throw new QapiError('INQUIRY_NOT_FOUND', `no inquiry ${questionNo} in shop "${shopId}"`, {
      QUESTION_NO: questionNo,
    });
  }
  return row;
}

const yn = (flag: number): 'Y' | 'N' => (flag === 1 ? 'Y' : 'N');

function toThreadRow(i: InquiryRecord, messages: MessageRow[]): ThreadRow {
  return {
    SHOP_ID: i.shop_id,
    QUESTION_NO: i.question_no,
    INQ_TYPE: i.inq_type,
    VIA_MYQOO10: yn(i.via_myqoo10),
    STATUS: i.status,
    CATEGORY: i.category,
    TITLE: i.title,
    CUST_ID: i.cust_id,
    CUST_NM: i.cust_nm,
    RECEIVER: i.receiver,
    ITEM_NO: i.item_no,
    ITEM_NM: i.item_nm,
    ITEM_CATEGORY: i.item_category,
    SELLER_CODE: i.seller_code,
    ORDER_NO: i.order_no,
    CART_NO: i.cart_no,
    INQ_DT: toWireDate(i.inq_dt),
    ANS_DT: i.ans_dt === null ? null : toWireDate(i.ans_dt),
    UPD_DT: toWireDate(i.upd_dt),
    HIDDEN_YN: yn(i.hidden),
    VERSION: i.version,
    MESSAGES: messages,
  };
}

/** Assembles threads from inquiry rows plus their messages and attachments. */
function assemble(
  inquiries: InquiryRecord[],
  messages: MessageRecord[],
  attachments: AttachmentRecord[],
): ThreadRow[] {
  const filesBySeq = new Map<number, AttachmentRow[]>();
  for (const a of attachments) {
    const list = filesBySeq.get(a.seq_no) ?? [];
    list.push({ FILE_ID: a.file_id, FILE_NM: a.file_nm, MIME: a.mime, SIZE: a.size });
    filesBySeq.set(a.seq_no, list);
  }
  const byQuestion = new Map<number, MessageRow[]>();
  for (const m of messages) {
    const list = byQuestion.get(m.question_no) ?? [];
    list.push({
      SEQ_NO: m.seq_no,
      AUTHOR: m.author,
      FROM_NM: m.from_nm,
      TO_NM: m.to_nm,
      TITLE: m.title,
      CONTENTS: m.contents,
      SEND_DT: toWireDate(m.send_dt),
      ATTACHMENTS: filesBySeq.get(m.seq_no) ?? [],
    });
    byQuestion.set(m.question_no, list);
  }
  return inquiries.map((i) => toThreadRow(i, byQuestion.get(i.question_no) ?? []));
}

const MESSAGE_COLS = 'seq_no, question_no, author, from_nm, to_nm, title, contents, send_dt';
const FILE_COLS = 'file_id, seq_no, file_nm, mime, size';

export function readThread(db: Db, shopId: string, questionNo: number): ThreadRow {
  const inquiry = getInquiry(db, shopId, questionNo);
  const messages = db
    .prepare(`SELECT ${MESSAGE_COLS} FROM messages WHERE question_no = ? ORDER BY seq_no`)
    .all(questionNo) as MessageRecord[];
  const files = db
    .prepare(`SELECT ${FILE_COLS} FROM attachments WHERE question_no = ? ORDER BY file_id`)
    .all(questionNo) as AttachmentRecord[];
  const [thread] = assemble([inquiry], messages, files);
  if (thread === undefined) throw new Error('unreachable: one inquiry in, one thread out');
  return thread;
}

/** Inquiries of a shop with change_seq in (after, upTo], oldest change first, with threads. */
export function readFeedPage(
  db: Db,
  shopId: string,
  after: number,
  limit: number,
): { threads: ThreadRow[]; lastSeq: number; hasMore: boolean } {
  const inquiries = db
    .prepare(
      'SELECT * FROM inquiries WHERE shop_id = ? AND change_seq > ? ORDER BY change_seq LIMIT ?',
    )
    .all(shopId, after, limit + 1) as InquiryRecord[];
  const hasMore = inquiries.length > limit;
  if (hasMore) inquiries.pop();
  const last = inquiries.at(-1);
  if (last === undefined) return { threads: [], lastSeq: after, hasMore: false };
  const inPage =
    'SELECT question_no FROM inquiries WHERE shop_id = ? AND change_seq > ? AND change_seq <= ?';
  const messages = db
    .prepare(
      `SELECT ${MESSAGE_COLS} FROM messages WHERE question_no IN (${inPage}) ORDER BY question_no, seq_no`,
    )
    .all(shopId, after, last.change_seq) as MessageRecord[];
  const files = db
    .prepare(
      `SELECT ${FILE_COLS} FROM attachments WHERE question_no IN (${inPage}) ORDER BY file_id`,
    )
    .all(shopId, after, last.change_seq) as AttachmentRecord[];
  return { threads: assemble(inquiries, messages, files), lastSeq: last.change_seq, hasMore };
}

/** CSCenter.GetInquiryMessage: one row per inquiry, keyed on its latest buyer message. */
export function readInquiryRows(
  db: Db,
  shopId: string,
  status: Status,
  from: number,
  to: number,
): InquiryRow[] {
  const rows = db
    .prepare(
      `SELECT i.question_no, i.last_buyer_seq, i.inq_type, i.status, i.title, m.contents,
              i.cust_id, i.cust_nm, i.item_no, i.item_nm, i.order_no, i.last_buyer_dt, i.ans_dt
       FROM inquiries i JOIN messages m ON m.seq_no = i.last_buyer_seq
       WHERE i.shop_id = ? AND i.status = ? AND i.last_buyer_dt BETWEEN ? AND ?
       ORDER BY i.last_buyer_dt, i.question_no`,
    )
    .all(shopId, status, from, to) as (Pick<
    InquiryRecord,
    | 'question_no'
    | 'last_buyer_seq'
    | 'inq_type'
    | 'status'
    | 'title'
    | 'cust_id'
    | 'cust_nm'
    | 'item_no'
    | 'item_nm'
    | 'order_no'
    | 'last_buyer_dt'
    | 'ans_dt'
  > & { contents: string })[];
  return rows.map((r) => ({
    QUESTION_NO: r.question_no,
    SEQ_NO: r.last_buyer_seq,
    INQ_TYPE: r.inq_type,
    STATUS: r.status,
    TITLE: r.title,
    CONTENTS: r.contents,
    CUST_ID: r.cust_id,
    CUST_NM: r.cust_nm,
    ITEM_NO: r.item_no,
    ITEM_NM: r.item_nm,
    ORDER_NO: r.order_no,
    INQ_DT: toWireDate(r.last_buyer_dt),
    ANS_DT: r.ans_dt === null ? null : toWireDate(r.ans_dt),
  }));
}

/** The guide's counters: inquiries whose latest buyer message is at most `days` old. */
export function readCounts(db: Db, shopId: string, since: number): CountsRow {
  const rows = db
    .prepare(
      `SELECT inq_type, status, COUNT(*) AS n FROM inquiries
       WHERE shop_id = ? AND last_buyer_dt >= ? AND status IN ('S1', 'S2')
       GROUP BY inq_type, status`,
    )
    .all(shopId, since) as { inq_type: InqType; status: Status; n: number }[];
  const count = (types: InqType[], status: Status): number =>
    rows
      .filter((r) => types.includes(r.inq_type) && r.status === status)
      .reduce((sum, r) => sum + r.n, 0);
  return {
    CUSTOMER_UNANSWERED: count(['MSG', 'ITEM'], 'S1'),
    CUSTOMER_REPLYING: count(['MSG', 'ITEM'], 'S2'),
    QOO10_UNANSWERED: count(['HELP'], 'S1'),
    QOO10_UNCONFIRMED: count(['HELP'], 'S2'),
  };
}
