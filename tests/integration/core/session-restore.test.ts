// Restoring a remembered login offline-first: the cache answers at once, the login is confirmed
// with the server in the background, and what needs the server waits for that confirmation.
// The server is the real sandbox behind a proxy on 127.0.0.1 that can hold requests.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QAPI_METHODS } from '../../../src/shared/qapi.js';
import { replaceShops } from '../../../src/main/core/store/inquiries.js';
import { createSession, VAULT_ENTRY } from '../../../src/main/core/session/index.js';
import type { Sandbox } from '../../../src/sandbox/server.js';
import { startHoldingProxy, type HoldingProxy } from './holding-proxy.js';
import {
  admin,
  DEMO,
  FAST_TRANSPORT,
  failureCode,
  memoryVault,
  recorder,
  startTestSandbox,
  tempDb,
  type TempDb,
} from './helpers.js';

let sandbox: Sandbox;
let proxy: HoldingProxy;
let cache: TempDb;
let vault: ReturnType<typeof memoryVault>;
let events: ReturnType<typeof recorder>;

const start = () =>
  createSession({
    db: cache.db,
    sandboxUrl: proxy.url,
    vault,
    emit: events.emit,
    transport: FAST_TRANSPORT,
  });

beforeEach(async () => {
  sandbox = await startTestSandbox({ inquiries: 30 });
  proxy = await startHoldingProxy(sandbox.url);
  cache = tempDb();
  vault = memoryVault();
  events = recorder();
  // A previous run: logged in with "save login information", picked a shop.
  const first = start();
  const info = await first.login({
    user: DEMO.user,
    password: DEMO.password,
    location: 'sandbox',
    remember: true,
  });
  first.selectShop(info.shops[1]!.id);
  proxy.seen.length = 0;
});
afterEach(async () => {
  proxy.release();
  await proxy.close();
  cache.cleanup();
  await sandbox.close();
});

const keyRequests = (): number =>
  proxy.seen.filter((p) => p.endsWith(`/${QAPI_METHODS.createCertificationKey}`)).length;

describe('restore, offline-first', () => {
  it('answers from the cache while the server has not answered the login yet', async () => {
    proxy.hold();
    const session = start();
    const restoring = session.restore();
    await vi.waitFor(() => expect(proxy.waiting()).toBe(1)); // the key request, held
    const info = await restoring; // resolves with the server still silent
    expect(info?.shops.map((s) => s.id).sort()).toEqual(['100001', '100002', '100003']);
    expect(info?.selectedShopId).toBe('100002');
    expect(info?.remembered).toBe(true);

    // A call to the server meanwhile waits for the background login instead of logging in too.
    const shops = session.gateway()!.listShops();
    proxy.release();
    expect(await shops).toHaveLength(3);
    expect(keyRequests()).toBe(1);
    expect(session.info()?.selectedShopId).toBe('100002');
    expect(events.of('sessionExpired')).toEqual([]);
  });

  it('a password the server now refuses ends the restored session and is forgotten', async () => {
    await admin(sandbox, 'POST', '/password', { user_id: DEMO.user, pwd: 'changed-pass-1' });
    proxy.hold();
    const session = start();
    const restoring = session.restore();
    await vi.waitFor(() => expect(proxy.waiting()).toBe(1));
    expect((await restoring)?.user).toBe(DEMO.user);
    const waitingCall = session.gateway()!.getCounts('100001');

    proxy.release();
    expect(await failureCode(waitingCall)).toBe('SESSION_EXPIRED');
    expect(events.of('sessionExpired')).toEqual([{ reason: 'LOGIN_FAILED' }]);
    expect(session.info()).toBeNull();
    expect(session.gateway()).toBeNull();
    expect(vault.entries.has(VAULT_ENTRY)).toBe(false);
    expect(keyRequests()).toBe(1); // the refused password was not tried again
  });

  it('takes the shop list from the server once it answers, keeping the shop on screen', async () => {
    const account = cache.db.prepare('SELECT id FROM accounts').get() as { id: number };
    replaceShops(cache.db, account.id, [{ id: '100002', name: 'only this one, cached' }]);
    const session = start();
    const info = await session.restore();
    expect(info?.shops.map((s) => s.id)).toEqual(['100002']);
    expect(await session.gateway()!.listShops()).toHaveLength(3);
    expect(session.shopIds().sort()).toEqual(['100001', '100002', '100003']);
    expect(session.info()?.selectedShopId).toBe('100002');
    const cached = cache.db.prepare('SELECT count(*) AS n FROM shops').get() as { n: number };
    expect(cached.n).toBe(3);
  });

  it('a logout during the background login stays a logout', async () => {
    proxy.hold();
    const session = start();
    const restoring = session.restore();
    await vi.waitFor(() => expect(proxy.waiting()).toBe(1));
    await restoring;
    const waitingCall = session.gateway()!.listShops();
    await session.logout();
    proxy.release();
    expect(await failureCode(waitingCall)).toBe('NOT_LOGGED_IN');
    expect(session.info()).toBeNull();
    expect(vault.entries.size).toBe(0);
  });

  it('without the account in the cache, logs in first, as before', async () => {
    const fresh = tempDb();
    try {
      const session = createSession({
        db: fresh.db,
        sandboxUrl: proxy.url,
        vault,
        transport: FAST_TRANSPORT,
      });
      const info = await session.restore();
      expect(info?.shops).toHaveLength(3);
      expect(keyRequests()).toBe(1);
      expect(fresh.db.prepare('SELECT user FROM accounts').all()).toEqual([{ user: DEMO.user }]);
    } finally {
      fresh.cleanup();
    }
  });
});
