// Writes fetched threads into the cache in slices, yielding to the event loop between them, so
// a 500-thread page never blocks the host for long. Rows and messages go first, in slices sized
// from the measured cost per thread to take about TARGET_SLICE_MS (well under the 50 ms budget)
// and never more than MAX_SLICE threads, so a slice measured while the process was preempted
// cannot grow the next one. During a bulk apply the WAL checkpoints run on another thread between
// slices (wal-checkpointer.ts), instead of inside whichever commit crosses the threshold; the one
// due at the end of a page runs while the caller waits for the next page. The page's full-text
// documents follow. FTS5 writes one segment per transaction and merges them as they pile up, so
// small document transactions cost far more than the documents themselves. In a bulk apply that
// same thread writes them, all of a page in one transaction of its own connection (at 100k
// inquiries this took 2–4 s of CPU off the sync and the FTS commits, the longest blocks, off the
// event loop); the caller's final write (the cursor) follows in a transaction of its own once
// they are committed. Otherwise they are written here in a few larger slices, the final write
// joining the last. Either way the cursor never moves past threads or documents that are not
// committed, and a page re-applied after a crash is an idempotent upsert (no duplicates; a
// document lost in between is written when its thread is seen again).
import type { Database } from '../db/open.js';
import { reapplyPendingEffects } from '../outbox/index.js';
import { applyThreads, writeSearchDocs, type DeferredDocs } from '../store/inquiry-write.js';
import type { ThreadRecord } from '../store/types.js';
import { yieldToLoop } from './events.js';
import { createWalCheckpointer } from './wal-checkpointer.js';
import { NO_WINDOW, type WindowFirst } from './window-first.js';

export const TARGET_SLICE_MS = 20;
export const MIN_SLICE = 8;
export const MAX_SLICE = 100;
/** Documents are cheaper than threads; a page's worth fits in few transactions. */
export const MAX_DOC_SLICE = 500;
/** From this many threads in one call on, WAL checkpoints and documents move to another thread. */
export const BULK_THREADS = 200;

export interface SliceApplier {
  /**
   * Applies `threads`, then `finalWrite` once they and their documents are committed (in the
   * last transaction, or in one of its own after documents written by the worker thread);
   * returns the changed ids.
   */
  apply(threads: readonly ThreadRecord[], finalWrite?: () => void): Promise<string[]>;
  /** Longest synchronous slice so far (ms). */
  readonly longestMs: number;
  readonly slices: number;
  /** Ends what a bulk apply started (the worker thread); call it when the sync ends. */
  close(): Promise<void>;
}

/** How many items the next slice takes, from the cost per item: rises slowly, falls at once. */
export function nextSliceSize(msPerItem: number, max = MAX_SLICE): number {
  if (!(msPerItem > 0)) return max;
  return Math.max(MIN_SLICE, Math.min(max, Math.floor(TARGET_SLICE_MS / msPerItem)));
}

interface Sizer {
  next(): number;
  learn(ms: number, items: number): void;
}

function sizer(initialSize: number, max: number): Sizer {
  let msPerItem = TARGET_SLICE_MS / initialSize;
  return {
    next: () => nextSliceSize(msPerItem, max),
    learn(ms, items) {
      const observed = ms / Math.max(1, items);
      // A slow slice (a checkpoint, another process on the CPU) shrinks the next one at once;
      // fast ones win the size back over a few slices.
      msPerItem = observed >= msPerItem ? observed : msPerItem * 0.6 + observed * 0.4;
    },
  };
}

/** Each slice waits while the window is busy (window-first.ts). */
export function createSliceApplier(
  db: Database,
  windowFirst: WindowFirst = NO_WINDOW,
): SliceApplier {
  const threadSizer = sizer(40, MAX_SLICE);
  const docSizer = sizer(200, MAX_DOC_SLICE);
  const checkpointer = createWalCheckpointer(db);
  let longestMs = 0;
  let slices = 0;

  /** Runs one synchronous slice as a transaction, timed; yields to the event loop after it. */
  async function slice<T>(sized: Sizer | null, items: number, fn: () => T): Promise<T> {
    await windowFirst.clear();
    await checkpointer.idle(); // never write while a checkpoint runs (see wal-checkpointer.ts)
    if (checkpointer.due()) await checkpointer.checkpoint();
    const t0 = performance.now();
    const out = db.transaction(fn)();
    const ms = performance.now() - t0;
    slices++;
    longestMs = Math.max(longestMs, ms);
    sized?.learn(ms, items);
    await yieldToLoop();
    return out;
  }

  function applyRows(threads: readonly ThreadRecord[], docs: DeferredDocs): string[] {
    const { changedIds } = applyThreads(db, threads, { deferDocs: docs });
    // Sync brings the server's state; the seller's unsent actions stay visible on top of it.
    reapplyPendingEffects(
      db,
      threads.map((t) => `${t.shopId}:${t.questionNo}`),
    );
    return changedIds;
  }

  /** The page's documents on this thread, the final write joining the last transaction. */
  async function writeDocsInSlices(
    pending: readonly [number, string][],
    finalWrite: (() => void) | undefined,
  ): Promise<void> {
    // At least one transaction, even with no documents: it carries the final write.
    let i = 0;
    do {
      const part = pending.slice(i, i + docSizer.next());
      i += part.length;
      const last = i >= pending.length;
      await slice(docSizer, part.length, () => {
        writeSearchDocs(db, part);
        if (last) finalWrite?.();
      });
    } while (i < pending.length);
  }

  return {
    get longestMs() {
      return longestMs;
    },
    get slices() {
      return slices;
    },
    close: () => checkpointer.stop(),
    async apply(threads, finalWrite) {
      if (threads.length >= BULK_THREADS) checkpointer.start();
      const changed: string[] = [];
      const docs: DeferredDocs = new Map();
      for (let i = 0; i < threads.length;) {
        const part = threads.slice(i, i + threadSizer.next());
        for (const id of await slice(threadSizer, part.length, () => applyRows(part, docs))) {
          changed.push(id);
        }
        i += part.length;
      }
      const pending = [...docs];
      if (checkpointer.active) {
        // Bulk: the page's documents go to the worker thread, in one transaction of its own
        // connection, while this thread is free (it parses the next page meanwhile). One
        // segment per page instead of several, and no FTS flush or merge blocks the event loop.
        // The cursor follows in a transaction of its own, so it never runs ahead of them.
        if (pending.length > 0) {
          await windowFirst.clear();
          await checkpointer.writeDocs(pending);
        }
        if (finalWrite !== undefined) await slice(null, 0, finalWrite);
      } else {
        await writeDocsInSlices(pending, finalWrite);
      }
      // The caller now waits for its next page: a checkpoint can run meanwhile.
      if (checkpointer.due()) checkpointer.background();
      return changed;
    },
  };
}
