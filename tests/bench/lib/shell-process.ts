// The suite's side of shell-child.ts: starts the browser shell in its own process and asks it
// for what the suite used to read in-process (its URL, the core's timing events, a session, a
// sync, a watch of its event loop). A remembered login is handed back on close, so the next
// start (a cold start) finds it as the app would in its keychain.
import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { WorkerCore } from '../../../src/main/core/worker/start-core-worker.js';
import type { InboxEvents, InboxMethod } from '../../../src/shared/api.js';
import type { LoopWatch } from './main-thread.js';
import type { ChildMessage, ChildShellOptions, ParentMessage } from './shell-ipc.js';

type Api = WorkerCore['api'];

export interface ShellProcess {
  readonly url: string;
  /** How long startShell() took in the child (its modules already loaded, as in-process). */
  readonly startMs: number;
  onTiming(listener: (t: InboxEvents['timing']) => void): void;
  getSession(): ReturnType<Api['getSession']>;
  syncNow(): ReturnType<Api['syncNow']>;
  /** Starts watching the shell's event loop; the returned function stops and reports. */
  watchLoop(): Promise<() => Promise<LoopWatch>>;
  close(): Promise<void>;
}

const SOURCE = resolve(import.meta.dirname, 'shell-child.ts');

export class ShellHost {
  /** The vault's entries between starts (the saved login). */
  private vault: [string, string][] = [];

  /**
   * `entry`: the built child (shell-build.ts), run by plain Node; default: its TypeScript source
   * under tsx. `nodeFlags`: extra flags for the shell's Node (a probe's `--cpu-prof`).
   */
  constructor(
    private readonly options: ChildShellOptions,
    private readonly entry: string = SOURCE,
    private readonly nodeFlags: readonly string[] = [],
  ) {}

  async start(timeoutMs = 60_000): Promise<ShellProcess> {
    const loader = this.entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
    const child = fork(this.entry, [], {
      execArgv: [...loader, ...this.nodeFlags],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const link = new Link(child);
    const exited = new Promise((r) => child.once('exit', r));
    const keepVault = (entries: [string, string][]): void => {
      this.vault = entries;
    };
    const msg: ParentMessage = { type: 'start', options: this.options, vault: this.vault };
    child.send(msg);
    const ready = await link.next('ready', timeoutMs);
    return {
      url: ready.url,
      startMs: ready.startMs,
      onTiming: (listener) => link.onTiming.push(listener),
      getSession: () => link.call('getSession', {}) as ReturnType<Api['getSession']>,
      syncNow: () => link.call('syncNow', {}) as ReturnType<Api['syncNow']>,
      async watchLoop() {
        await link.request({ type: 'watch-start', id: 0 });
        return async () => (await link.request({ type: 'watch-stop', id: 0 })) as LoopWatch;
      },
      async close() {
        if (child.exitCode !== null || !child.connected) return;
        child.send({ type: 'close' } satisfies ParentMessage);
        const closed = await link.next('closed', timeoutMs);
        keepVault(closed.vault);
        await exited;
      },
    };
  }
}

type Waiter = { type: ChildMessage['type']; ok: (m: ChildMessage) => void };

/** Requests and replies over the child's IPC channel; a failure or an exit fails what waits. */
class Link {
  readonly onTiming: ((t: InboxEvents['timing']) => void)[] = [];
  private readonly waiters: Waiter[] = [];
  private readonly pending = new Map<number, (v: unknown) => void>();
  private failure: Error | null = null;
  private nextId = 1;
  private readonly rejects = new Set<(e: Error) => void>();

  constructor(private readonly child: ChildProcess) {
    child.on('message', (m: ChildMessage) => {
      this.receive(m);
    });
    child.once('exit', (code) => {
      this.fail(new Error(`the shell's process exited (${String(code)})`));
    });
  }

  call(method: InboxMethod, payload: unknown): Promise<unknown> {
    return this.request({ type: 'call', id: 0, method, payload });
  }

  request(m: Extract<ParentMessage, { id: number }>): Promise<unknown> {
    const id = this.nextId++;
    return this.wait<unknown>((ok) => {
      this.pending.set(id, ok);
      this.child.send({ ...m, id });
    });
  }

  next<T extends ChildMessage['type']>(
    type: T,
    timeoutMs: number,
  ): Promise<Extract<ChildMessage, { type: T }>> {
    return this.wait((ok, fail) => {
      const timer = setTimeout(() => {
        fail(new Error(`no ${type} from the shell's process within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push({
        type,
        ok: (m) => {
          clearTimeout(timer);
          ok(m as Extract<ChildMessage, { type: T }>);
        },
      });
    });
  }

  private wait<T>(start: (ok: (v: T) => void, fail: (e: Error) => void) => void): Promise<T> {
    if (this.failure !== null) return Promise.reject(this.failure);
    return new Promise<T>((ok, fail) => {
      const reject = (e: Error): void => {
        this.rejects.delete(reject);
        fail(e);
      };
      this.rejects.add(reject);
      start((v) => {
        this.rejects.delete(reject);
        ok(v);
      }, reject);
    });
  }

  private receive(m: ChildMessage): void {
    if (m.type === 'timing') for (const l of this.onTiming) l(m.timing);
    else if (m.type === 'result') {
      this.pending.get(m.id)?.(m.value);
      this.pending.delete(m.id);
    } else if (m.type === 'failed')
      this.fail(new Error(`the shell's process failed: ${m.message}`));
    else {
      const i = this.waiters.findIndex((w) => w.type === m.type);
      if (i >= 0) this.waiters.splice(i, 1)[0]?.ok(m);
    }
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const reject of [...this.rejects]) reject(e);
  }
}
