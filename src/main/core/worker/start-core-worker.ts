// Runs the core in a worker thread and hands the host a Core whose calls and events cross the
// worker port. The host's main thread then only copies messages: SQLite, sync and search run
// on the worker's own event loop (the ≤ 50 ms main-thread block budget of the shells).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  apiFromInvoke,
  type InboxApi,
  type InboxEventName,
  type InboxEvents,
} from '../../../shared/api.js';
import { fail, toAppError, type AppError, type Result } from '../../../shared/errors.js';
import type { Core, CoreOptions } from '../host.js';
import type { CoreWorkerData, HostMessage, WorkerMessage } from './protocol.js';

export interface CoreWorkerOptions {
  /** A module exporting `createCore` (path or file: URL); default: the real core. */
  coreModule?: string | URL;
  /** The worker entry file; default: core-worker.{ts,js} next to this module. */
  entry?: string | URL;
  /** How long close() waits for the core to flush before the thread is terminated. */
  closeTimeoutMs?: number;
}

/** A Core living in a worker thread. */
export interface WorkerCore extends Core {
  /** Forward an untrusted (method, payload) pair; the worker validates it with dispatch(). */
  invoke(method: unknown, payload: unknown): Promise<Result<unknown>>;
  readonly threadId: number;
}

type Listener = (payload: unknown) => void;

const asFileUrl = (p: string | URL): URL =>
  p instanceof URL ? p : p.startsWith('file:') ? new URL(p) : pathToFileURL(p);

/**
 * The worker's entry. From source (tsx, vitest) it is TypeScript: Node 20 applies no loader
 * hooks from a worker's `--import` to the worker's own entry, so a tiny bootstrap registers
 * tsx's ESM hooks in the thread first and then imports the entry.
 */
function resolveEntry(override: string | URL | undefined): { entry: string | URL; eval: boolean } {
  const here = dirname(fileURLToPath(import.meta.url));
  const fromSource = import.meta.url.endsWith('.ts');
  // Built: core-worker.js sits next to the bundle, or one level up when this code is a chunk.
  const nextTo = join(here, 'core-worker.js');
  const above = join(here, '..', 'core-worker.js');
  const builtEntry = existsSync(nextTo) || !existsSync(above) ? nextTo : above;
  const url = asFileUrl(override ?? (fromSource ? join(here, 'core-worker.ts') : builtEntry));
  if (!url.pathname.endsWith('.ts')) return { entry: url, eval: false };
  // tsx's "./esm/api" export, import condition (require.resolve would pick the CJS build).
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(join(tsxDir, 'dist/esm/api/index.mjs')).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)})
    .then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`;
  return { entry: bootstrap, eval: true };
}

class CoreWorkerHost implements WorkerCore {
  readonly api: InboxApi;
  readonly threadId: number;
  readonly #worker: Worker;
  readonly #options: CoreOptions;
  readonly #closeTimeoutMs: number;
  readonly #pending = new Map<number, (result: Result<unknown>) => void>();
  readonly #listeners = new Map<InboxEventName, Set<Listener>>();
  #nextId = 1;
  /** Set once the worker is gone: every later call answers this error at once. */
  #stopped: AppError | null = null;
  #closing: Promise<void> | null = null;
  #onClosed: (() => void) | null = null;

  constructor(worker: Worker, options: CoreOptions, closeTimeoutMs: number) {
    this.#worker = worker;
    this.#options = options;
    this.#closeTimeoutMs = closeTimeoutMs;
    this.threadId = worker.threadId;
    this.api = apiFromInvoke((method, input) => this.invoke(method, input));
  }

  invoke(method: unknown, payload: unknown): Promise<Result<unknown>> {
    if (this.#stopped) return Promise.resolve({ ok: false, error: this.#stopped });
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending.set(id, resolve);
      try {
        this.#send({ type: 'call', id, method, payload });
      } catch (e) {
        this.#pending.delete(id);
        resolve(fail('VALIDATION', `payload cannot be sent to the core: ${toAppError(e).message}`));
      }
    });
  }

  on<E extends InboxEventName>(event: E, listener: (payload: InboxEvents[E]) => void): () => void {
    let set = this.#listeners.get(event);
    if (!set) this.#listeners.set(event, (set = new Set()));
    const l = listener as Listener;
    set.add(l);
    return () => set.delete(l);
  }

  close(): Promise<void> {
    this.#closing ??= this.#close();
    return this.#closing;
  }

  async #close(): Promise<void> {
    if (!this.#stopped) {
      const closed = new Promise<void>((resolve) => {
        this.#onClosed = resolve;
        setTimeout(resolve, this.#closeTimeoutMs).unref();
      });
      this.#send({ type: 'close' });
      await closed;
    }
    this.#stop({ code: 'INTERNAL', message: 'the core is closed' });
    this.#listeners.clear();
    await this.#worker.terminate();
  }

  /** Handle one message from the worker (after start-up). */
  handle(message: WorkerMessage): void {
    switch (message.type) {
      case 'result': {
        const resolve = this.#pending.get(message.id);
        this.#pending.delete(message.id);
        resolve?.(message.result);
        break;
      }
      case 'event':
        this.#emit(message.event, message.payload);
        break;
      case 'vault':
        void this.#serveVault(message.id, message.op, message.args);
        break;
      case 'log':
        this.#options.logger?.[message.level](message.message, message.fields);
        break;
      case 'closed':
        this.#onClosed?.();
        break;
      case 'ready':
      case 'start-failed':
        break;
    }
  }

  /** The worker is gone (exit, crash, close): answer everything still waiting. */
  #stop(error: AppError): void {
    this.#stopped ??= error;
    const waiting = [...this.#pending.values()];
    this.#pending.clear();
    for (const resolve of waiting) resolve({ ok: false, error: this.#stopped });
  }

  exited(error: AppError): void {
    this.#stop(error);
    this.#onClosed?.();
  }

  #send(message: HostMessage): void {
    this.#worker.postMessage(message);
  }

  #emit(event: InboxEventName, payload: unknown): void {
    for (const listener of this.#listeners.get(event) ?? []) {
      try {
        listener(payload);
      } catch (e) {
        // One faulty subscriber must not break the port handler or the other subscribers.
        this.#options.logger?.error('event listener failed', {
          event,
          error: toAppError(e).message,
        });
      }
    }
  }

  async #serveVault(id: number, op: 'save' | 'load' | 'clear', args: string[]): Promise<void> {
    const vault = this.#options.vault;
    let result: Result<string | null>;
    if (!vault) {
      result = fail('SECURE_STORAGE_UNAVAILABLE', 'this host has no credential vault');
    } else {
      try {
        const [account = '', secret = ''] = args;
        const value =
          op === 'load'
            ? await vault.load(account)
            : op === 'save'
              ? await vault.save(account, secret)
              : await vault.clear(account);
        result = { ok: true, value: value ?? null };
      } catch (e) {
        result = { ok: false, error: toAppError(e) };
      }
    }
    if (!this.#stopped) this.#send({ type: 'vault-result', id, result });
  }
}

/**
 * Start the core in a worker thread. Resolves once the core is up; rejects with the core's own
 * start-up error (e.g. DB_TOO_NEW) or when the thread dies before that.
 */
export function startCoreWorker(
  options: CoreOptions,
  workerOptions: CoreWorkerOptions = {},
): Promise<WorkerCore> {
  const { vault, logger, now, beforeSyncPass, ...cloneable } = options;
  if (now !== undefined || beforeSyncPass !== undefined) {
    const name = now !== undefined ? 'now' : 'beforeSyncPass';
    return Promise.reject(
      new TypeError(
        `CoreOptions.${name} cannot cross into the core worker: use createCore in-process`,
      ),
    );
  }
  const data: CoreWorkerData = {
    options: cloneable,
    vaultAvailable: vault ? vault.isAvailable() : null,
    hasLogger: logger !== undefined,
  };
  if (workerOptions.coreModule !== undefined) {
    data.coreModule = asFileUrl(workerOptions.coreModule).href;
  }
  const entry = resolveEntry(workerOptions.entry);
  const worker = new Worker(entry.entry, {
    workerData: data,
    name: 'toiawase-core',
    eval: entry.eval,
  });
  const host = new CoreWorkerHost(worker, options, workerOptions.closeTimeoutMs ?? 10_000);

  return new Promise<WorkerCore>((resolve, reject) => {
    let started = false;
    let crash: string | null = null;
    worker.on('message', (message: WorkerMessage) => {
      if (started) return host.handle(message);
      if (message.type === 'ready') {
        started = true;
        resolve(host);
      } else if (message.type === 'start-failed') {
        reject(Object.assign(new Error(message.error.message), { code: message.error.code }));
      } else {
        host.handle(message);
      }
    });
    worker.on('error', (e) => {
      crash = e.message;
      logger?.error('core worker crashed', { error: e.message });
    });
    worker.on('exit', (exitCode) => {
      const message =
        crash === null
          ? `the core worker stopped (exit code ${exitCode})`
          : `the core worker crashed: ${crash}`;
      host.exited({ code: 'INTERNAL', message });
      if (!started) reject(new Error(message));
    });
  });
}
