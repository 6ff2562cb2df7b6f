// Writing what the gateway fetched into the cache: one upsert per conversation, its messages
// (replaced when the adapter sees the whole thread, merged by seqNo when it sees a part), the
// attachment metadata, the derived list columns and the full-text document — all in the
// caller's transaction when there is one, so a page and its sync cursor commit together.
import { makeInquiryId, type Status } from '../../../shared/domain.js';
import { inTransaction, stmt } from '../db/statements.js';
import type { Database } from '../db/open.js';
import { buildSearchDocument } from '../text/search-text.js';
import { deriveThread, questionTypeOf, sourceOf, type DerivableMessage } from './thread-derive.js';
import type { MessageRecord, ThreadRecord } from './types.js';

interface ExistingRow {
  rowid: number;
  version: number;
  updated_at: number;
  status: Status;
  hidden: number;
  answered_at: number | null;
  message_count: number;
}

const SQL = {
  existing: `SELECT rowid, version, updated_at, status, hidden, answered_at, message_count
             FROM inquiries WHERE shop_id = ? AND question_no = ?`,
  // Positional parameters in column order: binding by name costs a lookup per column per row.
  insert: `INSERT INTO inquiries (id, shop_id, question_no, inq_type, source, question_type,
             status, category, title, buyer_id, buyer_name, receiver, item_no, item_name,
             item_category, seller_code, order_no, cart_no, received_at, answered_at, updated_at,
             last_buyer_at, reply_seq_no, hidden, version, message_count, snippet)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  // Plain INSERT / UPDATE by rowid rather than an upsert with RETURNING: the caller already
  // looked the row up, and RETURNING roughly doubles the cost of the statement.
  // The key columns (id, shop_id, question_no) stay out of SET: naming them would rewrite the
  // unique indexes on every update. Its parameters are the insert's without the first three.
  update: `UPDATE inquiries SET inq_type = ?, source = ?,
             question_type = ?, status = ?, category = ?, title = ?, buyer_id = ?,
             buyer_name = ?, receiver = ?, item_no = ?, item_name = ?, item_category = ?,
             seller_code = ?, order_no = ?, cart_no = ?, received_at = ?, answered_at = ?,
             updated_at = ?, last_buyer_at = ?, reply_seq_no = ?, hidden = ?, version = ?,
             message_count = ?, snippet = ?
           WHERE rowid = ?`,
  messagesOf: `SELECT seq_no AS seqNo, author, body, sent_at AS sentAt
               FROM messages WHERE inquiry_rowid = ? ORDER BY seq_no`,
  deleteMessages: 'DELETE FROM messages WHERE inquiry_rowid = ?',
  // For a thread whose messages are known to be absent (new, or just cleared): no conflict
  // handling to plan for.
  insertMessage: `INSERT INTO messages (inquiry_rowid, seq_no, author, from_name, to_name, title,
                    body, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  upsertMessage: `INSERT INTO messages (inquiry_rowid, seq_no, author, from_name, to_name, title,
                    body, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                  ON CONFLICT (inquiry_rowid, seq_no) DO UPDATE SET author = excluded.author,
                    from_name = excluded.from_name, to_name = excluded.to_name,
                    title = excluded.title, body = excluded.body, sent_at = excluded.sent_at`,
  // Keeps local_path: a downloaded file stays cached when the thread is re-fetched.
  upsertAttachment: `INSERT INTO attachments (id, inquiry_rowid, seq_no, file_name, mime, size)
                     VALUES (?, ?, ?, ?, ?, ?)
                     ON CONFLICT (id) DO UPDATE SET inquiry_rowid = excluded.inquiry_rowid,
                       seq_no = excluded.seq_no, file_name = excluded.file_name,
                       mime = excluded.mime, size = excluded.size`,
  deleteStaleAttachments: `DELETE FROM attachments WHERE inquiry_rowid = ?
                           AND id NOT IN (SELECT value FROM json_each(?))`,
  deleteDoc: 'DELETE FROM inquiry_fts WHERE rowid = ?',
  insertDoc: 'INSERT INTO inquiry_fts (rowid, doc) VALUES (?, ?)',
  // FTS5 keeps one docsize row per document (columnsize is on), contentless tables included:
  // the cheap way to ask whether an inquiry has its document.
  hasDoc: 'SELECT 1 FROM inquiry_fts_docsize WHERE id = ?',
} as const;

/** Full-text documents to insert by inquiry rowid (old versions are already deleted). */
export type DeferredDocs = Map<number, string>;

export interface ApplyOptions {
  /**
   * Collects new full-text documents here instead of inserting them; the caller inserts them
   * with writeSearchDocs in a later transaction. FTS5 writes a segment per transaction, so a
   * sync that writes rows in many small transactions and documents in a few large ones spends
   * far less on segments and merges. A document that never arrives (a crash in between) is
   * found missing and written when the thread is seen again. Keyed by rowid: a thread seen
   * twice before the documents are written keeps one document, the later one.
   */
  deferDocs?: DeferredDocs;
}

/**
 * Upserts conversations by (shopId, questionNo). Returns the ids whose list-visible state
 * changed: new inquiries, and ones whose version, update time, status, hidden flag, answer time
 * or messages differ from the cache. The shops must exist (replaceShops) — foreign keys.
 */
export function applyThreads(
  db: Database,
  threads: readonly ThreadRecord[],
  opts: ApplyOptions = {},
): { changedIds: string[] } {
  return inTransaction(db, () => {
    const changedIds: string[] = [];
    for (const t of threads)
      if (applyThread(db, t, opts)) changedIds.push(makeInquiryId(t.shopId, t.questionNo));
    return { changedIds };
  });
}

/** Inserts documents collected by applyThreads' `deferDocs`, in the caller's transaction. */
export function writeSearchDocs(db: Database, docs: Iterable<[number, string]>): void {
  const insert = stmt(db, SQL.insertDoc);
  for (const [rowid, doc] of docs) insert.run(rowid, doc);
}

function applyThread(db: Database, t: ThreadRecord, opts: ApplyOptions): boolean {
  const existing = stmt<[string, number], ExistingRow>(db, SQL.existing).get(
    t.shopId,
    t.questionNo,
  );
  // One message per seqNo (the last copy wins), oldest first.
  const incoming = [...new Map(t.messages.map((m) => [m.seqNo, m])).values()].sort(
    (a, b) => a.seqNo - b.seqNo,
  );
  let messages: DerivableMessage[] = incoming;
  let messagesChanged = existing === undefined || existing.message_count !== incoming.length;
  if (!t.complete && existing !== undefined) {
    const merged = mergeMessages(
      stmt<[number], DerivableMessage>(db, SQL.messagesOf).all(existing.rowid),
      incoming,
    );
    messages = merged.messages;
    messagesChanged = merged.changed;
  }
  const derived = deriveThread(messages);
  const remoteChanged =
    existing === undefined || existing.version !== t.version || existing.updated_at !== t.updatedAt;
  const rowid = writeInquiry(db, t, derived, existing?.rowid);
  // The remote bumps version and update time on every change, so a complete thread seen again
  // unchanged keeps its cached messages and document; re-syncs then cost one row update each.
  if (remoteChanged || messagesChanged || !t.complete) {
    writeThreadText(db, rowid, t, incoming, messages, existing !== undefined, opts);
  } else if (opts.deferDocs?.has(rowid) !== true && stmt(db, SQL.hasDoc).get(rowid) === undefined) {
    // Unchanged, but its deferred document was lost (the process died before writing it).
    insertDoc(db, rowid, searchDocOf(t, messages), opts);
  }
  return (
    remoteChanged ||
    messagesChanged ||
    existing.status !== t.status ||
    existing.hidden !== Number(t.hidden) ||
    existing.answered_at !== t.answeredAt
  );
}

/** Messages, attachment metadata and the full-text document of one conversation. */
function writeThreadText(
  db: Database,
  rowid: number,
  t: ThreadRecord,
  incoming: readonly MessageRecord[],
  messages: readonly DerivableMessage[],
  existed: boolean,
  opts: ApplyOptions,
): void {
  if (t.complete && existed) {
    stmt(db, SQL.deleteMessages).run(rowid);
    const ids = t.messages.flatMap((m) => m.attachments.map((a) => a.id));
    stmt(db, SQL.deleteStaleAttachments).run(rowid, JSON.stringify(ids));
  }
  // Complete threads replace what was cached (cleared above); partial ones merge by seqNo.
  writeMessages(db, rowid, incoming, !existed || t.complete);
  // The old document goes now even when the new one is deferred: a crash in between leaves
  // none (found missing and rewritten later), never a stale one.
  if (existed) stmt(db, SQL.deleteDoc).run(rowid);
  insertDoc(db, rowid, searchDocOf(t, messages), opts);
}

function searchDocOf(t: ThreadRecord, messages: readonly DerivableMessage[]): string {
  return buildSearchDocument({
    title: t.title,
    buyerName: t.buyerName,
    itemName: t.itemName,
    bodies: messages.map((m) => m.body),
  });
}

function insertDoc(db: Database, rowid: number, doc: string, opts: ApplyOptions): void {
  if (opts.deferDocs === undefined) stmt(db, SQL.insertDoc).run(rowid, doc);
  else opts.deferDocs.set(rowid, doc);
}

function writeInquiry(
  db: Database,
  t: ThreadRecord,
  d: ReturnType<typeof deriveThread>,
  rowid: number | undefined,
): number {
  const values = [
    makeInquiryId(t.shopId, t.questionNo),
    t.shopId,
    t.questionNo,
    t.inqType,
    sourceOf(t.inqType),
    questionTypeOf(t),
    t.status,
    t.category,
    t.title,
    t.buyerId,
    t.buyerName,
    t.receiver,
    t.itemNo,
    t.itemName,
    t.itemCategory,
    t.sellerCode,
    t.orderNo,
    t.cartNo,
    t.receivedAt,
    t.answeredAt,
    t.updatedAt,
    d.lastBuyerAt,
    d.replySeqNo,
    t.hidden ? 1 : 0,
    t.version,
    d.messageCount,
    d.snippet,
  ];
  if (rowid !== undefined) {
    const changes = values.slice(3);
    changes.push(rowid);
    stmt(db, SQL.update).run(changes);
    return rowid;
  }
  return Number(stmt(db, SQL.insert).run(values).lastInsertRowid);
}

function writeMessages(
  db: Database,
  rowid: number,
  messages: readonly MessageRecord[],
  noneCached: boolean,
): void {
  const insertMessage = stmt(db, noneCached ? SQL.insertMessage : SQL.upsertMessage);
  const insertAttachment = stmt(db, SQL.upsertAttachment);
  for (const m of messages) {
    insertMessage.run(rowid, m.seqNo, m.author, m.from, m.to, m.title, m.body, m.sentAt);
    for (const a of m.attachments) {
      insertAttachment.run(a.id, rowid, m.seqNo, a.fileName, a.mime, a.size);
    }
  }
}

/** Cached messages overlaid with the fetched ones (same seqNo: the fetched one wins). */
function mergeMessages(
  cached: readonly DerivableMessage[],
  incoming: readonly DerivableMessage[],
): { messages: DerivableMessage[]; changed: boolean } {
  const bySeq = new Map(cached.map((m) => [m.seqNo, m]));
  let changed = false;
  for (const m of incoming) {
    const old = bySeq.get(m.seqNo);
    if (old?.body !== m.body || old.author !== m.author || old.sentAt !== m.sentAt) changed = true;
    bySeq.set(m.seqNo, m);
  }
  return { messages: [...bySeq.values()].sort((a, b) => a.seqNo - b.seqNo), changed };
}

export interface LocalEffect {
  status?: Status;
  hidden?: boolean;
  /** Epoch ms. */
  answeredAt?: number;
}

/**
 * The outbox's optimistic effect: what the seller will see before the remote confirms. Version
 * and updated_at stay the remote's, so the next sync overwrites this with the truth. Returns
 * false when the inquiry is unknown.
 */
export function applyLocalEffect(db: Database, inquiryId: string, effect: LocalEffect): boolean {
  const info = stmt(
    db,
    `UPDATE inquiries SET status = coalesce(?, status), hidden = coalesce(?, hidden),
       answered_at = coalesce(?, answered_at) WHERE id = ?`,
  ).run(
    effect.status ?? null,
    effect.hidden === undefined ? null : Number(effect.hidden),
    effect.answeredAt ?? null,
    inquiryId,
  );
  return info.changes > 0;
}
