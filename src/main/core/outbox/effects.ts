// The optimistic local effect of each action: what the seller sees before Qoo10 confirms.
import type { Database } from '../db/open.js';
import { applyLocalEffect, type LocalEffect } from '../store/inquiries.js';
import { pendingRowsOf } from './repo.js';
import type { OutboxRow, StoredPayload } from './types.js';

export function effectOf(kind: OutboxRow['kind'], payload: StoredPayload, at: number): LocalEffect {
  switch (kind) {
    case 'reply':
      return { status: (payload as { status: 'S2' | 'S3' }).status, answeredAt: at };
    case 'autoReply':
      return { status: 'S3', answeredAt: at };
    case 'hide':
      return { hidden: true };
  }
}

/**
 * A sync that brings the server's state for an inquiry would undo what the seller already did
 * and is still waiting to go out; this lays the pending actions back on top (call it in the
 * transaction that applied the sync page).
 */
export function reapplyPendingEffects(db: Database, inquiryIds: readonly string[]): void {
  for (const row of pendingRowsOf(db, inquiryIds)) {
    applyLocalEffect(
      db,
      row.inquiry_id,
      effectOf(row.kind, JSON.parse(row.payload) as StoredPayload, row.created_at),
    );
  }
}
