// Waiting for a browser shell's first sync: measuring while it still refreshes the list measures
// the sync too (and the list may move under the cursor).
import type { Shell } from '../../../src/main/web/shell.js';
import type { ShellProcess } from './shell-process.js';

/** What the wait needs of a shell, in the suite's process or in one of its own. */
type SyncSource = Pick<ShellProcess, 'onTiming' | 'getSession'>;

const inProcess = (s: Shell): SyncSource => ({
  onTiming: (listener) => void s.core.then((core) => core.on('timing', listener)),
  getSession: async () => (await s.core).api.getSession({}),
});

/** Resolves once the shell's core has finished the first sync of every shop it reports. */
export function syncDone(shell: Shell | ShellProcess): Promise<void> {
  const s = 'core' in shell ? inProcess(shell) : shell;
  return new Promise((done) => {
    let synced = 0;
    s.onTiming((t) => {
      if (t.name !== 'sync.shop') return;
      synced++;
      void s.getSession().then((r) => {
        if (r.ok && r.value !== null && synced >= r.value.shops.length) done();
      });
    });
  });
}
