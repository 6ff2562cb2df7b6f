// Test helpers for the browser shell: a renderer folder on disk, and a `ws` client that speaks
// the shell's protocol and records everything it receives.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { WS_PATH, WS_PROTOCOL, WS_TOKEN_PREFIX } from '../../../src/main/web/protocol.js';
import type { WebServer } from '../../../src/main/web/server.js';

export function makeRendererDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'toiawase-renderer-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><title>Toiawase</title><script type="module" src="./assets/app.js"></script>',
  );
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log("app")');
  writeFileSync(join(dir, '.secret'), 'dotfile');
  return dir;
}

export interface Frame {
  id?: number | null;
  result?: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
  event?: string;
  payload?: unknown;
  hello?: string;
}

export interface Client {
  ws: WebSocket;
  frames: Frame[];
  call(method: unknown, payload?: unknown): Promise<NonNullable<Frame['result']>>;
  sendRaw(data: string | Buffer, binary?: boolean): void;
  next(predicate: (f: Frame) => boolean): Promise<Frame>;
  closed: Promise<{ code: number; reason: string }>;
}

export interface ConnectOptions {
  origin?: string | null;
  token?: string | null;
  host?: string;
}

export function connect(server: WebServer, options: ConnectOptions = {}): Promise<Client> {
  const origin = options.origin === undefined ? server.origin : options.origin;
  const token = options.token === undefined ? server.token : options.token;
  const protocols = token === null ? [WS_PROTOCOL] : [WS_PROTOCOL, WS_TOKEN_PREFIX + token];
  const headers: Record<string, string> = {};
  if (options.host) headers.host = options.host;
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}${WS_PATH}`, protocols, {
    ...(origin === null ? {} : { origin }),
    headers,
  });
  const frames: Frame[] = [];
  const waiters: { predicate: (f: Frame) => boolean; resolve: (f: Frame) => void }[] = [];
  ws.on('message', (data) => {
    const frame = JSON.parse((data as Buffer).toString('utf8')) as Frame;
    frames.push(frame);
    for (const w of [...waiters]) {
      if (w.predicate(frame)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(frame);
      }
    }
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  let nextId = 1;
  const next = (predicate: (f: Frame) => boolean) =>
    new Promise<Frame>((resolve) => {
      const found = frames.find(predicate);
      if (found) resolve(found);
      else waiters.push({ predicate, resolve });
    });
  const client: Client = {
    ws,
    frames,
    closed,
    next,
    sendRaw: (data, binary = false) => ws.send(data, { binary }),
    call: async (method, payload = {}) => {
      const id = nextId++;
      ws.send(JSON.stringify({ id, method, payload }));
      const frame = await next((f) => f.id === id);
      return frame.result!;
    },
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(client));
    ws.once('unexpected-response', (req, res) => {
      req.destroy();
      reject(new Error(`HTTP ${res.statusCode}`));
    });
    ws.once('error', reject);
  });
}
