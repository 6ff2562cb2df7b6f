// Shared setup for the core's integration tests: a real sandbox on 127.0.0.1 (in-process), a
// real SQLite cache file in a temp dir, and the core modules wired as the service wires them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InboxEventName, InboxEvents } from '../../../src/shared/api.js';
import { openDatabase, type Database } from '../../../src/main/core/db/open.js';
import type { CredentialVault } from '../../../src/main/core/host.js';
import {
  createSession,
  type Session,
  type SessionOptions,
} from '../../../src/main/core/session/index.js';
import type { Emit } from '../../../src/main/core/sync/index.js';
import { AppFailure } from '../../../src/shared/errors.js';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../src/sandbox/server.js';

export const DEMO = { user: 'demo', email: 'demo@example.com', password: 'demo1234' };
export const FAST_TRANSPORT = { backoff: { baseMs: 5, capMs: 50 }, timeoutMs: 5_000 };

export function startTestSandbox(o: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ dbPath: ':memory:', seed: 7, inquiries: 300, admin: true, ...o });
}

export interface TempDb {
  db: Database;
  path: string;
  dir: string;
  cleanup(): void;
}

export function tempDb(): TempDb {
  const dir = mkdtempSync(join(tmpdir(), 'toiawase-core-'));
  const path = join(dir, 'cache.db');
  const db = openDatabase(path);
  return {
    db,
    path,
    dir,
    cleanup() {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Records every event, typed, for assertions. */
export function recorder(): {
  emit: Emit;
  events: { name: InboxEventName; payload: unknown }[];
  of<E extends InboxEventName>(name: E): InboxEvents[E][];
} {
  const events: { name: InboxEventName; payload: unknown }[] = [];
  return {
    emit: (name, payload) => events.push({ name, payload }),
    events,
    of: <E extends InboxEventName>(name: E) =>
      events.filter((e) => e.name === name).map((e) => e.payload as InboxEvents[E]),
  };
}

/** An in-memory CredentialVault (a host's encrypted store stands behind this interface). */
export function memoryVault(available = true): CredentialVault & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    isAvailable: () => available,
    save: (a, s) => Promise.resolve(void entries.set(a, s)),
    load: (a) => Promise.resolve(entries.get(a) ?? null),
    clear: (a) => Promise.resolve(void entries.delete(a)),
  };
}

export async function loggedIn(
  sandbox: Sandbox,
  db: Database,
  extra: Partial<SessionOptions> = {},
): Promise<Session> {
  const session = createSession({
    db,
    sandboxUrl: sandbox.url,
    transport: FAST_TRANSPORT,
    ...extra,
  });
  await session.login({ user: DEMO.user, password: DEMO.password, location: 'sandbox' });
  return session;
}

/** The sandbox's admin API (JSON in, QAPI envelope out). */
export async function admin<T = unknown>(
  sandbox: Sandbox,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${sandbox.url}/__admin${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const json = (await res.json()) as { ResultCode?: number; ResultObject?: T; ErrorMsg?: string };
  if (json.ResultCode !== 0) throw new Error(`admin ${path}: ${json.ErrorMsg ?? res.status}`);
  return json.ResultObject as T;
}

/** Server-side truth straight from the sandbox's database. */
export function serverCount(sandbox: Sandbox, sql: string, ...params: unknown[]): number {
  const row = sandbox.db.prepare(sql).get(...params) as { n: number };
  return row.n;
}

/** The AppFailure code a promise rejects with, or 'ok' (other errors propagate). */
export async function failureCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof AppFailure) return e.code;
    throw e;
  }
}
