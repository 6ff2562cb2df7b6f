// One contract, two transports: the same InboxApi calls through the Electron IPC path (main's
// registerInboxIpc + the preload bridge, over a fake ipcMain/ipcRenderer pair with structured
// clone) and through the browser shell's real WebSocket (server + the renderer's ws-bridge),
// both serving ONE real core against a real sandbox. Every answer must be identical, errors
// included, and events must reach both.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type LocalCore } from '../../../src/main/core/index.js';
import { startWebServer, type WebServer } from '../../../src/main/web/server.js';
import {
  connectWebBridge,
  type SocketConstructor,
  type WebBridge,
} from '../../../src/renderer/bridge/ws-bridge.js';
import type { InboxBridge, InboxEvents } from '../../../src/shared/api.js';
import type { Result } from '../../../src/shared/errors.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/server.js';
import { ipcBridgeFor } from '../../unit/main/electron/fake-ipc.js';
import { makeRendererDir } from '../web/helpers.js';

let sandbox: Sandbox;
let core: LocalCore;
let server: WebServer;
let ipc: ReturnType<typeof ipcBridgeFor>;
let ws: WebBridge;
const dirs: string[] = [];

const socketFrom = (origin: string): SocketConstructor =>
  class extends WebSocket {
    constructor(url: string, protocols: string[]) {
      super(url, protocols, { origin });
    }
  } as unknown as SocketConstructor;

beforeAll(async () => {
  sandbox = await startSandbox({ dbPath: ':memory:', seed: 5, inquiries: 200, admin: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'toiawase-contract-'));
  const rendererDir = makeRendererDir();
  dirs.push(dataDir, rendererDir);
  core = await createCore({ dataDir, sandboxUrl: sandbox.url, background: false });
  server = await startWebServer({ core, rendererDir });
  ipc = ipcBridgeFor(core);
  ws = await connectWebBridge(
    {
      protocol: 'http:',
      host: `127.0.0.1:${server.port}`,
      hash: `#token=${server.token}`,
      pathname: '/',
      search: '',
    },
    { WebSocket: socketFrom(server.origin), storage: null, history: null },
  );
});

afterAll(async () => {
  ws.close();
  ipc.close();
  await server.close();
  await core.close();
  await sandbox.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

type Call = (b: InboxBridge) => Promise<Result<unknown>>;

/** The same call through both transports: both answers, which must be equal. */
async function both(call: Call): Promise<Result<unknown>> {
  const viaIpc = await call(ipc.bridge);
  const viaWs = await call(ws);
  expect(viaWs).toEqual(viaIpc);
  return viaIpc;
}

const code = (r: Result<unknown>): string => (r.ok ? 'ok' : r.error.code);
const loose = (b: InboxBridge) =>
  b.api as unknown as Record<string, (i: unknown) => Promise<Result<unknown>>>;

describe('IPC and WebSocket serve the same contract', () => {
  it('answers the same before login', async () => {
    expect(code(await both((b) => b.api.search({})))).toBe('NOT_LOGGED_IN');
    expect(await both((b) => b.api.getSession({}))).toEqual({ ok: true, value: null });
    await both((b) => b.api.getSettings({}));
  });

  it('refuses malformed input identically, with VALIDATION', async () => {
    const cases: [string, unknown][] = [
      ['search', { status: 'S9' }],
      ['search', { limit: 100000 }],
      ['login', { user: 'demo' }],
      ['reply', { inquiryId: 'not an id', body: 'x', status: 'S3' }],
      ['openThread', null],
      ['hide', { inquiryId: '1:1', title: 't', reason: 'r', extra: true }],
      ['nope', {}],
    ];
    for (const [method, payload] of cases) {
      const r = await both((b) => {
        const fn = loose(b)[method];
        return fn === undefined
          ? Promise.resolve({
              ok: false,
              error: { code: 'VALIDATION', message: 'absent' },
            } as Result<unknown>)
          : fn(payload);
      });
      expect(code(r), `${method} ${JSON.stringify(payload)}`).toBe('VALIDATION');
    }
  });

  it('logs in once and then reads identically through both', async () => {
    const login = await ipc.bridge.api.login({
      user: 'demo',
      password: 'demo1234',
      location: 'sandbox',
    });
    expect(login.ok).toBe(true);
    const session = await both((b) => b.api.getSession({}));
    expect(session.ok && session.value).toBeTruthy();
    expect((await core.api.syncNow({})).ok).toBe(true);

    const page = await both((b) => b.api.search({ shopId: 'all', limit: 20 }));
    expect(page.ok).toBe(true);
    const rows = (page as { value: { rows: { id: string }[] } }).value.rows;
    expect(rows.length).toBe(20);
    await both((b) => b.api.search({ shopId: 'all', status: 'S1', text: 'サイズ' }));
    await both((b) => b.api.counts({ shopId: 'all' }));
    await both((b) => b.api.openThread({ inquiryId: rows[0]!.id }));
    await both((b) => b.api.listTemplates({}));
    await both((b) => b.api.checkPii({ text: 'メール: taro@example.com 電話 03-1234-5678' }));
    expect(code(await both((b) => b.api.openThread({ inquiryId: 'nobody:1' })))).toBe(
      'INQUIRY_NOT_FOUND',
    );
    expect(
      code(await both((b) => b.api.reply({ inquiryId: rows[0]!.id, body: '  ', status: 'S3' }))),
    ).toBe('REPLY_EMPTY');
  });

  it('delivers events to both', async () => {
    const seen = {
      ipc: [] as InboxEvents['outboxChanged'][],
      ws: [] as InboxEvents['outboxChanged'][],
    };
    const offIpc = ipc.bridge.on('outboxChanged', (e) => seen.ipc.push(e));
    const offWs = ws.on('outboxChanged', (e) => seen.ws.push(e));
    const page = await ws.api.search({ shopId: 'all', status: 'S1', source: 'customer', limit: 1 });
    if (!page.ok) throw new Error(page.error.message);
    const item = await ipc.bridge.api.reply({
      inquiryId: page.value.rows[0]!.id,
      body: 'どちらの経路でも同じ',
      status: 'S2',
    });
    expect(item.ok).toBe(true);
    await expect.poll(() => seen.ws.length, { timeout: 5_000 }).toBeGreaterThan(0);
    await expect.poll(() => seen.ipc.length, { timeout: 5_000 }).toBeGreaterThan(0);
    expect(seen.ws[0]).toEqual(seen.ipc[0]);
    offIpc();
    offWs();
    await both((b) => b.api.listOutbox({}));
  });
});
