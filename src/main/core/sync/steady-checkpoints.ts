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
  stop(): Promise<void>;
}

export function startSteadyCheckpoints(
  db: Database,
  everyMs = STEADY_CHECKPOINT_MS,
): SteadyCheckpoints {
  const checkpointer = createWalCheckpointer(db, { owns: false });
  checkpointer.start();
  const timer = setInterval(() => {
    if (!bulkCheckpointsActive(db)) checkpointer.background();
  }, everyMs);
  timer.unref();
  return {
    get frames() {
      return checkpointer.frames;
    },
    async stop() {
      clearInterval(timer);
      await checkpointer.stop();
    },
  };
}
