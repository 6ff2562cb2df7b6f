// How a host (the Electron shell, the browser shell, the CLI) embeds the core. The core is
// created with `createCore(options)` (./index.ts) and hands back the InboxApi plus its events.
import type { InboxApi, InboxEventName, InboxEvents } from '../../shared/api.js';

/**
 * Encrypted storage for the saved password. The Electron shell backs it with safeStorage; a
 * host without OS-level encryption passes none, and "save login information" is refused.
 */
export interface CredentialVault {
  /** False where only plain-text storage exists: the core then refuses to remember. */
  isAvailable(): boolean;
  save(account: string, secret: string): Promise<void>;
  load(account: string): Promise<string | null>;
  clear(account: string): Promise<void>;
}

export interface CoreLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface CoreOptions {
  /** Folder for the SQLite cache and downloaded attachments. */
  dataDir: string;
  /** Overrides `<dataDir>/toiawase.db`. */
  dbPath?: string;
  /** URL of the QSM sandbox, used for the "sandbox" login location. */
  sandboxUrl?: string;
  /** The app's QAPI key (GiosisCertificationKey for CreateCertificationKey). */
  apiKey?: string;
  vault?: CredentialVault;
  logger?: CoreLogger;
  /** Start the interval sync and outbox delivery loops (hosts: true; some tests: false). */
  background?: boolean;
  /**
   * A start restored from the cache stays off the network this long (the login's confirmation,
   * the first sync pass) so the window paints first; anything that needs the server sooner
   * ends the quiet at once. Default 0; the shells pass STARTUP_QUIET_MS.
   */
  startupQuietMs?: number;
  /** Clock, for tests of ageing and retries. */
  now?: () => number;
  /**
   * Called as each sync pass begins, before it asks the server for anything. The core worker
   * lowers its thread's CPU priority there (worker/background-priority.ts): from the first pass
   * on, not for the calls a start-up's first screen waits on. A function: in-process only.
   */
  beforeSyncPass?: () => void;
}

export interface Core {
  readonly api: InboxApi;
  on<E extends InboxEventName>(event: E, listener: (payload: InboxEvents[E]) => void): () => void;
  /** Stop loops, flush, close the database. */
  close(): Promise<void>;
}
