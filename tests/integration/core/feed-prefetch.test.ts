// The change-feed loop fetches page N+1 while page N is written. These tests watch the real
// sandbox-backed gateway through a thin recorder (which can also fail one chosen request the way
// the transport fails it) and check the ordering and what a failure leaves behind.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../src/shared/errors.js';
import type { Gateway } from '../../../src/main/core/gateway/index.js';
import type { Session } from '../../../src/main/core/session/index.js';
import { createSliceApplier, type SliceApplier } from '../../../src/main/core/sync/apply.js';
import { syncShopFeed } from '../../../src/main/core/sync/feed-sync.js';
import { createSyncEngine, readSyncState } from '../../../src/main/core/sync/index.js';
import type { WindowFirst } from '../../../src/main/core/sync/window-first.js';
import type { Sandbox } from '../../../src/sandbox/server.js';
import {
  loggedIn,
  recorder,
  serverCount,
  startTestSandbox,
  tempDb,
  type TempDb,
} from './helpers.js';

const SHOP = '100001';
const PAGE = 20;

let sandbox: Sandbox;
let cache: TempDb;
let session: Session;
beforeEach(async () => {
  sandbox = await startTestSandbox({ inquiries: 300 });
  cache = tempDb();
  session = await loggedIn(sandbox, cache.db);
});
afterEach(async () => {
  cache.cleanup();
  await sandbox.close();
});

const local = (sql: string): number => (cache.db.prepare(sql).get() as { n: number }).n;
const shopTotal = (): number =>
  serverCount(sandbox, 'SELECT count(*) AS n FROM inquiries WHERE shop_id = ?', SHOP);

/** The session's gateway, logging each request and page write; `failAt` fails that request. */
function watched(log: string[], failAt?: { request: number; error: AppFailure }) {
  const real = session.gateway();
  if (real === null) throw new Error('not logged in');
  let requests = 0;
  const gateway: Gateway = Object.create(real) as Gateway;
  gateway.getChanges = (shopId, cursor, pageSize) => {
    requests++;
    log.push(`fetch ${requests}`);
    if (requests === failAt?.request) return Promise.reject(failAt.error);
    return real.getChanges(shopId, cursor, pageSize);
  };
  const inner = createSliceApplier(cache.db);
  let pages = 0;
  const applier: SliceApplier = {
    get longestMs() {
      return inner.longestMs;
    },
    get slices() {
      return inner.slices;
    },
    close: () => inner.close(),
    async apply(threads, finalWrite) {
      const page = ++pages;
      log.push(`apply ${page}`);
      const ids = await inner.apply(threads, finalWrite);
      log.push(`committed ${page}`);
      return ids;
    },
  };
  return { gateway, applier };
}

async function sync(gateway: Gateway, applier: SliceApplier, windowFirst?: WindowFirst) {
  try {
    return await syncShopFeed(
      {
        db: cache.db,
        gateway,
        applier,
        emit: recorder().emit,
        now: Date.now,
        pageSize: PAGE,
        ...(windowFirst ? { windowFirst } : {}),
      },
      SHOP,
    );
  } finally {
    await applier.close();
  }
}

describe('change feed with one page fetched ahead', () => {
  it('requests page N+1 before writing page N, and brings every inquiry once', async () => {
    const log: string[] = [];
    const { gateway, applier } = watched(log);
    const result = await sync(gateway, applier);
    expect(log.slice(0, 5)).toEqual(['fetch 1', 'fetch 2', 'apply 1', 'committed 1', 'fetch 3']);
    // Never more than one request ahead of the page being written.
    let ahead = 0;
    for (const line of log) {
      if (line.startsWith('fetch')) ahead++;
      if (line.startsWith('committed')) ahead--;
      expect(ahead).toBeLessThanOrEqual(2);
    }
    expect(result.fetched).toBe(shopTotal());
    expect(local(`SELECT count(*) AS n FROM inquiries WHERE shop_id = '${SHOP}'`)).toBe(
      shopTotal(),
    );
    expect(readSyncState(cache.db, SHOP).fullDone).toBe(true);
  });

  it('a failed prefetch leaves the page before it committed and the cursor on it', async () => {
    const log: string[] = [];
    const cut = new AppFailure('NETWORK', 'connection refused');
    const first = watched(log, { request: 3, error: cut });
    await expect(sync(first.gateway, first.applier)).rejects.toThrow(cut);
    // Request 3 was issued while page 2 was written; page 2 still committed with its cursor.
    expect(log).toEqual([
      'fetch 1',
      'fetch 2',
      'apply 1',
      'committed 1',
      'fetch 3',
      'apply 2',
      'committed 2',
    ]);
    expect(local(`SELECT count(*) AS n FROM inquiries WHERE shop_id = '${SHOP}'`)).toBe(2 * PAGE);
    const saved = readSyncState(cache.db, SHOP);
    expect(saved.cursor).not.toBeNull();
    expect(saved.fullDone).toBe(false);

    // Resuming from that cursor fetches exactly the rest: the cursor was not ahead of the rows.
    const again = watched([]);
    const result = await sync(again.gateway, again.applier);
    expect(result.fetched).toBe(shopTotal() - 2 * PAGE);
    expect(local(`SELECT count(*) AS n FROM inquiries WHERE shop_id = '${SHOP}'`)).toBe(
      shopTotal(),
    );
  });

  it('"resync required" on a prefetched page starts over once, without duplicates', async () => {
    const log: string[] = [];
    const gone = new AppFailure('RESYNC_REQUIRED', 'cursor expired');
    const { gateway, applier } = watched(log, { request: 2, error: gone });
    const result = await sync(gateway, applier);
    expect(result.resynced).toBe(true);
    expect(log.slice(0, 5)).toEqual(['fetch 1', 'fetch 2', 'apply 1', 'committed 1', 'fetch 3']);
    expect(local(`SELECT count(*) AS n FROM inquiries WHERE shop_id = '${SHOP}'`)).toBe(
      shopTotal(),
    );
    expect(result.fetched).toBe(shopTotal() + PAGE);
    expect(readSyncState(cache.db, SHOP).fullDone).toBe(true);
  });
});

/** A window that is busy until `letGo()`: the sync's asks for it are logged. */
function busyWindow(log: string[]): WindowFirst & { letGo: () => void } {
  let letGo = (): void => undefined;
  const busy = new Promise<void>((resolve) => {
    letGo = resolve;
  });
  return {
    touch: () => undefined,
    clear: () => {
      log.push('window?');
      return busy;
    },
    letGo: () => letGo(),
  };
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50));

describe('a window changing screens goes first', () => {
  it('the next page is asked for only once the window lets the sync go on', async () => {
    const log: string[] = [];
    const { gateway, applier } = watched(log);
    const busy = busyWindow(log);
    const syncing = sync(gateway, applier, busy);
    await settle();
    expect(log).toEqual(['fetch 1', 'window?']);
    busy.letGo();
    const result = await syncing;
    expect(log.slice(0, 3)).toEqual(['fetch 1', 'window?', 'fetch 2']);
    expect(result.fetched).toBe(shopTotal());
  });

  it("a pass tells its host it begins, then asks for the shops' first pages once the window lets it", async () => {
    const log: string[] = [];
    const { gateway } = watched(log);
    const busy = busyWindow(log);
    const engine = createSyncEngine({
      db: cache.db,
      gateway,
      shops: () => [SHOP],
      pageSize: PAGE,
      windowFirst: busy,
      beforePass: () => log.push('pass'), // where the core worker lowers its priority
    });
    const passing = engine.syncAll();
    await settle();
    expect(log).toEqual(['pass', 'window?']);
    busy.letGo();
    await passing;
    expect(log[2]).toBe('fetch 1');
    expect(local(`SELECT count(*) AS n FROM inquiries WHERE shop_id = '${SHOP}'`)).toBe(
      shopTotal(),
    );
  });
});
