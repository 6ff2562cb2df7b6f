// Writes fetched threads into the cache in slices, yielding to the event loop between them, so
// a 500-thread page never blocks the host for long. The slice size adapts to the measured time
// (target well under 50 ms). The caller's final write (the cursor) joins the LAST slice's
// transaction: the cursor never moves past threads that are not committed, and a re-applied
// slice after a crash is an idempotent upsert (no duplicates).
import type { Database } from '../db/open.js';
import { reapplyPendingEffects } from '../outbox/index.js';
import { applyThreads } from '../store/inquiries.js';
import type { ThreadRecord } from '../store/types.js';
import { yieldToLoop } from './events.js';

const TARGET_SLICE_MS = 15;
const MIN_SLICE = 10;
const MAX_SLICE = 500;

export interface SliceApplier {
  /** Applies `threads` (and `finalWrite` with the last slice); returns the changed ids. */
  apply(threads: readonly ThreadRecord[], finalWrite?: () => void): Promise<string[]>;
  /** Longest synchronous slice so far (ms). */
  readonly longestMs: number;
  readonly slices: number;
}

export function createSliceApplier(db: Database): SliceApplier {
  let size = 100;
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
        const slice = threads.slice(i, i + size);
        const last = i + slice.length >= threads.length;
        const t0 = performance.now();
        changed.push(...applySlice(slice, last ? finalWrite : undefined));
        const ms = performance.now() - t0;
        slices++;
        longestMs = Math.max(longestMs, ms);
        if (ms > TARGET_SLICE_MS) size = Math.max(MIN_SLICE, Math.floor(size / 2));
        else if (ms < TARGET_SLICE_MS / 3) size = Math.min(MAX_SLICE, size * 2);
        i += slice.length;
        await yieldToLoop();
      } while (i < threads.length);
      return changed;
    },
  };
}
