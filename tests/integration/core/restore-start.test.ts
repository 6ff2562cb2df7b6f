// A host starting the core with a remembered login (createCore, background loops on): the core
// is up from the cache while the server has not answered yet, and the first sync and the
// delivery of a reply queued meanwhile follow the background login, with one seller key. With a
// start-up quiet, the core stays off the network until the quiet is over or something needs it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCore, type LocalCore } from '../../../src/main/core/index.js';
import type { InboxEvents } from '../../../src/shared/api.js';
import type { Result } from '../../../src/shared/errors.js';
import { QAPI_METHODS } from '../../../src/shared/qapi.js';
import type { Sandbox } from '../../../src/sandbox/server.js';
import { startHoldingProxy, type HoldingProxy } from './holding-proxy.js';
import { DEMO, memoryVault, startTestSandbox } from './helpers.js';

let sandbox: Sandbox;
let proxy: HoldingProxy;
let dir: string;
let vault: ReturnType<typeof memoryVault>;
let core: LocalCore | null = null;

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};
const startCore = (background: boolean, startupQuietMs = 0): Promise<LocalCore> =>
  createCore({ dataDir: dir, sandboxUrl: proxy.url, vault, background, startupQuietMs });
const syncedShops = (progress: InboxEvents['syncProgress'][]): number =>
  new Set(progress.filter((p) => p.done).map((p) => p.shopId)).size;

beforeEach(async () => {
  sandbox = await startTestSandbox({ inquiries: 40 });
  proxy = await startHoldingProxy(sandbox.url);
  dir = mkdtempSync(join(tmpdir(), 'toiawase-restore-'));
  vault = memoryVault();
  // A previous run: remembered login, all shops, synced.
  const before = await startCore(false);
  value(
    await before.api.login({
      user: DEMO.user,
      password: DEMO.password,
      location: 'sandbox',
      remember: true,
    }),
  );
  value(await before.api.selectShop({ shopId: 'all' }));
  value(await before.api.syncNow({}));
  await before.close();
  proxy.seen.length = 0;
});
afterEach(async () => {
  proxy.release();
  await core?.close();
  core = null;
  await proxy.close();
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('starting with a remembered login', () => {
  it('is up from the cache first; sync and delivery follow the background login', async () => {
    proxy.hold();
    core = await startCore(true); // resolves with the server still silent
    const progress: InboxEvents['syncProgress'][] = [];
    const outbox: InboxEvents['outboxChanged'][] = [];
    core.on('syncProgress', (p) => progress.push(p));
    core.on('outboxChanged', (o) => outbox.push(o));

    const session = value(await core.api.getSession({}));
    expect(session?.selectedShopId).toBe('all');
    const page = value(await core.api.search({ shopId: 'all', status: 'S1', limit: 1 }));
    const inquiry = page.rows[0]!;
    const item = value(
      await core.api.reply({ inquiryId: inquiry.id, body: 'お待たせしました。', status: 'S3' }),
    );
    expect(item.state).toBe('queued');
    // The background login's key request is held; nothing else went to the server meanwhile.
    await vi.waitFor(() => expect(proxy.waiting()).toBe(1));
    expect(proxy.seen.map((p) => p.split('/').at(-1))).toEqual([
      QAPI_METHODS.createCertificationKey,
    ]);

    proxy.release();
    await vi.waitFor(() => expect(outbox.map((o) => o.state)).toContain('sent'), {
      timeout: 10_000,
    });
    await vi.waitFor(
      () => expect(new Set(progress.filter((p) => p.done).map((p) => p.shopId)).size).toBe(3),
      { timeout: 10_000 },
    );
    const keys = proxy.seen.filter((p) => p.endsWith(`/${QAPI_METHODS.createCertificationKey}`));
    expect(keys).toHaveLength(1);
  });

  it('with a quiet, answers from the cache and asks the server nothing until it is over', async () => {
    core = await startCore(true, 600);
    const progress: InboxEvents['syncProgress'][] = [];
    core.on('syncProgress', (p) => progress.push(p));
    const started = Date.now();
    expect(value(await core.api.getSession({}))?.selectedShopId).toBe('all');
    expect(value(await core.api.search({ shopId: 'all', limit: 5 })).rows).toHaveLength(5);
    expect(value(await core.api.counts({ shopId: 'all' }))).toMatchObject({
      customerUnanswered: expect.any(Number),
    });
    expect(proxy.seen).toEqual([]);
    // Then, on its own: the login's confirmation and the first sync pass of every shop.
    await vi.waitFor(() => expect(syncedShops(progress)).toBe(3), { timeout: 10_000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect(proxy.seen[0]?.split('/').at(-1)).toBe(QAPI_METHODS.createCertificationKey);
  });

  it('a call that needs the server ends the quiet at once', async () => {
    core = await startCore(true, 60_000);
    const status = value(await core.api.syncNow({})); // would wait a minute if the quiet held
    expect(status).toMatchObject({ state: 'idle', error: null });
    expect(status.lastSyncAt).not.toBeNull();
    const keys = proxy.seen.filter((p) => p.endsWith(`/${QAPI_METHODS.createCertificationKey}`));
    expect(keys).toHaveLength(1);
  });
});
