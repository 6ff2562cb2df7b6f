import { mkdtempSync, rmSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../../../src/main/core/dispatch.js';
import type { CoreLogger, CredentialVault } from '../../../../../src/main/core/host.js';
import { CORE_THREAD_NICE } from '../../../../../src/main/core/worker/background-priority.js';
import {
  startCoreWorker,
  type WorkerCore,
} from '../../../../../src/main/core/worker/start-core-worker.js';
import { createCore, DEMO } from './fixture-core.js';

const coreModule = new URL('./fixture-core.ts', import.meta.url);
const login = { user: DEMO.user, password: DEMO.password, location: 'sandbox' } as const;

let dataDir: string;
const started: WorkerCore[] = [];

async function start(extra: Partial<Parameters<typeof startCoreWorker>[0]> = {}) {
  const core = await startCoreWorker({ dataDir, ...extra }, { coreModule });
  started.push(core);
  return core;
}

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'toiawase-worker-'));
});
afterEach(async () => {
  await Promise.all(started.splice(0).map((c) => c.close()));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('startCoreWorker', () => {
  it('runs the core on another thread and answers like the in-process api', async () => {
    const worker = await start();
    expect(worker.threadId).toBeGreaterThan(0);
    const local = await createCore({ dataDir });
    const calls: [string, unknown][] = [
      ['getSession', {}],
      ['login', { ...login, password: 'wrong' }],
      ['login', login],
      ['selectShop', { shopId: 'nope' }],
      ['selectShop', { shopId: 'shop-a' }],
      ['saveTemplate', { name: 'お礼', body: 'ありがとうございます' }],
      ['listTemplates', {}],
      ['checkPii', { text: '電話 03-1234-5678 まで' }],
      ['search', { limit: 0 }],
      ['nope', {}],
      ['reply', { inquiryId: 'bad id', body: 'x', status: 'S3' }],
    ];
    for (const [method, payload] of calls) {
      const viaWorker = await worker.invoke(method, payload);
      const inProcess = await dispatch(local.api, method, payload);
      expect(viaWorker, method).toEqual(inProcess);
    }
    const typed = await worker.api.getSession({});
    expect(typed.ok && typed.value?.selectedShopId).toBe('shop-a');
  });

  it('answers malformed calls with VALIDATION, including payloads that cannot be cloned', async () => {
    const worker = await start();
    const unknown = await worker.invoke({ toString: 1 }, {});
    expect(unknown.ok || unknown.error.code).toBe('VALIDATION');
    const badPayload = await worker.invoke('login', { user: '', password: 1 });
    expect(badPayload.ok || badPayload.error.code).toBe('VALIDATION');
    const uncloneable = await worker.invoke('checkPii', { text: () => 'x' });
    expect(uncloneable.ok || uncloneable.error.code).toBe('VALIDATION');
    // The worker is still fine afterwards.
    expect((await worker.api.getSettings({})).ok).toBe(true);
  });

  it('forwards events to subscribers until they unsubscribe', async () => {
    const worker = await start();
    const seen: string[] = [];
    const off = worker.on('syncProgress', (p) => seen.push(p.shopId));
    await worker.api.login(login);
    await worker.api.syncNow({});
    // Events are posted before the call's result, so they have arrived by now.
    expect(seen).toEqual(['shop-a', 'shop-b']);
    off();
    await worker.api.syncNow({});
    expect(seen).toHaveLength(2);
  });

  it('serves the host vault and logger to the core in the worker', async () => {
    const saved: string[][] = [];
    const vault: CredentialVault = {
      isAvailable: () => true,
      save: (account, secret) => {
        saved.push([account, secret]);
        return Promise.resolve();
      },
      load: () => Promise.resolve(null),
      clear: () => Promise.resolve(),
    };
    const info = vi.fn();
    const logger: CoreLogger = { info, warn: vi.fn(), error: vi.fn() };
    const worker = await start({ vault, logger });
    const r = await worker.api.login({ ...login, remember: true });
    expect(r.ok && r.value.remembered).toBe(true);
    expect(saved).toEqual([[DEMO.user, DEMO.password]]);
    expect(info).toHaveBeenCalledWith('logged in', { user: DEMO.user });

    const noVault = await start();
    const refused = await noVault.api.login({ ...login, remember: true });
    expect(refused.ok || refused.error.code).toBe('SECURE_STORAGE_UNAVAILABLE');
  });

  it('turns a crash of the worker into errors for pending and later calls', async () => {
    const worker = await start();
    const pending = worker.api.saveTemplate({ name: '__crash__', body: 'x' });
    const r = await pending;
    expect(r.ok || r.error).toMatchObject({
      code: 'INTERNAL',
      message: expect.stringContaining('fixture crash'),
    });
    const later = await worker.api.getSettings({});
    expect(later.ok || later.error.code).toBe('INTERNAL');
  });

  it('turns an exit of the worker into errors', async () => {
    const worker = await start();
    const r = await worker.api.saveTemplate({ name: '__exit__', body: 'x' });
    expect(r.ok || r.error.message).toContain('exit code 7');
    await worker.close();
  });

  it('rejects when the core cannot start, and refuses functions it cannot carry', async () => {
    await expect(
      startCoreWorker({ dataDir: '/nonexistent/refuse' }, { coreModule }),
    ).rejects.toThrow('data dir refused');
    await expect(startCoreWorker({ dataDir, now: Date.now }, { coreModule })).rejects.toThrow(
      TypeError,
    );
    await expect(
      startCoreWorker({ dataDir, beforeSyncPass: () => undefined }, { coreModule }),
    ).rejects.toThrow('CoreOptions.beforeSyncPass cannot cross');
  });

  it.runIf(process.platform === 'linux')(
    "lowers its thread's priority from the first sync pass on, not the host's",
    async () => {
      const worker = await start();
      await worker.api.login(login);
      const nice: number[] = [];
      const off = worker.on('timing', (t) => {
        if (t.name === 'fixture.nice') nice.push(t.detail?.nice ?? -1);
      });
      const host = getPriority(0);
      await worker.api.syncNow({});
      off();
      expect(nice).toEqual([CORE_THREAD_NICE]);
      expect(getPriority(0)).toBe(host);
    },
  );

  it('closes: later calls fail fast and close is idempotent', async () => {
    const worker = await start();
    await worker.api.login(login);
    await Promise.all([worker.close(), worker.close()]);
    const r = await worker.api.getSession({});
    expect(r.ok || r.error).toMatchObject({ code: 'INTERNAL', message: 'the core is closed' });
  });
});
