import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSyncEngine, readSyncState } from '../../../src/main/core/sync/index.js';
import type { Session } from '../../../src/main/core/session/index.js';
import type { Sandbox } from '../../../src/sandbox/server.js';
import {
  admin,
  FAST_TRANSPORT,
  loggedIn,
  recorder,
  serverCount,
  startTestSandbox,
  tempDb,
  type TempDb,
} from './helpers.js';

let sandbox: Sandbox;
let cache: TempDb;
let session: Session;
beforeEach(async () => {
  sandbox = await startTestSandbox({ inquiries: 400 });
  cache = tempDb();
  session = await loggedIn(sandbox, cache.db);
});
afterEach(async () => {
  cache.cleanup();
  await sandbox.close();
});

const localCount = (sql: string, ...p: unknown[]) =>
  (cache.db.prepare(sql).get(...p) as { n: number }).n;

function engine(events = recorder(), pageSize = 50) {
  return createSyncEngine({
    db: cache.db,
    gateway: () => session.gateway(),
    shops: () => session.shopIds(),
    emit: events.emit,
    pageSize,
  });
}

describe('change-feed sync (qpost)', () => {
  it('initial sync brings every inquiry and message of every shop, once', async () => {
    const events = recorder();
    const status = await engine(events).syncAll();
    expect(status.state).toBe('idle');
    expect(status.lastSyncAt).not.toBeNull();
    for (const shop of session.shopIds()) {
      expect(localCount('SELECT count(*) AS n FROM inquiries WHERE shop_id = ?', shop)).toBe(
        serverCount(sandbox, 'SELECT count(*) AS n FROM inquiries WHERE shop_id = ?', shop),
      );
      expect(
        localCount(
          'SELECT count(*) AS n FROM messages m JOIN inquiries i ON i.rowid = m.inquiry_rowid WHERE i.shop_id = ?',
          shop,
        ),
      ).toBe(
        serverCount(
          sandbox,
          'SELECT count(*) AS n FROM messages m JOIN inquiries i USING (question_no) WHERE i.shop_id = ?',
          shop,
        ),
      );
      expect(readSyncState(cache.db, shop)).toMatchObject({ fullDone: true, lastError: null });
    }
    const progress = events.of('syncProgress');
    expect(progress.filter((p) => p.done)).toHaveLength(3);
    const timing = events.of('timing').filter((t) => t.name === 'sync.shop');
    expect(timing).toHaveLength(3);
    expect(timing[0]?.detail).toHaveProperty('longestApplySliceMs');
    expect(timing[0]?.detail).toHaveProperty('maxEventLoopDelayMs');
  });

  it("asks every shop's first page at once; a pass with nothing changed is one round of them", async () => {
    const e = engine();
    await e.syncAll();
    const real = session.gateway();
    if (real === null) throw new Error('not logged in');
    let inFlight = 0;
    let most = 0;
    const asked: string[] = [];
    const gateway = Object.create(real) as typeof real;
    gateway.getChanges = async (shopId, cursor, pageSize) => {
      asked.push(shopId);
      most = Math.max(most, ++inFlight);
      try {
        return await real.getChanges(shopId, cursor, pageSize);
      } finally {
        inFlight--;
      }
    };
    const watched = createSyncEngine({
      db: cache.db,
      gateway: () => gateway,
      shops: () => session.shopIds(),
      pageSize: 50,
    });
    const status = await watched.syncAll();
    expect(status.state).toBe('idle');
    expect(asked.sort()).toEqual([...session.shopIds()].sort());
    expect(most).toBe(session.shopIds().length);
  });

  it('incremental sync fetches only what changed', async () => {
    const e = engine();
    await e.syncAll();
    const before = localCount('SELECT count(*) AS n FROM inquiries');
    const posted = await admin<{ QUESTION_NO: number }>(sandbox, 'POST', '/buyer-message', {
      shop_id: '100002',
      title: '新しい質問',
      contents: '在庫はありますか？',
    });
    const events = recorder();
    const result = await engine(events).syncShop('100002');
    expect(result.fetched).toBe(1);
    expect(localCount('SELECT count(*) AS n FROM inquiries')).toBe(before + 1);
    expect(events.of('inquiriesChanged')).toEqual([
      { shopId: '100002', inquiryIds: [`100002:${posted.QUESTION_NO}`] },
    ]);
    // Nothing changed: an empty page, no writes.
    expect((await engine().syncShop('100001')).fetched).toBe(0);
  });

  it('a follow-up on a known inquiry updates it in place', async () => {
    await engine().syncAll();
    const row = cache.db
      .prepare(
        "SELECT question_no AS q, message_count AS m FROM inquiries WHERE shop_id = '100001' LIMIT 1",
      )
      .get() as { q: number; m: number };
    await admin(sandbox, 'POST', '/buyer-message', {
      shop_id: '100001',
      question_no: row.q,
      contents: '追加の質問です',
    });
    await engine().syncShop('100001');
    const after = cache.db
      .prepare('SELECT message_count AS m, status FROM inquiries WHERE id = ?')
      .get(`100001:${row.q}`) as { m: number; status: string };
    expect(after).toEqual({ m: row.m + 1, status: 'S1' });
  });

  it('resync required: clears the cursor and starts over without duplicates', async () => {
    await engine().syncAll();
    const inquiries = localCount('SELECT count(*) AS n FROM inquiries');
    const messages = localCount('SELECT count(*) AS n FROM messages');
    cache.db
      .prepare("UPDATE sync_state SET cursor = 'not-a-cursor' WHERE shop_id = '100001'")
      .run();
    const result = await engine().syncShop('100001');
    expect(result.resynced).toBe(true);
    expect(result.fetched).toBe(
      serverCount(sandbox, "SELECT count(*) AS n FROM inquiries WHERE shop_id = '100001'"),
    );
    expect(localCount('SELECT count(*) AS n FROM inquiries')).toBe(inquiries);
    expect(localCount('SELECT count(*) AS n FROM messages')).toBe(messages);
    expect(readSyncState(cache.db, '100001').cursor).not.toBe('not-a-cursor');
  });

  it('keeps going through faults, with retries', async () => {
    // About 24% of attempts fail here. With the default 4 attempts a call gives up once in
    // about 300 (0.24^4), and this sync makes dozens of calls: it failed CI now and then. With
    // 10 attempts a call gives up once in about 1.6 million; every retry path still runs.
    session = await loggedIn(sandbox, cache.db, {
      transport: { ...FAST_TRANSPORT, maxAttempts: 10 },
    });
    await admin(sandbox, 'PUT', '/faults', { spec: 'error=0.2,drop=0.05' });
    const status = await engine(recorder(), 40).syncAll();
    expect(status.state).toBe('idle');
    expect(localCount('SELECT count(*) AS n FROM inquiries')).toBe(
      serverCount(
        sandbox,
        "SELECT count(*) AS n FROM inquiries WHERE shop_id IN ('100001','100002','100003')",
      ),
    );
  });

  it('reports offline when the server is gone, and records the error per shop', async () => {
    const e = engine();
    await sandbox.close();
    const status = await e.syncAll();
    expect(status.state).toBe('offline');
    expect(readSyncState(cache.db, '100001').lastError).toMatch(/^NETWORK/);
    sandbox = await startTestSandbox({ inquiries: 10 });
  });
});
