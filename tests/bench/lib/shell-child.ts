// The browser shell in a process of its own, driven over IPC by shell-process.ts. In the app the
// shell's event loop is Electron's main process, which no test driver shares; in one process with
// the suite it also ran Playwright's protocol work and the suite's garbage collection, and the
// "longest main-thread block" measured them. Bundled by shell-build.ts, forked with IPC.
import { performance } from 'node:perf_hooks';
import { startShell, type Shell } from '../../../src/main/web/shell.js';
import { memoryVault } from '../../integration/core/helpers.js';
import { watchEventLoop, type LoopWatch } from './main-thread.js';
import type { ChildMessage, ParentMessage } from './shell-ipc.js';

const send = (m: ChildMessage, then: () => void = () => undefined): void => {
  process.send?.(m, then);
};

let shell: Shell | null = null;
let watch: { stop(): LoopWatch } | null = null;
const vault = memoryVault();

function started(): Shell {
  if (shell === null) throw new Error('the shell is not started');
  return shell;
}

/** What the suite's message asks for: the reply's value. */
async function answer(m: ParentMessage): Promise<unknown> {
  switch (m.type) {
    case 'start': {
      for (const [k, v] of m.vault) vault.entries.set(k, v);
      const t0 = performance.now();
      shell = await startShell({ ...m.options, vault, port: 0 });
      const startMs = performance.now() - t0;
      // Answered as soon as the shell listens, as the app opens its window: the core boots on.
      void shell.core.then((core) =>
        core.on('timing', (timing) => send({ type: 'timing', timing })),
      );
      return { url: shell.url, startMs };
    }
    case 'call':
      return (await started().core).invoke(m.method, m.payload ?? {});
    case 'watch-start':
      watch = watchEventLoop();
      return null;
    case 'watch-stop': {
      const seen = watch?.stop() ?? null;
      watch = null;
      return seen;
    }
    case 'close':
      await shell?.close();
      shell = null;
      return [...vault.entries];
  }
}

process.on('message', (m: ParentMessage) => {
  answer(m).then(
    // After a close nothing of the shell's is left: exit once the reply is out.
    (value) =>
      send(
        { type: 'reply', id: m.id, value },
        m.type === 'close' ? () => process.exit(0) : undefined,
      ),
    (e: unknown) =>
      send({ type: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
});
