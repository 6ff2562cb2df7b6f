// What the suite and the shell's process (shell-child.ts) say to each other.
import type { InboxEvents, InboxMethod } from '../../../src/shared/api.js';
import type { LoopWatch } from './main-thread.js';

export interface ChildShellOptions {
  serverUrl: string;
  dataDir: string;
  workerEntry: string;
  rendererDir: string;
}

export type ParentMessage =
  | { type: 'start'; options: ChildShellOptions; vault: [string, string][] }
  | { type: 'call'; id: number; method: InboxMethod; payload?: unknown }
  | { type: 'watch-start'; id: number }
  | { type: 'watch-stop'; id: number }
  | { type: 'close' };

export type ChildMessage =
  | { type: 'ready'; url: string; startMs: number }
  | { type: 'timing'; timing: InboxEvents['timing'] }
  | { type: 'result'; id: number; value: unknown }
  | { type: 'closed'; vault: [string, string][] }
  | { type: 'failed'; message: string };

export type { LoopWatch };
