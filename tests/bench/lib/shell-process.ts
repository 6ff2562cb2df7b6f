// The suite's side of shell-child.ts: starts the browser shell in its own process and asks it
// for what the suite used to read in-process (its URL, the core's timing events, a session, a
// sync, a watch of its event loop). A remembered login is handed back on close, so the next
// start (a cold start) finds it as the app would in its keychain.
import { fork, type ChildProcess } from 'node:child_process';
import type { WorkerCore } from '../../../src/main/core/worker/start-core-worker.js';
import type { InboxEvents } from '../../../src/shared/api.js';
import type { LoopWatch } from './main-thread.js';
import type { ChildMessage, ChildShellOptions, ParentRequest, VaultEntries } from './shell-ipc.js';

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

export class ShellHost {
  /** The vault's entries between starts (the saved login). */
  private vault: VaultEntries = [];

  /** `entry`: the bundled child (shell-build.ts), run by plain Node. */
  constructor(
    private readonly options: ChildShellOptions,
    private readonly entry: string,
  ) {}

  async start(): Promise<ShellProcess> {
    const child = fork(this.entry, [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // Plain Node, as the app ships: by default a fork inherits the suite's own flags, which
      // under tsx register its loader in the shell and in the core worker (each module then
      // passes through its hooks: the shell was up in 222-257 ms with them, 159-186 without).
      execArgv: [],
    });
    const exited = new Promise((r) => child.once('exit', r));
    const link = new Link(child);
    const ready = (await link.request({
      type: 'start',
      options: this.options,
      vault: this.vault,
    })) as { url: string; startMs: number };
    const keepVault = (entries: VaultEntries): void => {
      this.vault = entries;
    };
    return {
      ...ready,
      onTiming: (listener) => link.onTiming.push(listener),
      getSession: () =>
        link.request({ type: 'call', method: 'getSession' }) as ReturnType<Api['getSession']>,
      syncNow: () =>
        link.request({ type: 'call', method: 'syncNow' }) as ReturnType<Api['syncNow']>,
      async watchLoop() {
        await link.request({ type: 'watch-start' });
        return async () => (await link.request({ type: 'watch-stop' })) as LoopWatch;
      },
      async close() {
        if (child.exitCode !== null || !child.connected) return;
        keepVault((await link.request({ type: 'close' })) as VaultEntries);
        await exited;
      },
    };
  }
}

type Pending = { ok: (value: unknown) => void; fail: (e: Error) => void };

const TIMEOUT_MS = 120_000;

/** Requests and their replies over the child's IPC channel; a failure or an exit fails all. */
class Link {
  readonly onTiming: ((t: InboxEvents['timing']) => void)[] = [];
  private readonly pending = new Map<number, Pending>();
  private failure: Error | null = null;
  private nextId = 1;

  constructor(private readonly child: ChildProcess) {
    child.on('message', (m: ChildMessage) => {
      if (m.type === 'timing') for (const l of this.onTiming) l(m.timing);
      else if (m.type === 'failed')
        this.fail(new Error(`the shell's process failed: ${m.message}`));
      else this.settle(m.id, (p) => p.ok(m.value));
    });
    child.once('exit', (code) => {
      this.fail(new Error(`the shell's process exited (${String(code)})`));
    });
  }

  request(m: ParentRequest): Promise<unknown> {
    if (this.failure !== null) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((ok, fail) => {
      const timer = setTimeout(() => {
        this.settle(id, (p) => p.fail(new Error(`no reply to ${m.type} within ${TIMEOUT_MS} ms`)));
      }, TIMEOUT_MS);
      const done = (): void => clearTimeout(timer);
      this.pending.set(id, {
        ok: (v) => (done(), ok(v)),
        fail: (e) => (done(), fail(e)),
      });
      this.child.send({ ...m, id });
    });
  }

  private settle(id: number, how: (p: Pending) => void): void {
    const p = this.pending.get(id);
    this.pending.delete(id);
    if (p) how(p);
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const id of [...this.pending.keys()]) this.settle(id, (p) => p.fail(e));
  }
}
