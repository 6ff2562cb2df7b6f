// Between bulk syncs the core still writes: replies, drafts, outbox steps, incremental syncs.
// Their checkpoints ran inside whichever commit crossed wal_autocheckpoint, and that commit then
// stalled for the copy and two fsyncs: a CPU profile of the core during sends showed a
// delivery's commit taking 189 ms in SQLite, with the next reply (and every call) waiting
// behind it, while the enqueue itself takes 1 ms. Here the checkpoint worker copies the WAL
// every few seconds off the core's thread, so a commit seldom crosses the threshold (it stays as
// the safety net). It pauses while a bulk apply runs: that one schedules its own checkpoints
// between its writes, and a second checkpointer overlapping them kept the WAL from starting over.
import type { Database } from '../db/open.js';
import { bulkCheckpointsActive, createWalCheckpointer } from './wal-checkpointer.js';

/** A few seconds of steady writing is a few hundred pages at most (a reply is tens). */
export const STEADY_CHECKPOINT_MS = 2000;

export interface SteadyCheckpoints {
  /** WAL frames copied so far. */
  readonly frames: number;
  /** True while the worker runs (from `after` until stop). */
  readonly active: boolean;
  stop(): Promise<void>;
}

export interface SteadyOptions {
  everyMs?: number;
  /**
   * The worker starts once this settles (default: at once). Starting a Node worker and its
   * connection took some 300 ms of CPU in a cold start's profile: the core passes its start-up
   * quiet, so the page does not wait behind it for one of two cores. Until then the connection's
   * own checkpoints are the safety net, as always.
   */
  after?: Promise<unknown>;
}

export function startSteadyCheckpoints(
  db: Database,
  { everyMs = STEADY_CHECKPOINT_MS, after = Promise.resolve() }: SteadyOptions = {},
): SteadyCheckpoints {
  const checkpointer = createWalCheckpointer(db, { owns: false });
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const begin = (): void => {
    if (stopped) return;
    checkpointer.start();
    timer = setInterval(() => {
      if (!bulkCheckpointsActive(db)) checkpointer.background();
    }, everyMs);
    timer.unref();
  };
  void after.then(begin, begin);
  return {
    get frames() {
      return checkpointer.frames;
    },
    get active() {
      return checkpointer.active;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await checkpointer.stop();
    },
  };
}
