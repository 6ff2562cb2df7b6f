// The sync_state table: per shop, the change-feed cursor (or, for public QAPI, nothing but the
// fact that one full scan finished), when the last sync ended, and its last error.
import type { Database } from '../db/open.js';
import { stmt } from '../db/statements.js';

export interface ShopSyncState {
  cursor: string | null;
  fullDone: boolean;
  lastSyncAt: number | null;
  lastError: string | null;
}

interface Row {
  cursor: string | null;
  full_done: number;
  last_sync_at: number | null;
  last_error: string | null;
}

export function readSyncState(db: Database, shopId: string): ShopSyncState {
  const row = stmt<[string], Row>(
    db,
    'SELECT cursor, full_done, last_sync_at, last_error FROM sync_state WHERE shop_id = ?',
  ).get(shopId);
  return {
    cursor: row?.cursor ?? null,
    fullDone: row?.full_done === 1,
    lastSyncAt: row?.last_sync_at ?? null,
    lastError: row?.last_error ?? null,
  };
}

/** Saves the position reached; call it inside the transaction that applied the page. */
export function saveSyncPosition(
  db: Database,
  shopId: string,
  cursor: string | null,
  fullDone: boolean,
  now: number,
): void {
  stmt(
    db,
    `INSERT INTO sync_state (shop_id, cursor, full_done, last_sync_at, last_error)
     VALUES (?, ?, ?, ?, NULL)
     ON CONFLICT (shop_id) DO UPDATE SET cursor = excluded.cursor,
       full_done = excluded.full_done, last_sync_at = excluded.last_sync_at, last_error = NULL`,
  ).run(shopId, cursor, fullDone ? 1 : 0, now);
}

/** Forgets the cursor (the server asked for a resync): the next pass starts from the beginning. */
export function resetSyncPosition(db: Database, shopId: string): void {
  stmt(db, 'UPDATE sync_state SET cursor = NULL, full_done = 0 WHERE shop_id = ?').run(shopId);
}

export function recordSyncError(db: Database, shopId: string, message: string): void {
  stmt(
    db,
    `INSERT INTO sync_state (shop_id, last_error) VALUES (?, ?)
     ON CONFLICT (shop_id) DO UPDATE SET last_error = excluded.last_error`,
  ).run(shopId, message.slice(0, 500));
}

/** The latest successful sync over some shops (for SyncStatus). */
export function lastSyncAt(db: Database, shopIds: readonly string[]): number | null {
  const row = stmt<[string], { at: number | null }>(
    db,
    'SELECT max(last_sync_at) AS at FROM sync_state WHERE shop_id IN (SELECT value FROM json_each(?))',
  ).get(JSON.stringify(shopIds));
  return row?.at ?? null;
}
