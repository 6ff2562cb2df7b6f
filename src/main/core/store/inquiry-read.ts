// Reading one inquiry: its summary, the fields the gateway needs to act on it, and its thread.
import type { InquirySummary } from '../../../shared/api.js';
import type { AttachmentMeta, Author, InqType, Message } from '../../../shared/domain.js';
import { toIsoJst } from '../../../shared/jst.js';
import type { Database } from '../db/open.js';
import { stmt, withLimit } from '../db/statements.js';
import { SUMMARY_COLUMNS, SUMMARY_FROM, toSummary, type InquiryRow } from './inquiry-row.js';

function summaryRow(db: Database, inquiryId: string): InquiryRow | undefined {
  return stmt<[string], InquiryRow>(
    db,
    `SELECT ${SUMMARY_COLUMNS} FROM ${SUMMARY_FROM} WHERE i.id = ?`,
  ).get(inquiryId);
}

export function getInquiry(
  db: Database,
  inquiryId: string,
  now = Date.now(),
): InquirySummary | null {
  const row = summaryRow(db, inquiryId);
  return row === undefined ? null : toSummary(row, now);
}

/** What acting on an inquiry needs besides its summary. */
export interface InquiryForAction extends InquirySummary {
  /** SEQ_NO of the buyer's latest message: the one a reply answers. */
  replySeqNo: number | null;
  inqType: InqType;
  /** Sent privately through MyQoo10 (auto reply is not offered for these). */
  viaMyQoo10: boolean;
  /** Epoch ms of the buyer's latest message. */
  lastBuyerAt: number | null;
}

export function getInquiryForAction(
  db: Database,
  inquiryId: string,
  now = Date.now(),
): InquiryForAction | null {
  const row = summaryRow(db, inquiryId);
  if (row === undefined) return null;
  return {
    ...toSummary(row, now),
    replySeqNo: row.reply_seq_no,
    viaMyQoo10: row.question_type === 'customer',
    lastBuyerAt: row.last_buyer_at,
  };
}

interface MessageRow {
  seq_no: number;
  author: Author;
  from_name: string;
  to_name: string;
  title: string;
  body: string;
  sent_at: number;
}

export interface ThreadPage {
  inquiry: InquirySummary;
  /** Oldest → newest. */
  messages: Message[];
  hasOlder: boolean;
}

/** The last `limit` messages before `beforeSeq` (or the newest), oldest first; null if unknown. */
export function readThread(
  db: Database,
  inquiryId: string,
  opts: { beforeSeq?: number; limit: number },
  now = Date.now(),
): ThreadPage | null {
  const row = summaryRow(db, inquiryId);
  if (row === undefined) return null;
  const before = opts.beforeSeq ?? Number.MAX_SAFE_INTEGER;
  // One extra row tells whether older messages remain.
  const newestFirst = stmt<[number, number], MessageRow>(
    db,
    withLimit(
      `SELECT seq_no, author, from_name, to_name, title, body, sent_at FROM messages
       WHERE inquiry_rowid = ? AND seq_no < ? ORDER BY seq_no DESC`,
      opts.limit + 1,
    ),
  ).all(row.rowid, before);
  const hasOlder = newestFirst.length > opts.limit;
  const page = newestFirst.slice(0, opts.limit).reverse();
  const attachments = attachmentsBySeq(db, row.rowid, page);
  return {
    inquiry: toSummary(row, now),
    messages: page.map((m) => ({
      seqNo: m.seq_no,
      author: m.author,
      from: m.from_name,
      to: m.to_name,
      title: m.title,
      body: m.body,
      sentAt: toIsoJst(m.sent_at),
      attachments: attachments.get(m.seq_no) ?? [],
    })),
    hasOlder,
  };
}

function attachmentsBySeq(
  db: Database,
  rowid: number,
  page: readonly MessageRow[],
): Map<number, AttachmentMeta[]> {
  const out = new Map<number, AttachmentMeta[]>();
  const first = page[0];
  const last = page.at(-1);
  if (first === undefined || last === undefined) return out;
  const rows = stmt<[number, number, number], AttachmentMeta & { seqNo: number }>(
    db,
    `SELECT id, file_name AS fileName, mime, size, seq_no AS seqNo FROM attachments
     WHERE inquiry_rowid = ? AND seq_no BETWEEN ? AND ? ORDER BY seq_no, id`,
  ).all(rowid, first.seq_no, last.seq_no);
  for (const { seqNo, ...meta } of rows) {
    const list = out.get(seqNo) ?? [];
    list.push(meta);
    out.set(seqNo, list);
  }
  return out;
}
