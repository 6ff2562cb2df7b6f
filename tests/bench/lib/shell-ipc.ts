// What the suite and the shell's process (shell-child.ts) say to each other: every message of
// the suite's carries an id, and the child's reply to it the same id.
import type { InboxEvents, InboxMethod } from '../../../src/shared/api.js';

export interface ChildShellOptions {
  serverUrl: string;
  dataDir: string;
  workerEntry: string;
  rendererDir: string;
}

/** The saved login's vault entries, handed to a start and back from a close. */
export type VaultEntries = [string, string][];

export type ParentRequest =
  | { type: 'start'; options: ChildShellOptions; vault: VaultEntries }
  | { type: 'call'; method: InboxMethod; payload?: unknown }
  | { type: 'watch-start' }
  | { type: 'watch-stop' }
  | { type: 'close' };

export type ParentMessage = ParentRequest & { id: number };

export type ChildMessage =
  | { type: 'reply'; id: number; value: unknown }
  | { type: 'timing'; timing: InboxEvents['timing'] }
  | { type: 'failed'; message: string };
