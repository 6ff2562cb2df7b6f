// Waiting for a browser shell's first sync: measuring while it still refreshes the list measures
// the sync too (and the list may move under the cursor).
import type { Shell } from '../../../src/main/web/shell.js';

/** Resolves once the shell's core has finished the first sync of every shop it reports. */
export function syncDone(s: Shell): Promise<void> {
  return new Promise((done) => {
    let synced = 0;
    s.core.on('timing', (t) => {
      if (t.name !== 'sync.shop') return;
      synced++;
      void s.core.api.getSession({}).then((r) => {
        if (r.ok && r.value !== null && synced >= r.value.shops.length) done();
      });
    });
  });
}
