// Change-feed sync for the qpost adapter: page after page from the saved cursor; each page's
// threads and its new cursor commit together. The next page is fetched while the current one is
// written (at most one request in flight), so the network wait and the writing overlap; a fetched
// page is only ever applied after every page before it committed, so the saved cursor never runs
// ahead of the rows. "Resync required" (the server no longer knows the cursor) clears it and
// starts over once: upserts replace what the cache holds, nothing doubles.
import { AppFailure } from '../../../shared/errors.js';
import { FEED_PAGE_MAX } from '../../../shared/limits.js';
import type { Database } from '../db/open.js';
import type { ChangesResult, Gateway } from '../gateway/index.js';
import type { SliceApplier } from './apply.js';
import type { Emit } from './events.js';
import { readSyncState, resetSyncPosition, saveSyncPosition } from './state.js';
import type { WindowFirst } from './window-first.js';

export interface ShopSyncResult {
  shopId: string;
  fetched: number;
  changed: number;
  resynced: boolean;
}

export interface FeedSyncContext {
  db: Database;
  gateway: Gateway;
  emit: Emit;
  now: () => number;
  applier: SliceApplier;
  /** The next page is asked for once the window is not busy (window-first.ts). */
  windowFirst?: WindowFirst;
  pageSize?: number;
  /** Test hook: runs after each committed page (e.g. to kill the process mid-sync). */
  afterPage?: (shopId: string, page: number) => void | Promise<void>;
}

/** The page size a feed sync asks for. */
export function feedPageSize(pageSize: number | undefined): number {
  return Math.min(FEED_PAGE_MAX, pageSize ?? FEED_PAGE_MAX);
}

/** A shop's first page, asked for before its turn (see startFirstPages in engine.ts). */
export interface FirstPage {
  gateway: Gateway;
  cursor: string | null;
  page: Promise<ChangesResult>;
}

/** Asks for the first page of a shop now, from its saved cursor, for a later syncShopFeed. */
export function requestFirstPage(
  db: Database,
  gateway: Gateway,
  shopId: string,
  pageSize: number | undefined,
): FirstPage {
  const { cursor } = readSyncState(db, shopId);
  return { gateway, cursor, page: prefetch(gateway, shopId, cursor, feedPageSize(pageSize)) };
}

/** A page request started ahead of time; its failure surfaces only when it is awaited. */
function prefetch(
  gateway: Gateway,
  shopId: string,
  cursor: string | null,
  pageSize: number,
): Promise<ChangesResult> {
  const request = gateway.getChanges(shopId, cursor, pageSize);
  // Handled here so a failure while the previous page is still being written is not reported
  // as unhandled; the loop awaits the same promise and sees the error then.
  request.catch(() => undefined);
  return request;
}

/**
 * `first`: the shop's first page if it was already asked for; used only when it was asked with
 * the same gateway from the cursor saved now (otherwise it is asked for again).
 */
export async function syncShopFeed(
  ctx: FeedSyncContext,
  shopId: string,
  first?: FirstPage,
): Promise<ShopSyncResult> {
  const pageSize = feedPageSize(ctx.pageSize);
  const result: ShopSyncResult = { shopId, fetched: 0, changed: 0, resynced: false };
  let state = readSyncState(ctx.db, shopId);
  let next =
    first !== undefined && first.gateway === ctx.gateway && first.cursor === state.cursor
      ? first.page
      : prefetch(ctx.gateway, shopId, state.cursor, pageSize);
  let applied = 0;
  for (let page = 1; ; page++) {
    let answer;
    try {
      answer = await next;
    } catch (e) {
      if (e instanceof AppFailure && e.code === 'RESYNC_REQUIRED' && !result.resynced) {
        resetSyncPosition(ctx.db, shopId);
        state = readSyncState(ctx.db, shopId);
        result.resynced = true;
        next = prefetch(ctx.gateway, shopId, null, pageSize);
        continue;
      }
      throw e;
    }
    if (answer.hasMore) {
      // The server's work on it and the parsing of its answer compete with the window too.
      await ctx.windowFirst?.clear();
      next = prefetch(ctx.gateway, shopId, answer.cursor, pageSize);
    }
    result.fetched += answer.threads.length;
    const fullDone = state.fullDone || !answer.hasMore;
    const changedIds = await ctx.applier.apply(answer.threads, () =>
      saveSyncPosition(ctx.db, shopId, answer.cursor, fullDone, ctx.now()),
    );
    applied += answer.threads.length;
    result.changed += changedIds.length;
    if (changedIds.length > 0) ctx.emit('inquiriesChanged', { shopId, inquiryIds: changedIds });
    ctx.emit('syncProgress', { shopId, fetched: result.fetched, applied, done: !answer.hasMore });
    await ctx.afterPage?.(shopId, page);
    if (!answer.hasMore) return result;
  }
}
