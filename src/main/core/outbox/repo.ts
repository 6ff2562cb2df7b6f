// The outbox table's SQL. Rows are never deleted: a sent or cancelled action stays as history
// (and as the proof that its request id was used).
import { randomUUID } from 'node:crypto';
import type { OutboxItem, OutboxState } from '../../../shared/api.js';
import { toIsoJst } from '../../../shared/jst.js';
import type { Database } from '../db/open.js';
import { stmt } from '../db/statements.js';
import type { ConflictDetails } from '../gateway/index.js';
import type { OutboxAction, OutboxRow, StoredPayload } from './types.js';

const COLUMNS = `seq, id, request_id, inquiry_id, shop_id, kind, state, payload, base_version,
  attempts, next_attempt_at, created_at, updated_at, error_code, error_message, conflict, result`;

/** States that still block later actions on the same inquiry (delivery is in order). */
export const OPEN_STATES = ['queued', 'sending', 'failed', 'conflict'] as const;

export function insertRow(
  db: Database,
  action: OutboxAction,
  shopId: string,
  baseVersion: number,
  now: number,
): OutboxRow {
  const row = stmt<unknown[], OutboxRow>(
    db,
    `INSERT INTO outbox (id, request_id, inquiry_id, shop_id, kind, state, payload, base_version,
       attempts, next_attempt_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'queued', ?, ?, 0, 0, ?, ?) RETURNING ${COLUMNS}`,
  ).get(
    randomUUID(),
    randomUUID(),
    action.inquiryId,
    shopId,
    action.kind,
    JSON.stringify(action.payload),
    baseVersion,
    now,
    now,
  );
  if (row === undefined) throw new Error('outbox insert returned no row');
  return row;
}

export function getRow(db: Database, id: string): OutboxRow | undefined {
  return stmt<[string], OutboxRow>(db, `SELECT ${COLUMNS} FROM outbox WHERE id = ?`).get(id);
}

export function listRows(db: Database, inquiryId?: string): OutboxRow[] {
  return inquiryId === undefined
    ? stmt<[], OutboxRow>(db, `SELECT ${COLUMNS} FROM outbox ORDER BY seq`).all()
    : stmt<[string], OutboxRow>(
        db,
        `SELECT ${COLUMNS} FROM outbox WHERE inquiry_id = ? ORDER BY seq`,
      ).all(inquiryId);
}

const IS_HEAD = `o.seq = (SELECT min(p.seq) FROM outbox p WHERE p.inquiry_id = o.inquiry_id
                 AND p.state IN ('queued', 'sending', 'failed', 'conflict'))`;

/**
 * Rows due for delivery that are the first open action of their inquiry: later actions wait for
 * earlier ones (a failed or conflicting one included, until retried or cancelled).
 */
export function dueHeads(db: Database, now: number, limit: number): OutboxRow[] {
  return stmt<[number, number], OutboxRow>(
    db,
    `SELECT ${COLUMNS} FROM outbox o
     WHERE o.state IN ('queued', 'sending') AND o.next_attempt_at <= ? AND ${IS_HEAD}
     ORDER BY o.next_attempt_at, o.seq LIMIT ?`,
  ).all(now, limit);
}

/** Whether the row is still the first open action of its inquiry (a retry may have reordered). */
export function isHead(db: Database, row: OutboxRow): boolean {
  return (
    stmt<[string], { seq: number | null }>(
      db,
      `SELECT min(seq) AS seq FROM outbox WHERE inquiry_id = ?
         AND state IN ('queued', 'sending', 'failed', 'conflict')`,
    ).get(row.inquiry_id)?.seq === row.seq
  );
}

/**
 * When the next deliverable row becomes due (null when none can go: nothing queued, or all of
 * it waits behind a failed or conflicting action).
 */
export function nextDueAt(db: Database): number | null {
  const row = stmt<[], { at: number | null }>(
    db,
    `SELECT min(o.next_attempt_at) AS at FROM outbox o
     WHERE o.state IN ('queued', 'sending') AND ${IS_HEAD}`,
  ).get();
  return row?.at ?? null;
}

export function markSending(db: Database, row: OutboxRow, now: number): OutboxRow {
  const payload = JSON.parse(row.payload) as StoredPayload;
  payload.firstAttemptAt ??= now;
  return mustUpdate(
    db,
    `UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ?, payload = ?
     WHERE id = ? RETURNING ${COLUMNS}`,
    now,
    JSON.stringify(payload),
    row.id,
  );
}

export function markSent(db: Database, id: string, result: unknown, now: number): OutboxRow {
  return mustUpdate(
    db,
    `UPDATE outbox SET state = 'sent', result = ?, error_code = NULL, error_message = NULL,
       conflict = NULL, updated_at = ? WHERE id = ? RETURNING ${COLUMNS}`,
    JSON.stringify(result),
    now,
    id,
  );
}

/**
 * After our own action moved the inquiry from version `from` to `to`, the actions queued behind
 * it saw `from` too: they follow our change, not someone else's, so they move along.
 */
export function advanceBaseVersion(
  db: Database,
  inquiryId: string,
  afterSeq: number,
  from: number,
  to: number,
): void {
  stmt(
    db,
    `UPDATE outbox SET base_version = ? WHERE inquiry_id = ? AND seq > ? AND base_version = ?
       AND state IN ('queued', 'failed')`,
  ).run(to, inquiryId, afterSeq, from);
}

/** Back to the queue after a transient failure (same request id: the send may have landed). */
export function markRetryLater(
  db: Database,
  id: string,
  error: { code: string; message: string },
  at: number,
  now: number,
): OutboxRow {
  return mustUpdate(
    db,
    `UPDATE outbox SET state = 'queued', next_attempt_at = ?, error_code = ?, error_message = ?,
       updated_at = ? WHERE id = ? RETURNING ${COLUMNS}`,
    at,
    error.code,
    error.message,
    now,
    id,
  );
}

export function markFinalError(
  db: Database,
  id: string,
  state: 'failed' | 'conflict',
  error: { code: string; message: string },
  conflict: ConflictDetails | null,
  now: number,
): OutboxRow {
  return mustUpdate(
    db,
    `UPDATE outbox SET state = ?, error_code = ?, error_message = ?, conflict = ?, updated_at = ?
     WHERE id = ? RETURNING ${COLUMNS}`,
    state,
    error.code,
    error.message,
    conflict === null ? null : JSON.stringify(conflict),
    now,
    id,
  );
}

/**
 * Retry of a failed or conflicting action: the server definitely refused the earlier request,
 * so a fresh request id is safe (the old one would only repeat the refusal). After a conflict
 * the seller has seen the other answer: the base version becomes the one the conflict named.
 */
export function requeue(db: Database, row: OutboxRow, baseVersion: number, now: number): OutboxRow {
  const fresh = row.state === 'failed' || row.state === 'conflict';
  const payload = JSON.parse(row.payload) as StoredPayload;
  // A fresh request starts a new delivery: no earlier attempt of it can have landed.
  if (fresh) delete payload.firstAttemptAt;
  return mustUpdate(
    db,
    `UPDATE outbox SET state = 'queued', next_attempt_at = 0, request_id = ?, base_version = ?,
       payload = ?, error_code = NULL, error_message = NULL, conflict = NULL, updated_at = ?
     WHERE id = ? RETURNING ${COLUMNS}`,
    fresh ? randomUUID() : row.request_id,
    baseVersion,
    JSON.stringify(payload),
    now,
    row.id,
  );
}

export function markCancelled(db: Database, id: string, now: number): OutboxRow {
  return mustUpdate(
    db,
    `UPDATE outbox SET state = 'cancelled', updated_at = ? WHERE id = ? RETURNING ${COLUMNS}`,
    now,
    id,
  );
}

/** Pending (queued/sending) rows of some inquiries, oldest first: their effects are re-applied. */
export function pendingRowsOf(db: Database, inquiryIds: readonly string[]): OutboxRow[] {
  if (inquiryIds.length === 0) return [];
  return stmt<[string], OutboxRow>(
    db,
    `SELECT ${COLUMNS} FROM outbox WHERE state IN ('queued', 'sending')
       AND inquiry_id IN (SELECT value FROM json_each(?)) ORDER BY seq`,
  ).all(JSON.stringify(inquiryIds));
}

export function countByState(db: Database): Record<OutboxState, number> {
  const out: Record<OutboxState, number> = {
    queued: 0,
    sending: 0,
    sent: 0,
    failed: 0,
    conflict: 0,
    cancelled: 0,
  };
  for (const r of stmt<[], { state: OutboxState; n: number }>(
    db,
    'SELECT state, count(*) AS n FROM outbox GROUP BY state',
  ).all())
    out[r.state] = r.n;
  return out;
}

function mustUpdate(db: Database, sql: string, ...params: unknown[]): OutboxRow {
  const row = stmt<unknown[], OutboxRow>(db, sql).get(...params);
  if (row === undefined) throw new Error('outbox row vanished');
  return row;
}

export function toItem(row: OutboxRow): OutboxItem {
  const p = JSON.parse(row.payload) as Record<string, unknown>;
  const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  const conflict = row.conflict === null ? null : (JSON.parse(row.conflict) as ConflictDetails);
  return {
    id: row.id,
    requestId: row.request_id,
    inquiryId: row.inquiry_id,
    kind: row.kind,
    state: row.state,
    title: str(p.title),
    body: row.kind === 'hide' ? str(p.reason) : str(p.body),
    status:
      row.kind === 'reply' ? (p.status as 'S2' | 'S3') : row.kind === 'autoReply' ? 'S3' : null,
    attempts: row.attempts,
    createdAt: toIsoJst(row.created_at),
    updatedAt: toIsoJst(row.updated_at),
    error:
      row.error_code === null
        ? null
        : { code: row.error_code, message: row.error_message ?? row.error_code },
    conflict:
      conflict === null
        ? null
        : { answeredBy: conflict.answeredBy, answeredAt: conflict.answeredAt, body: conflict.body },
  };
}
