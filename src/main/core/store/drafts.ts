// Reply drafts, one per inquiry, so a half-written answer survives switching threads and restarts.
import type { Draft } from '../../../shared/api.js';
import { REPLY_STATUSES, type ReplyStatus } from '../../../shared/domain.js';
import { AppFailure } from '../../../shared/errors.js';
import { toIsoJst } from '../../../shared/jst.js';
import type { Database } from '../db/open.js';
import { stmt } from '../db/statements.js';

interface DraftRow {
  inquiry_id: string;
  title: string;
  body: string;
  status: ReplyStatus;
  updated_at: number;
}

const toDraft = (r: DraftRow): Draft => ({
  inquiryId: r.inquiry_id,
  title: r.title,
  body: r.body,
  status: r.status,
  updatedAt: toIsoJst(r.updated_at),
});

export function getDraft(db: Database, inquiryId: string): Draft | null {
  const row = stmt<[string], DraftRow>(
    db,
    'SELECT inquiry_id, title, body, status, updated_at FROM drafts WHERE inquiry_id = ?',
  ).get(inquiryId);
  return row === undefined ? null : toDraft(row);
}

export function saveDraft(db: Database, d: Omit<Draft, 'updatedAt'>, now = Date.now()): Draft {
  if (!(REPLY_STATUSES as readonly string[]).includes(d.status)) {
    throw new AppFailure('STATUS_NOT_ALLOWED', 'a draft is replying (S2) or complete (S3)', {
      status: d.status,
    });
  }
  stmt(
    db,
    `INSERT INTO drafts (inquiry_id, title, body, status, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (inquiry_id) DO UPDATE SET title = excluded.title, body = excluded.body,
       status = excluded.status, updated_at = excluded.updated_at`,
  ).run(d.inquiryId, d.title, d.body, d.status, now);
  return toDraft({
    inquiry_id: d.inquiryId,
    title: d.title,
    body: d.body,
    status: d.status,
    updated_at: now,
  });
}

/** Removing a draft that does not exist is fine: the result is the same. */
export function deleteDraft(db: Database, inquiryId: string): void {
  stmt(db, 'DELETE FROM drafts WHERE inquiry_id = ?').run(inquiryId);
}
