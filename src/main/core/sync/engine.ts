// createSyncEngine: keeps the cache current — on demand, on an interval and when the network
// returns — through the change feed (qpost) or day windows (public QAPI). One pass at a time;
// a request during a pass is folded into one follow-up pass. Reports progress, changed inquiries
// and its own longest synchronous slice (the `timing` event) for the benchmarks.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { SyncStatus } from '../../../shared/api.js';
import { AppFailure, toAppError } from '../../../shared/errors.js';
import { toIsoJst } from '../../../shared/jst.js';
import type { Database } from '../db/open.js';
import type { Gateway } from '../gateway/index.js';
import { createSliceApplier } from './apply.js';
import type { Connectivity } from './connectivity.js';
import { noEmit, type Emit } from './events.js';
import {
  requestFirstPage,
  syncShopFeed,
  type FirstPage,
  type ShopSyncResult,
} from './feed-sync.js';
import { lastSyncAt, recordSyncError } from './state.js';
import { syncShopWindows } from './window-sync.js';
import type { WindowFirst } from './window-first.js';

export interface SyncEngineOptions {
  db: Database;
  /** The gateway, or a getter (null while logged out: nothing syncs). */
  gateway: Gateway | (() => Gateway | null);
  /** The shops to sync (the session's); syncAll walks them. */
  shops: () => readonly string[];
  emit?: Emit;
  now?: () => number;
  connectivity?: Connectivity;
  pageSize?: number;
  /** Public-QAPI rolling range and S3 re-poll depth (days). */
  rangeDays?: number;
  recentS3Days?: number;
  afterPage?: (shopId: string, page: number) => void | Promise<void>;
  /** The window goes first: the sync's page requests and writes wait while it changes screens. */
  windowFirst?: WindowFirst;
  /** Called as each pass begins (the core worker lowers its thread's priority there). */
  beforePass?: () => void;
}

export interface SyncEngine {
  syncShop(shopId: string): Promise<ShopSyncResult>;
  /** Every shop; errors are recorded per shop and reflected in the returned status. */
  syncAll(): Promise<SyncStatus>;
  status(): SyncStatus;
  start(intervalSec: number): void;
  /** A new interval for a started engine, from its next tick on (no pass now). */
  reschedule(intervalSec: number): void;
  stop(): Promise<void>;
}

export function createSyncEngine(opts: SyncEngineOptions): SyncEngine {
  const { db } = opts;
  const emit = opts.emit ?? noEmit;
  const now = opts.now ?? Date.now;
  const gatewayOf =
    typeof opts.gateway === 'function' ? opts.gateway : () => opts.gateway as Gateway;
  let running: Promise<SyncStatus> | null = null;
  const followUp = { wanted: false };
  let state: SyncStatus['state'] = 'idle';
  let lastError: string | null = null;
  let interval: NodeJS.Timeout | null = null;
  let unsubscribe: (() => void) | null = null;

  async function syncShop(shopId: string, first?: FirstPage): Promise<ShopSyncResult> {
    const gateway = gatewayOf();
    if (gateway === null) throw new AppFailure('NOT_LOGGED_IN', 'log in first');
    const applier = createSliceApplier(db, opts.windowFirst);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const t0 = performance.now();
    try {
      const base = { db, gateway, emit, now, applier, windowFirst: opts.windowFirst };
      return gateway.capabilities.adapter === 'qpost'
        ? await syncShopFeed(
            {
              ...base,
              ...(opts.pageSize === undefined ? {} : { pageSize: opts.pageSize }),
              ...(opts.afterPage === undefined ? {} : { afterPage: opts.afterPage }),
            },
            shopId,
            first,
          )
        : await syncShopWindows(
            {
              ...base,
              ...(opts.rangeDays === undefined ? {} : { rangeDays: opts.rangeDays }),
              ...(opts.recentS3Days === undefined ? {} : { recentS3Days: opts.recentS3Days }),
            },
            shopId,
          );
    } finally {
      await applier.close();
      loop.disable();
      emit('timing', {
        name: 'sync.shop',
        ms: performance.now() - t0,
        detail: {
          longestApplySliceMs: applier.longestMs,
          applySlices: applier.slices,
          // The event loop's worst delay during the pass, whoever caused it (ns → ms).
          maxEventLoopDelayMs: loop.max / 1e6,
        },
      });
    }
  }

  function status(): SyncStatus {
    const at = lastSyncAt(db, opts.shops());
    return { state, lastSyncAt: at === null ? null : toIsoJst(at), error: lastError };
  }

  /**
   * Every shop's first change-feed page, asked for at once: with nothing changed a pass is then
   * about one round trip instead of one per shop. The pages are applied shop by shop as before.
   */
  function startFirstPages(shopIds: readonly string[]): Map<string, FirstPage> {
    const gateway = gatewayOf();
    const pages = new Map<string, FirstPage>();
    if (gateway === null || gateway.capabilities.adapter !== 'qpost') return pages;
    for (const shopId of shopIds) {
      pages.set(shopId, requestFirstPage(db, gateway, shopId, opts.pageSize));
    }
    return pages;
  }

  async function pass(): Promise<SyncStatus> {
    opts.beforePass?.();
    state = 'syncing';
    lastError = null;
    let offline = false;
    const shopIds = opts.shops();
    // A log-in starts the first pass as it is answered: the server's first pages and their
    // parsing would compete with the screen it brings.
    await opts.windowFirst?.clear();
    const firstPages = startFirstPages(shopIds);
    for (const shopId of shopIds) {
      try {
        await syncShop(shopId, firstPages.get(shopId));
      } catch (e) {
        const err = toAppError(e);
        lastError = `${err.code}: ${err.message}`;
        recordSyncError(db, shopId, lastError);
        if (err.code === 'NETWORK' || err.code === 'TIMEOUT') offline = true;
        // Without a session or a network, the other shops would fail the same way.
        if (offline || err.code === 'SESSION_EXPIRED' || err.code === 'NOT_LOGGED_IN') break;
      }
    }
    state = offline ? 'offline' : lastError === null ? 'idle' : 'error';
    return status();
  }

  function syncAll(): Promise<SyncStatus> {
    if (running !== null) {
      followUp.wanted = true;
      return running;
    }
    running = (async () => {
      const wantsMore = (): boolean => followUp.wanted;
      let s: SyncStatus;
      do {
        followUp.wanted = false;
        s = await pass();
      } while (wantsMore());
      return s;
    })().finally(() => {
      running = null;
    });
    return running;
  }

  function schedule(intervalSec: number): void {
    if (interval !== null) clearInterval(interval);
    interval = setInterval(() => void syncAll(), Math.max(1, intervalSec) * 1000);
    interval.unref();
  }

  return {
    syncShop,
    syncAll,
    status,
    start(intervalSec) {
      schedule(intervalSec);
      unsubscribe ??=
        opts.connectivity?.onChange((online) => {
          if (online) void syncAll();
        }) ?? null;
      void syncAll();
    },
    reschedule(intervalSec) {
      if (interval !== null) schedule(intervalSec);
    },
    async stop() {
      if (interval !== null) clearInterval(interval);
      interval = null;
      unsubscribe?.();
      unsubscribe = null;
      await running?.catch(() => undefined);
    },
  };
}
