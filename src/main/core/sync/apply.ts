// Writes fetched threads into the cache in slices, yielding to the event loop between them, so
// a 500-thread page never blocks the host for long. Each slice is sized from the measured cost
// per thread to take about TARGET_SLICE_MS (well under the 50 ms budget, leaving room for a
// commit that flushes full-text segments or checkpoints the WAL), and never more than MAX_SLICE
// threads, so a slice measured while the process was preempted cannot grow the next one. The
// caller's final write (the cursor) joins the LAST slice's transaction: the cursor never moves
// past threads that are not committed, and a re-applied slice after a crash is an idempotent
// upsert (no duplicates).
import type { Database } from '../db/open.js';
import { reapplyPendingEffects } from '../outbox/index.js';
import { applyThreads } from '../store/inquiries.js';
import type { ThreadRecord } from '../store/types.js';
import { yieldToLoop } from './events.js';

export const TARGET_SLICE_MS = 20;
export const MIN_SLICE = 8;
export const MAX_SLICE = 200;
/** Cost assumed before anything was measured: a first slice of 40 threads. */
const INITIAL_MS_PER_THREAD = TARGET_SLICE_MS / 40;

export interface SliceApplier {
  /** Applies `threads` (and `finalWrite` with the last slice); returns the changed ids. */
  apply(threads: readonly ThreadRecord[], finalWrite?: () => void): Promise<string[]>;
  /** Longest synchronous slice so far (ms). */
  readonly longestMs: number;
  readonly slices: number;
}

/** The next slice size from the cost per thread: rises slowly, falls at once. */
export function nextSliceSize(msPerThread: number): number {
  if (!(msPerThread > 0)) return MAX_SLICE;
  return Math.max(MIN_SLICE, Math.min(MAX_SLICE, Math.floor(TARGET_SLICE_MS / msPerThread)));
}

export function createSliceApplier(db: Database): SliceApplier {
  let msPerThread = INITIAL_MS_PER_THREAD;
  let longestMs = 0;
  let slices = 0;

  function applySlice(slice: readonly ThreadRecord[], finalWrite?: () => void): string[] {
    return db.transaction(() => {
      const { changedIds } = applyThreads(db, slice);
      // Sync brings the server's state; the seller's unsent actions stay visible on top of it.
      reapplyPendingEffects(
        db,
        slice.map((t) => `${t.shopId}:${t.questionNo}`),
      );
      finalWrite?.();
      return changedIds;
    })();
  }

  function learn(ms: number, threads: number): void {
    const observed = ms / Math.max(1, threads);
    // A slow slice (a checkpoint, another process on the CPU) shrinks the next one at once;
    // fast ones win the size back over a few slices.
    msPerThread = observed >= msPerThread ? observed : msPerThread * 0.6 + observed * 0.4;
  }

  return {
    get longestMs() {
      return longestMs;
    },
    get slices() {
      return slices;
    },
    async apply(threads, finalWrite) {
      const changed: string[] = [];
      let i = 0;
      do {
        const slice = threads.slice(i, i + nextSliceSize(msPerThread));
        const last = i + slice.length >= threads.length;
        const t0 = performance.now();
        for (const id of applySlice(slice, last ? finalWrite : undefined)) changed.push(id);
        const ms = performance.now() - t0;
        slices++;
        longestMs = Math.max(longestMs, ms);
        learn(ms, slice.length);
        i += slice.length;
        await yieldToLoop();
      } while (i < threads.length);
      return changed;
    },
  };
}
