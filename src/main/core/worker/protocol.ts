// The messages a host's main thread and the core worker exchange over the worker port. Every
// message is structured-cloned, so only plain data crosses: the host keeps what cannot (the
// credential vault, the logger) and serves it to the worker through the same port.
import type { InboxEventName } from '../../../shared/api.js';
import type { AppError, Result } from '../../../shared/errors.js';
import type { CoreLogger, CoreOptions, CredentialVault } from '../host.js';

/** The part of CoreOptions that can be cloned into the worker. */
export type WorkerCoreOptions = Omit<CoreOptions, 'vault' | 'logger' | 'now'>;

export interface CoreWorkerData {
  options: WorkerCoreOptions;
  /** `vault.isAvailable()` sampled at start (the core asks synchronously); null = no vault. */
  vaultAvailable: boolean | null;
  hasLogger: boolean;
  /** file: URL of a module exporting `createCore`; absent = the real core. */
  coreModule?: string;
}

export type VaultOp = Exclude<keyof CredentialVault, 'isAvailable'>;
export type LogLevel = keyof CoreLogger;

/** Main thread → worker. */
export type HostMessage =
  | { type: 'call'; id: number; method: unknown; payload: unknown }
  | { type: 'vault-result'; id: number; result: Result<string | null> }
  | { type: 'close' };

/** Worker → main thread. */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'start-failed'; error: AppError }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: InboxEventName; payload: unknown }
  | { type: 'vault'; id: number; op: VaultOp; args: string[] }
  | { type: 'log'; level: LogLevel; message: string; fields?: Record<string, unknown> }
  | { type: 'closed' };
