// The browser shell in a process of its own, driven over IPC by shell-process.ts. In the app the
// shell's event loop is Electron's main process, which no test driver shares; in one process with
// the suite it also ran Playwright's protocol work and the suite's garbage collection, and the
// "longest main-thread block" measured them. Run with `node --import tsx` (forked, with IPC).
import { performance } from 'node:perf_hooks';
import type { InboxMethod } from '../../../src/shared/api.js';
import { startShell, type Shell } from '../../../src/main/web/shell.js';
import { memoryVault } from '../../integration/core/helpers.js';
import { watchEventLoop, type LoopWatch } from './main-thread.js';
import type { ChildMessage, ParentMessage } from './shell-ipc.js';

const send = (m: ChildMessage): void => {
  process.send?.(m);
};

let shell: Shell | null = null;
let watch: { stop(): LoopWatch } | null = null;
const vault = memoryVault();

async function call(method: InboxMethod, payload: unknown): Promise<unknown> {
  if (shell === null) throw new Error('the shell is not started');
  return shell.core.invoke(method, payload ?? {});
}

async function handle(m: ParentMessage): Promise<void> {
  switch (m.type) {
    case 'start': {
      for (const [k, v] of m.vault) vault.entries.set(k, v);
      const t0 = performance.now();
      shell = await startShell({ ...m.options, vault, port: 0 });
      const startMs = performance.now() - t0;
      shell.core.on('timing', (t) => {
        send({ type: 'timing', timing: t });
      });
      send({ type: 'ready', url: shell.url, startMs });
      return;
    }
    case 'call':
      send({ type: 'result', id: m.id, value: await call(m.method, m.payload) });
      return;
    case 'watch-start':
      watch = watchEventLoop();
      send({ type: 'result', id: m.id, value: null });
      return;
    case 'watch-stop': {
      const seen = watch?.stop() ?? null;
      watch = null;
      send({ type: 'result', id: m.id, value: seen });
      return;
    }
    case 'close':
      await shell?.close();
      shell = null;
      // Exits once the reply is out: nothing of the shell's is left to wait for.
      process.send?.({ type: 'closed', vault: [...vault.entries] } satisfies ChildMessage, () =>
        process.exit(0),
      );
      return;
  }
}

process.on('message', (m: ParentMessage) => {
  handle(m).catch((e: unknown) => {
    send({ type: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  });
});
