import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../src/shared/errors.js';
import { createSession, VAULT_ENTRY } from '../../../src/main/core/session/index.js';
import { createConnectivity } from '../../../src/main/core/sync/index.js';
import type { Sandbox } from '../../../src/sandbox/server.js';
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
let cache: TempDb;
beforeEach(async () => {
  sandbox = await startTestSandbox({ inquiries: 60 });
  cache = tempDb();
});
afterEach(async () => {
  cache.cleanup();
  await sandbox.close();
});

const LOGIN = { user: DEMO.user, password: DEMO.password };
const YEAR_MS = 366 * 24 * 60 * 60 * 1000;

describe('session against the sandbox', () => {
  it('logs in by ID and by e-mail, with shops, capabilities and the account row', async () => {
    for (const user of [DEMO.user, DEMO.email]) {
      const s = createSession({ db: cache.db, sandboxUrl: sandbox.url, transport: FAST_TRANSPORT });
      const info = await s.login({ user, password: DEMO.password, location: 'sandbox' });
      expect(info.shops.map((x) => x.id)).toEqual(['100001', '100002', '100003']);
      expect(info.capabilities.adapter).toBe('qpost');
      expect(info.remembered).toBe(false);
      expect(info.serverUrl).toBe(sandbox.url);
    }
    const accounts = cache.db.prepare('SELECT user, adapter FROM accounts ORDER BY user').all();
    expect(accounts).toEqual([
      { user: 'demo', adapter: 'qpost' },
      { user: 'demo@example.com', adapter: 'qpost' },
    ]);
  });

  it('refuses a wrong password, then locks the account after repeated failures', async () => {
    const s = createSession({ db: cache.db, sandboxUrl: sandbox.url, transport: FAST_TRANSPORT });
    const attempt = () => s.login({ user: DEMO.user, password: 'wrong-pass', location: 'sandbox' });
    expect(await failureCode(attempt())).toBe('LOGIN_FAILED');
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push(await failureCode(attempt()));
    expect(codes.at(-1)).toBe('ACCOUNT_LOCKED');
    expect(await failureCode(s.login({ ...LOGIN, location: 'sandbox' }))).toBe('ACCOUNT_LOCKED');
    expect(s.info()).toBeNull();
  });

  it('refuses to remember without an encrypted vault, before any traffic, storing nothing', async () => {
    for (const vault of [undefined, memoryVault(false)]) {
      const s = createSession({ db: cache.db, sandboxUrl: sandbox.url, vault });
      const c = await failureCode(s.login({ ...LOGIN, location: 'sandbox', remember: true }));
      expect(c).toBe('SECURE_STORAGE_UNAVAILABLE');
      expect(vault?.entries.size ?? 0).toBe(0);
    }
    expect(cache.db.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 0 });
  });

  it('remembers through the vault, restores on start, and logout forgets', async () => {
    const vault = memoryVault();
    const s1 = createSession({
      db: cache.db,
      sandboxUrl: sandbox.url,
      vault,
      transport: FAST_TRANSPORT,
    });
    const info = await s1.login({ ...LOGIN, location: 'sandbox', remember: true });
    expect(info.remembered).toBe(true);
    expect(vault.entries.has(VAULT_ENTRY)).toBe(true);

    const s2 = createSession({
      db: cache.db,
      sandboxUrl: sandbox.url,
      vault,
      transport: FAST_TRANSPORT,
    });
    const restored = await s2.restore();
    expect(restored?.user).toBe('demo');
    expect(await s2.gateway()?.listShops()).toHaveLength(3);

    await s2.logout();
    expect(vault.entries.size).toBe(0);
    expect(s2.gateway()).toBeNull();
    expect(
      await createSession({ db: cache.db, sandboxUrl: sandbox.url, vault }).restore(),
    ).toBeNull();
  });

  it('a restored login reopens the shop last worked in; a new login still asks', async () => {
    const vault = memoryVault();
    const start = () =>
      createSession({ db: cache.db, sandboxUrl: sandbox.url, vault, transport: FAST_TRANSPORT });
    const s1 = start();
    const first = await s1.login({ ...LOGIN, location: 'sandbox', remember: true });
    expect(first.selectedShopId).toBeNull();
    expect((await start().restore())?.selectedShopId).toBeNull();
    s1.selectShop('all');
    expect((await start().restore())?.selectedShopId).toBe('all');
    const shop = first.shops[1]!.id;
    s1.selectShop(shop);
    expect((await start().restore())?.selectedShopId).toBe(shop);
    // Logging in by hand shows the shop picker, as Qpost does.
    expect((await start().login({ ...LOGIN, location: 'sandbox' })).selectedShopId).toBeNull();
  });

  it('restores offline from the cache and issues the key when the server is back', async () => {
    const vault = memoryVault();
    const s1 = createSession({
      db: cache.db,
      sandboxUrl: sandbox.url,
      vault,
      transport: FAST_TRANSPORT,
    });
    await s1.login({ ...LOGIN, location: 'sandbox', remember: true });
    const port = sandbox.port;
    await sandbox.close();

    const events = recorder();
    const connectivity = createConnectivity(events.emit);
    const offline = createSession({
      db: cache.db,
      sandboxUrl: sandbox.url,
      vault,
      connectivity,
      transport: { ...FAST_TRANSPORT, maxAttempts: 1 },
    });
    const info = await offline.restore();
    expect(info?.shops).toHaveLength(3);
    expect(info?.capabilities.adapter).toBe('qpost');
    // The login is tried in the background; a call to the server waits for it.
    expect(await failureCode(offline.gateway()!.listShops())).toBe('NETWORK');
    expect(events.of('connectivity')[0]).toEqual({ online: false });

    sandbox = await startTestSandbox({ inquiries: 60, port });
    expect(await offline.gateway()!.listShops()).toHaveLength(3);
    expect(events.of('connectivity').at(-1)).toEqual({ online: true });
  });

  it('re-issues an expired key silently when the login is saved', async () => {
    const vault = memoryVault();
    const events = recorder();
    const s = createSession({
      db: cache.db,
      sandboxUrl: sandbox.url,
      vault,
      emit: events.emit,
      transport: FAST_TRANSPORT,
    });
    await s.login({ ...LOGIN, location: 'sandbox', remember: true });
    await admin(sandbox, 'POST', '/clock', { offset_ms: YEAR_MS });
    expect(await s.gateway()!.listShops()).toHaveLength(3);
    expect(events.of('sessionExpired')).toEqual([]);
  });

  it('signals an expired session when no password is saved', async () => {
    const events = recorder();
    const s = createSession({
      db: cache.db,
      sandboxUrl: sandbox.url,
      emit: events.emit,
      transport: FAST_TRANSPORT,
    });
    await s.login({ ...LOGIN, location: 'sandbox' });
    await admin(sandbox, 'POST', '/clock', { offset_ms: YEAR_MS });
    expect(await failureCode(s.gateway()!.listShops())).toBe('SESSION_EXPIRED');
    expect(events.of('sessionExpired')).toHaveLength(1);
  });

  it('a revoked key with a stale saved password ends the session, not the account', async () => {
    const vault = memoryVault();
    const events = recorder();
    const s = createSession({
      db: cache.db,
      sandboxUrl: sandbox.url,
      vault,
      emit: events.emit,
      transport: FAST_TRANSPORT,
    });
    await s.login({ ...LOGIN, location: 'sandbox', remember: true });
    await admin(sandbox, 'POST', '/password', { user_id: 'demo', pwd: 'new-password-1' });
    expect(await failureCode(s.gateway()!.listShops())).toBe('SESSION_EXPIRED');
    expect(events.of('sessionExpired')).toHaveLength(1);
    // Logging in with the new password works again.
    const info = await s.login({ user: 'demo', password: 'new-password-1', location: 'sandbox' });
    expect(info.shops).toHaveLength(3);
  });

  it('never puts the password or the key into an error', async () => {
    const s = createSession({ db: cache.db, sandboxUrl: sandbox.url, transport: FAST_TRANSPORT });
    try {
      await s.login({ user: 'demo', password: 'S3cret-Value!', location: 'sandbox' });
    } catch (e) {
      expect(JSON.stringify((e as AppFailure).toError())).not.toContain('S3cret-Value!');
    }
  });
});
