// Sync for the public-QAPI adapter, which has no change feed and no paging: GetInquiryMessage
// walked in one-day windows per status over a rolling range. Unanswered (S1) and replying (S2)
// are read over the whole range every time; complete (S3) over the whole range on the first
// pass, then only recently — plus the days of any inquiry that left S1/S2 since the last pass,
// which is exactly where its transition to S3 shows up.
import type { Status } from '../../../shared/domain.js';
import type { Database } from '../db/open.js';
import { stmt } from '../db/statements.js';
import type { Gateway } from '../gateway/index.js';
import type { ThreadRecord } from '../store/types.js';
import type { SliceApplier } from './apply.js';
import type { Emit } from './events.js';
import type { ShopSyncResult } from './feed-sync.js';
import { readSyncState, saveSyncPosition } from './state.js';

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface WindowSyncContext {
  db: Database;
  gateway: Gateway;
  emit: Emit;
  now: () => number;
  applier: SliceApplier;
  /** Rolling range (days); the server caps one request at 31 days, a window is one day. */
  rangeDays?: number;
  /** How far back complete inquiries are re-polled on later passes. */
  recentS3Days?: number;
}

interface Window {
  index: number;
  from: number;
  to: number;
}

/** Window k covers (T − (k+1)·day, T − k·day], in whole seconds, so windows tile without gaps. */
function windowAt(end: number, k: number): Window {
  return { index: k, from: end - (k + 1) * DAY_MS + 1000, to: end - k * DAY_MS };
}

/** Days (window indexes) of cached S1/S2 inquiries that no S1/S2 window returned this pass. */
function vanishedWindows(
  db: Database,
  shopId: string,
  end: number,
  rangeDays: number,
  seen: ReadonlySet<string>,
): number[] {
  const rows = stmt<[string, number], { id: string; at: number }>(
    db,
    `SELECT id, coalesce(last_buyer_at, received_at) AS at FROM inquiries
     WHERE shop_id = ? AND status IN ('S1', 'S2') AND coalesce(last_buyer_at, received_at) > ?`,
  ).all(shopId, end - rangeDays * DAY_MS);
  const days = new Set<number>();
  for (const r of rows) {
    if (!seen.has(r.id)) days.add(Math.max(0, Math.floor((end - r.at) / DAY_MS)));
  }
  return [...days];
}

export async function syncShopWindows(
  ctx: WindowSyncContext,
  shopId: string,
): Promise<ShopSyncResult> {
  const rangeDays = ctx.rangeDays ?? 30;
  const recentS3Days = Math.min(rangeDays, ctx.recentS3Days ?? 3);
  const end = Math.floor(ctx.now() / 1000) * 1000;
  const state = readSyncState(ctx.db, shopId);
  const result: ShopSyncResult = { shopId, fetched: 0, changed: 0, resynced: false };
  const seen = new Set<string>();
  const range = Array.from({ length: rangeDays }, (_, k) => k);

  const pass = async (status: Status, days: readonly number[]): Promise<void> => {
    for (const k of days) {
      const w = windowAt(end, k);
      const threads: ThreadRecord[] = await ctx.gateway.listInquiries(shopId, status, w.from, w.to);
      result.fetched += threads.length;
      for (const t of threads) seen.add(`${t.shopId}:${t.questionNo}`);
      const changedIds = await ctx.applier.apply(threads);
      result.changed += changedIds.length;
      if (changedIds.length > 0) ctx.emit('inquiriesChanged', { shopId, inquiryIds: changedIds });
      ctx.emit('syncProgress', {
        shopId,
        fetched: result.fetched,
        applied: result.fetched,
        done: false,
      });
    }
  };

  await pass('S1', range);
  await pass('S2', range);
  const s3Days = state.fullDone
    ? [
        ...new Set([
          ...range.slice(0, recentS3Days),
          ...vanishedWindows(ctx.db, shopId, end, rangeDays, seen),
        ]),
      ]
    : range;
  await pass(
    'S3',
    s3Days.sort((a, b) => a - b),
  );
  saveSyncPosition(ctx.db, shopId, null, true, ctx.now());
  ctx.emit('syncProgress', {
    shopId,
    fetched: result.fetched,
    applied: result.fetched,
    done: true,
  });
  return result;
}
