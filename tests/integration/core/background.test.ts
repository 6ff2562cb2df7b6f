// The loops a host starts: outbox delivery as soon as something is queued, and sync on an
// interval and when the network comes back (connectivity = outcome of the last request).
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOutbox, type Outbox } from '../../../src/main/core/outbox/index.js';
import type { Session } from '../../../src/main/core/session/index.js';
import {
  createConnectivity,
  createSyncEngine,
  type Connectivity,
  type SyncEngine,
} from '../../../src/main/core/sync/index.js';
import type { Sandbox } from '../../../src/sandbox/server.js';
import { admin, loggedIn, recorder, startTestSandbox, tempDb, type TempDb } from './helpers.js';

let sandbox: Sandbox;
let cache: TempDb;
let session: Session;
let connectivity: Connectivity;
let events: ReturnType<typeof recorder>;
let sync: SyncEngine;
let outbox: Outbox;

beforeEach(async () => {
  cache = tempDb();
  // File-backed so a restart keeps the seller key.
  sandbox = await startTestSandbox({ inquiries: 80, dbPath: join(cache.dir, 'sandbox.sqlite') });
  events = recorder();
  connectivity = createConnectivity(events.emit);
  session = await loggedIn(sandbox, cache.db, {
    connectivity,
    transport: { backoff: { baseMs: 5, capMs: 20 }, maxAttempts: 2 },
  });
  sync = createSyncEngine({
    db: cache.db,
    gateway: () => session.gateway(),
    shops: () => session.shopIds(),
    emit: events.emit,
    connectivity,
  });
  outbox = createOutbox({
    db: cache.db,
    gateway: () => session.gateway(),
    emit: events.emit,
    connectivity,
    backoff: { baseMs: 20, capMs: 100 },
  });
});
afterEach(async () => {
  await outbox.stop();
  await sync.stop();
  cache.cleanup();
  await sandbox.close();
});

describe('background loops', () => {
  it('a started outbox delivers what is queued without being asked', async () => {
    await sync.syncAll();
    outbox.start();
    const id = (
      cache.db.prepare("SELECT id FROM inquiries WHERE status = 'S1' LIMIT 1").get() as {
        id: string;
      }
    ).id;
    const item = outbox.enqueueReply({ inquiryId: id, body: '自動で送られる', status: 'S3' });
    await vi.waitFor(() => expect(outbox.get(item.id)?.state).toBe('sent'), { timeout: 10_000 });
  });

  it('goes offline, then syncs and delivers when the server is back', async () => {
    sync.start(3600);
    outbox.start();
    await vi.waitFor(() => expect(sync.status().lastSyncAt).not.toBeNull(), { timeout: 10_000 });
    const id = (
      cache.db.prepare("SELECT id FROM inquiries WHERE status = 'S1' LIMIT 1").get() as {
        id: string;
      }
    ).id;
    const port = sandbox.port;
    const dbPath = sandbox.dbPath;
    await sandbox.close();

    const item = outbox.enqueueReply({ inquiryId: id, body: 'オフライン中に', status: 'S3' });
    await vi.waitFor(() => expect(connectivity.online).toBe(false), { timeout: 10_000 });
    // The first failed request says "offline"; the transport's own retries may still be running,
    // after which the item waits in the queue.
    await vi.waitFor(() => expect(outbox.get(item.id)?.state).toBe('queued'), { timeout: 10_000 });

    sandbox = await startTestSandbox({ dbPath, port });
    const posted = await admin<{ QUESTION_NO: number }>(sandbox, 'POST', '/buyer-message', {
      shop_id: '100002',
      contents: '戻ってきた？',
    });
    // Only a request can tell that the network is back: the outbox's retry timer makes one.
    await vi.waitFor(() => expect(outbox.get(item.id)?.state).toBe('sent'), { timeout: 15_000 });
    expect(events.of('connectivity')).toEqual([{ online: false }, { online: true }]);
    // Coming back online triggered a sync (the interval is an hour), which brought the new one.
    await vi.waitFor(
      () =>
        expect(
          cache.db
            .prepare('SELECT count(*) AS n FROM inquiries WHERE id = ?')
            .get(`100002:${posted.QUESTION_NO}`),
        ).toEqual({ n: 1 }),
      { timeout: 10_000 },
    );
  });
});
