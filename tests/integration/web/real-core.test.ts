// The real core behind both hops — worker port and WebSocket — against a real sandbox, compared
// call by call with a second real core called in-process on the same data.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/core/dispatch.js';
import { createCore } from '../../../src/main/core/index.js';
import type { Core } from '../../../src/main/core/host.js';
import {
  startCoreWorker,
  type WorkerCore,
} from '../../../src/main/core/worker/start-core-worker.js';
import { startWebServer, type WebServer } from '../../../src/main/web/server.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/server.js';
import { connect, makeRendererDir, type Client } from './helpers.js';

const login = { user: 'demo', password: 'demo1234', location: 'sandbox' };
const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'toiawase-real-'));
  dirs.push(d);
  return d;
};
let sandbox: Sandbox;
let worker: WorkerCore;
let local: Core;
let server: WebServer;
let client: Client;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, dbPath: ':memory:', seed: 3, inquiries: 150 });
  worker = await startCoreWorker({
    dataDir: tempDir(),
    sandboxUrl: sandbox.url,
    background: false,
  });
  local = await createCore({ dataDir: tempDir(), sandboxUrl: sandbox.url, background: false });
  server = await startWebServer({ core: worker, rendererDir: makeRendererDir() });
  client = await connect(server);
});
afterAll(async () => {
  client.ws.close();
  await server.close();
  await worker.close();
  await local.close();
  await sandbox.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The same call over the socket (→ worker → core) and in-process; both answers. */
async function both(method: string, payload: unknown) {
  const remote = await client.call(method, payload);
  const direct = JSON.parse(JSON.stringify(await dispatch(local.api, method, payload))) as unknown;
  return { remote, direct };
}

describe('the real core through the worker and the socket', () => {
  it('logs in, syncs with progress events and answers like the in-process core', async () => {
    for (const [method, payload] of [
      ['getSession', {}],
      ['login', { ...login, password: 'wrong-password' }],
      ['login', login],
      ['selectShop', { shopId: 'all' }],
    ] as const) {
      const { remote, direct } = await both(method, payload);
      expect(remote, method).toEqual(direct);
    }
    const synced = await both('syncNow', {});
    expect(synced.remote.ok).toBe(true);
    expect(synced.direct).toMatchObject({ ok: true });
    const progress = client.frames.filter((f) => f.event === 'syncProgress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.some((f) => (f.payload as { done: boolean }).done)).toBe(true);

    const search = await both('search', { shopId: 'all', limit: 25 });
    expect(search.remote).toEqual(search.direct);
    expect(search.remote.ok && (search.remote.value as { total: number }).total).toBeGreaterThan(0);
    const first = (search.remote.value as { rows: { id: string }[] }).rows[0]!;
    for (const [method, payload] of [
      ['openThread', { inquiryId: first.id }],
      ['counts', { shopId: 'all' }],
      ['search', { shopId: 'all', status: 'S1', sort: 'oldest', limit: 10 }],
      ['listTemplates', {}],
      ['checkPii', { text: '連絡先 090-1234-5678 / taro@example.com' }],
    ] as const) {
      const { remote, direct } = await both(method, payload);
      expect(remote, method).toEqual(direct);
    }
  });

  it('rejects bad input the same way', async () => {
    for (const [method, payload] of [
      ['reply', { inquiryId: 'x', body: '', status: 'S1' }],
      ['search', { from: '2024-13-99' }],
      ['hide', { inquiryId: '100001:1', title: '', reason: '' }],
      ['noSuchCall', {}],
    ] as const) {
      const { remote, direct } = await both(method, payload);
      expect(remote.ok, method).toBe(false);
      expect(remote, method).toEqual(direct);
    }
  });
});
