import { request } from 'node:http';
import { createConnection } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/core/dispatch.js';
import type { Core } from '../../../src/main/core/host.js';
import { startCoreWorker } from '../../../src/main/core/worker/start-core-worker.js';
import {
  CLOSE_BAD_ORIGIN,
  CLOSE_BAD_TOKEN,
  CLOSE_CORE_FAILED,
  CLOSE_TOO_MANY_CONNECTIONS,
  MAX_FRAME_BYTES,
} from '../../../src/main/web/protocol.js';
import { startWebServer, type ServedCore, type WebServer } from '../../../src/main/web/server.js';
import { PAGE_EVENTS } from '../../../src/shared/api.js';
import { createCore, DEMO } from '../../unit/main/core/worker/fixture-core.js';
import { connect, makeRendererDir } from './helpers.js';

const login = { user: DEMO.user, password: DEMO.password, location: 'sandbox' };
let rendererDir: string;
let dataDir: string;
let core: Core;
let server: WebServer;

function get(path: string, host?: string, port = server.port) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path, headers: host ? { host } : {} },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.end();
    },
  );
}

beforeAll(async () => {
  rendererDir = makeRendererDir();
  dataDir = mkdtempSync(join(tmpdir(), 'toiawase-web-'));
  core = await createCore({ dataDir });
  server = await startWebServer({ core, rendererDir, port: 0 });
});
afterAll(async () => {
  await server.close();
  await core.close();
  rmSync(rendererDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('static files', () => {
  it('serves the renderer on 127.0.0.1 with a strict CSP and security headers', async () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).toBe(`${server.origin}/#token=${server.token}`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Toiawase</title>');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain(`ws://127.0.0.1:${server.port}`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect((await get('/assets/app.js')).status).toBe(200);
  });

  it('lists no directories, serves no dotfiles and answers only to its own host names', async () => {
    expect((await get('/assets/')).status).toBe(404);
    expect([403, 404]).toContain((await get('/.secret')).status);
    const traversal = await get('/../package.json');
    expect([403, 404]).toContain(traversal.status);
    expect(traversal.body).not.toContain('toiawase');
    expect((await get('/', `localhost:${server.port}`)).status).toBe(200);
    const rebound = await get('/', `evil.example:${server.port}`);
    expect(rebound.status).toBe(421);
    expect(rebound.body).not.toContain('Toiawase');
  });
});

describe('the InboxApi socket', () => {
  it('round-trips calls with the same Results as calling the api directly', async () => {
    const client = await connect(server);
    expect(await client.next(() => true)).toEqual({ hello: 'toiawase.v1' });
    const reference = await createCore({ dataDir });
    const calls: [string, unknown][] = [
      ['getSession', {}],
      ['login', { ...login, password: 'nope' }],
      ['login', login],
      ['listShops', {}],
      ['selectShop', { shopId: 'shop-b' }],
      [
        'saveDraft',
        { inquiryId: 'shop-a:1', title: 't', body: '<script>x</script>', status: 'S3' },
      ],
      ['checkPii', { text: 'TEL 090-1234-5678' }],
      ['search', { status: 'S9' }],
      ['openThread', { inquiryId: 'shop-a:42' }],
    ];
    for (const [method, payload] of calls) {
      const viaSocket = await client.call(method, payload);
      const direct = await dispatch(reference.api, method, payload);
      if (method === 'saveDraft') {
        expect(viaSocket).toMatchObject({ ok: true, value: { body: '<script>x</script>' } });
      } else {
        expect(viaSocket, method).toEqual(JSON.parse(JSON.stringify(direct)));
      }
    }
    client.ws.close();
  });

  it('answers malformed frames, unknown methods and oversized payloads with VALIDATION', async () => {
    const client = await connect(server);
    expect((await client.call('noSuchMethod')).error?.code).toBe('VALIDATION');
    expect((await client.call('__proto__')).error?.code).toBe('VALIDATION');
    expect((await client.call('login', { user: 'x' })).error?.code).toBe('VALIDATION');
    expect((await client.call('login', [1, 2])).error?.code).toBe('VALIDATION');
    expect((await client.call({ toString: 1 })).error?.code).toBe('VALIDATION');
    for (const raw of [
      'not json',
      '[1,2]',
      '{"method":"getSession"}',
      '{"id":-1,"method":"x"}',
      'null',
    ]) {
      const before = client.frames.length;
      client.sendRaw(raw);
      const frame = await client.next((f) => client.frames.indexOf(f) >= before && f.id === null);
      expect(frame.result?.error?.code, raw).toBe('VALIDATION');
    }
    client.sendRaw(Buffer.from([1, 2, 3]), true);
    expect(
      (await client.next((f) => f.result?.error?.message.includes('binary') === true)).id,
    ).toBeNull();
    // Over the frame limit but under the hard cap: answered by id, connection kept.
    const big = JSON.stringify({
      id: 999,
      method: 'checkPii',
      payload: { text: 'x'.repeat(MAX_FRAME_BYTES) },
    });
    client.sendRaw(big);
    const tooBig = await client.next((f) => f.id === 999);
    expect(tooBig.result?.error).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('too large'),
    });
    expect((await client.call('getSettings')).ok).toBe(true);
    // Past the hard cap the socket is closed with 1009 (message too big).
    client.sendRaw('x'.repeat(MAX_FRAME_BYTES * 2 + 10));
    expect((await client.closed).code).toBe(1009);
  });

  it('pushes core events to connected pages', async () => {
    const client = await connect(server);
    await client.call('login', login);
    const result = await client.call('syncNow');
    expect(result.ok).toBe(true);
    const events = client.frames.filter((f) => f.event === 'syncProgress').map((f) => f.payload);
    expect(events).toEqual([
      { shopId: 'shop-a', fetched: 3, applied: 3, done: true },
      { shopId: 'shop-b', fetched: 3, applied: 3, done: true },
    ]);
    client.ws.close();
  });
});

describe('who may connect', () => {
  it('refuses a wrong or missing token', async () => {
    const wrong = await connect(server, {
      token: server.token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
    });
    expect(await wrong.closed).toEqual({ code: CLOSE_BAD_TOKEN, reason: 'missing or wrong token' });
    const missing = await connect(server, { token: null });
    expect((await missing.closed).code).toBe(CLOSE_BAD_TOKEN);
    const short = await connect(server, { token: 'abc' });
    expect((await short.closed).code).toBe(CLOSE_BAD_TOKEN);
    // Nothing was answered on a refused socket.
    expect([...wrong.frames, ...missing.frames, ...short.frames]).toEqual([]);
  });

  it('refuses a foreign or missing origin even with the right token', async () => {
    const foreign = await connect(server, { origin: 'http://evil.example' });
    expect(await foreign.closed).toEqual({ code: CLOSE_BAD_ORIGIN, reason: 'origin not allowed' });
    const otherPort = await connect(server, { origin: `http://127.0.0.1:${server.port + 1}` });
    expect((await otherPort.closed).code).toBe(CLOSE_BAD_ORIGIN);
    const none = await connect(server, { origin: null });
    expect((await none.closed).code).toBe(CLOSE_BAD_ORIGIN);
    const localhost = await connect(server, { origin: `http://localhost:${server.port}` });
    expect((await localhost.call('getSettings')).ok).toBe(true);
    localhost.ws.close();
  });

  it('refuses an upgrade addressed to a foreign host name', async () => {
    await expect(connect(server, { host: `evil.example:${server.port}` })).rejects.toThrow(
      'HTTP 421',
    );
    // The shell drops such a socket itself rather than waiting for the client to hang up.
    const raw = createConnection({ host: '127.0.0.1', port: server.port });
    let answer = '';
    raw.on('data', (d: Buffer) => (answer += d.toString()));
    raw.write(
      [
        'GET /ws HTTP/1.1',
        `Host: evil.example:${server.port}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        'Sec-WebSocket-Version: 13',
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
        `Origin: ${server.origin}`,
        '',
        '',
      ].join('\r\n'),
    );
    await new Promise((resolve) => raw.on('close', resolve));
    expect(answer).toMatch(/^HTTP\/1\.1 421/);
  });
});

describe('limits', () => {
  it('bounds the call rate and the number of connections', async () => {
    const limited = await startWebServer({
      core,
      rendererDir,
      limits: { rate: { burst: 5, perSecond: 0 }, maxConnections: 1 },
    });
    try {
      const client = await connect(limited);
      const results = await Promise.all(
        Array.from({ length: 8 }, () => client.call('getSettings')),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(5);
      expect(results.filter((r) => r.error?.code === 'RATE_LIMITED')).toHaveLength(3);
      const second = await connect(limited);
      expect((await second.closed).code).toBe(CLOSE_TOO_MANY_CONNECTIONS);
      client.ws.close();
    } finally {
      await limited.close();
    }
  });
});

describe('events', () => {
  it("sends the page the core's events for windows, not its timings", async () => {
    const listeners = new Map<string, (payload: unknown) => void>();
    const events: ServedCore = {
      api: core.api,
      on: (event, listener) => {
        listeners.set(event, listener as (payload: unknown) => void);
        return () => listeners.delete(event);
      },
    };
    const own = await startWebServer({ core: events, rendererDir });
    try {
      expect([...listeners.keys()].sort()).toEqual([...PAGE_EVENTS].sort());
      expect(listeners.has('timing')).toBe(false);
      const client = await connect(own);
      listeners.get('connectivity')?.({ online: false });
      const frame = await client.next((f) => f.event !== undefined);
      expect(frame).toEqual({ event: 'connectivity', payload: { online: false } });
    } finally {
      await own.close();
    }
  });
});

describe('a core still starting', () => {
  it('serves the page at once, and its socket the hello and answers once the core is up', async () => {
    let up: (c: Core) => void = () => undefined;
    const starting = new Promise<Core>((resolve) => (up = resolve));
    const early = await startWebServer({ core: starting, rendererDir });
    try {
      expect((await get('/', undefined, early.port)).status).toBe(200);
      const client = await connect(early);
      // A call sent before the hello waits for the core instead of being lost.
      const answer = client.call('getSettings');
      await new Promise((r) => setTimeout(r, 50));
      expect(client.frames).toEqual([]);
      up(core);
      expect((await answer).ok).toBe(true);
      expect(client.frames[0]).toEqual({ hello: 'toiawase.v1' });
      client.ws.close();
    } finally {
      await early.close();
    }
  });

  it('closes the sockets waiting for a core that cannot start, and answers their calls with its error', async () => {
    let down: (e: Error) => void = () => undefined;
    const starting = new Promise<Core>((_resolve, reject) => (down = reject));
    const early = await startWebServer({ core: starting, rendererDir });
    try {
      const client = await connect(early);
      const answer = client.call('getSettings');
      await new Promise((r) => setTimeout(r, 50)); // the call is in, waiting for the core
      down(Object.assign(new Error('database is newer'), { code: 'DB_TOO_NEW' }));
      expect(await answer).toMatchObject({
        ok: false,
        error: { code: 'INTERNAL', message: 'database is newer' },
      });
      expect((await client.closed).code).toBe(CLOSE_CORE_FAILED);
      expect(client.frames.some((f) => f.hello !== undefined)).toBe(false);
    } finally {
      await early.close();
    }
  });
});

describe('with the core in a worker', () => {
  it('serves the same calls, and a crashed worker answers errors instead of hanging', async () => {
    const workerCore = await startCoreWorker(
      { dataDir },
      { coreModule: new URL('../../unit/main/core/worker/fixture-core.ts', import.meta.url) },
    );
    const shell = await startWebServer({ core: workerCore, rendererDir });
    try {
      const client = await connect(shell);
      expect((await client.call('login', login)).ok).toBe(true);
      expect((await client.call('nope')).error?.code).toBe('VALIDATION');
      expect((await client.call('login', { user: 1 })).error?.code).toBe('VALIDATION');
      await client.call('syncNow');
      expect(client.frames.filter((f) => f.event === 'syncProgress')).toHaveLength(2);
      const crash = await client.call('saveTemplate', { name: '__crash__', body: 'x' });
      expect(crash.error?.code).toBe('INTERNAL');
      expect((await client.call('getSettings')).error?.code).toBe('INTERNAL');
    } finally {
      await shell.close();
      await workerCore.close();
    }
  });
});
