// createCore: the headless engine a host embeds (in-process for the CLI, in a worker thread for
// the shells). It opens the cache, restores a saved login, and runs sync and delivery loops.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type Database } from './db/open.js';
import { CoreEvents } from './events.js';
import type { Core, CoreOptions } from './host.js';
import { createOutbox, type Outbox } from './outbox/index.js';
import { createInboxApi } from './service/inbox-api.js';
import { createSession, type Session } from './session/index.js';
import { quietFor } from './session/quiet-start.js';
import { getSettings } from './store/settings.js';
import { seedBuiltInTemplates } from './store/templates.js';
import { createConnectivity, createSyncEngine, type SyncEngine } from './sync/index.js';
import { startSteadyCheckpoints } from './sync/steady-checkpoints.js';
import { createWindowFirst } from './sync/window-first.js';

export type { Core, CoreOptions, CredentialVault, CoreLogger } from './host.js';

/** The in-process core also exposes its parts to hosts that drive them directly (the CLI). */
export interface LocalCore extends Core {
  readonly db: Database;
  readonly session: Session;
  readonly sync: SyncEngine;
  readonly outbox: Outbox;
}

export async function createCore(options: CoreOptions): Promise<LocalCore> {
  mkdirSync(options.dataDir, { recursive: true });
  const db = openDatabase(options.dbPath ?? join(options.dataDir, 'toiawase.db'));
  const now = options.now ?? Date.now;
  const events = new CoreEvents();
  const emit = events.emit;
  const connectivity = createConnectivity(emit);
  const session = createSession({
    db,
    apiKey: options.apiKey,
    sandboxUrl: options.sandboxUrl,
    vault: options.vault,
    emit,
    connectivity,
  });
  const gateway = () => session.gateway();
  const windowFirst = createWindowFirst();
  const sync = createSyncEngine({
    windowFirst,
    ...(options.beforeSyncPass ? { beforePass: options.beforeSyncPass } : {}),
    db,
    gateway,
    shops: () => session.shopIds(),
    emit,
    now,
    connectivity,
  });
  const outbox = createOutbox({ db, gateway, emit, now, connectivity });
  seedBuiltInTemplates(db, now());

  const background = options.background ?? true;
  const quiet = quietFor(options.startupQuietMs ?? 0);
  let closed = false;
  // The app's own writes checkpoint off the core's thread (not inside a reply's commit), once
  // the quiet is over: a restored start's window paints first.
  const checkpoints = background ? startSteadyCheckpoints(db, { after: quiet.over }) : null;
  let loops = false;
  const startLoops = (): void => {
    if (!background) return;
    if (loops) {
      // Every later login (another account, or the same one back) fetches what changed at once.
      void sync.syncAll().catch(() => undefined);
      return;
    }
    loops = true;
    outbox.start();
    // Syncs at once (after a restored start's quiet), then on the interval.
    void quiet.over.then(() => {
      if (!closed) sync.start(getSettings(db).syncIntervalSec);
    });
  };

  const api = createInboxApi(
    {
      db,
      session,
      sync,
      outbox,
      emit,
      now,
      attachmentDir: join(options.dataDir, 'attachments'),
      logger: options.logger,
      windowFirst,
      onSettingsChanged: (settings) => {
        // A new interval only: a settings change (a log-in saves the language) is no reason
        // for a pass, and one asked during the first sync was a whole second pass after it.
        if (loops) sync.reschedule(settings.syncIntervalSec);
      },
    },
    startLoops,
  );

  if (background) {
    // A saved login starts the inbox without the login screen (offline too: the cache is there).
    const restored = await session.restore(quiet).catch((e: unknown) => {
      options.logger?.warn('could not restore the saved login', {
        message: e instanceof Error ? e.message : String(e),
      });
      return null;
    });
    // Without a restored session there is nothing to show before the network: no quiet.
    if (restored === null) quiet.end();
    else startLoops();
  } else {
    quiet.end();
  }

  return {
    api,
    db,
    session,
    sync,
    outbox,
    on: (event, listener) => events.on(event, listener),
    async close() {
      closed = true;
      await Promise.all([sync.stop(), outbox.stop()]);
      await checkpoints?.stop();
      events.clear();
      db.close();
    },
  };
}
