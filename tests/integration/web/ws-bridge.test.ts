// The renderer's WebSocket bridge against the real browser-shell server (Node's `ws` client
// stands in for the browser's WebSocket; it sends the page's Origin like a browser would).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { INBOX_METHODS } from '../../../src/shared/api.js';
import { dispatch } from '../../../src/main/core/dispatch.js';
import type { Core } from '../../../src/main/core/host.js';
import * as protocol from '../../../src/main/web/protocol.js';
import { startWebServer, type WebServer } from '../../../src/main/web/server.js';
import {
  connectWebBridge,
  WEB_PROTOCOL,
  type BridgeLocation,
  type SocketConstructor,
  type WebBridge,
  type WebBridgeOptions,
} from '../../../src/renderer/bridge/ws-bridge.js';
import { createCore, DEMO } from '../../unit/main/core/worker/fixture-core.js';
import { makeRendererDir } from './helpers.js';

const login = { user: DEMO.user, password: DEMO.password, location: 'sandbox' } as const;
let rendererDir: string;
let dataDir: string;
let core: Core;
let server: WebServer;
const bridges: WebBridge[] = [];

/** A browser-like WebSocket: Node's `ws` with the page's Origin header. */
const socketFrom = (origin: string): SocketConstructor =>
  class extends WebSocket {
    constructor(url: string, protocols: string[]) {
      super(url, protocols, { origin });
    }
  } as unknown as SocketConstructor;

function memoryStorage() {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
  };
}

function locationOf(s: WebServer, hash = `#token=${s.token}`): BridgeLocation {
  return { protocol: 'http:', host: `127.0.0.1:${s.port}`, hash, pathname: '/', search: '' };
}

async function bridge(s: WebServer, options: WebBridgeOptions & { hash?: string } = {}) {
  const { hash, ...rest } = options;
  const b = await connectWebBridge(locationOf(s, hash), {
    WebSocket: socketFrom(s.origin),
    storage: null,
    history: null,
    backoff: { initialMs: 20, maxMs: 100 },
    ...rest,
  });
  bridges.push(b);
  return b;
}

beforeAll(async () => {
  rendererDir = makeRendererDir();
  dataDir = mkdtempSync(join(tmpdir(), 'toiawase-bridge-'));
  core = await createCore({ dataDir });
  server = await startWebServer({ core, rendererDir });
});
afterEach(() => {
  for (const b of bridges.splice(0)) b.close();
});
afterAll(async () => {
  await server.close();
  await core.close();
  rmSync(rendererDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('connectWebBridge', () => {
  it('speaks the same protocol constants as the shell', () => {
    expect(WEB_PROTOCOL).toEqual({
      path: protocol.WS_PATH,
      protocol: protocol.WS_PROTOCOL,
      tokenPrefix: protocol.WS_TOKEN_PREFIX,
      closeBadToken: protocol.CLOSE_BAD_TOKEN,
      closeBadOrigin: protocol.CLOSE_BAD_ORIGIN,
      closeTooManyConnections: protocol.CLOSE_TOO_MANY_CONNECTIONS,
    });
    expect(JSON.parse(protocol.HELLO_FRAME)).toEqual({ hello: WEB_PROTOCOL.protocol });
  });

  it('implements every InboxApi method with the same Results as the api itself', async () => {
    const b = await bridge(server);
    expect(b.state).toBe('open');
    expect(Object.keys(b.api).sort()).toEqual([...INBOX_METHODS].sort());
    const reference = await createCore({ dataDir });
    const calls: [keyof typeof b.api, unknown][] = [
      ['login', { ...login, password: 'x' }],
      ['login', login],
      ['selectShop', { shopId: 'shop-a' }],
      ['listShops', {}],
      ['checkPii', { text: '03-1234-5678' }],
      ['search', { limit: 9999 }],
    ];
    for (const [method, input] of calls) {
      const viaBridge = await (b.api[method] as (i: unknown) => Promise<unknown>)(input);
      expect(viaBridge, method).toEqual(
        JSON.parse(JSON.stringify(await dispatch(reference.api, method, input))),
      );
    }
  });

  it('delivers events to listeners until they unsubscribe', async () => {
    const b = await bridge(server);
    const seen: string[] = [];
    const off = b.on('syncProgress', (p) => seen.push(p.shopId));
    await b.api.login(login);
    await b.api.syncNow({});
    expect(seen).toEqual(['shop-a', 'shop-b']);
    off();
    await b.api.syncNow({});
    expect(seen).toHaveLength(2);
  });

  it('takes the token out of the address bar and keeps it for reloads in this tab', async () => {
    const storage = memoryStorage();
    const replaced: string[] = [];
    const history = {
      replaceState: (_d: unknown, _t: string, u?: string | URL | null) =>
        void replaced.push(String(u)),
    };
    const first = await bridge(server, {
      storage,
      history,
      hash: `#view=inbox&token=${server.token}`,
    });
    expect(replaced).toEqual(['/#view=inbox']);
    expect((await first.api.getSettings({})).ok).toBe(true);
    const reloaded = await bridge(server, { storage, history, hash: '#view=inbox' });
    expect((await reloaded.api.getSettings({})).ok).toBe(true);
  });

  it('answers FORBIDDEN without a token, or when the shell refuses the token or origin', async () => {
    const none = await bridge(server, { hash: '' });
    expect(none.state).toBe('refused');
    expect((await none.api.getSession({})).ok || 'refused').toBe('refused');
    const wrong = await bridge(server, { hash: '#token=not-the-token' });
    expect(wrong.state).toBe('refused');
    const r = await wrong.api.getSession({});
    expect(r.ok || r.error.code).toBe('FORBIDDEN');
    const foreign = await bridge(server, { WebSocket: socketFrom('http://evil.example') });
    expect(foreign.state).toBe('refused');
    const f = await foreign.api.getSession({});
    expect(f.ok || f.error.message).toContain('origin');
  });

  it('turns a call with no answer into TIMEOUT and an unencodable input into VALIDATION', async () => {
    const b = await bridge(server, { timeoutMs: 100 });
    const r = await b.api.saveTemplate({ name: '__hang__', body: 'x' });
    expect(r.ok || r.error.code).toBe('TIMEOUT');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const v = await b.api.checkPii(cyclic as never);
    expect(v.ok || v.error.code).toBe('VALIDATION');
    expect((await b.api.getSettings({})).ok).toBe(true);
  });

  it('answers NETWORK for calls lost with the connection, then reconnects', async () => {
    const own = await startWebServer({ core, rendererDir });
    const b = await bridge(own);
    const lost = b.api.saveTemplate({ name: '__hang__', body: 'x' });
    await own.close();
    const r = await lost;
    expect(r.ok || r.error.code).toBe('NETWORK');
    expect(b.state).toBe('connecting');
    // A call made while the shell is away waits for the reconnect instead of failing.
    const queued = b.api.getSettings({});
    const again = await startWebServer({ core, rendererDir, port: own.port, token: own.token });
    try {
      expect((await queued).ok).toBe(true);
      expect(b.state).toBe('open');
    } finally {
      b.close();
      await again.close();
    }
  });
});
