// Moves WAL checkpoints off the core's thread while a bulk sync writes. A checkpoint copies the
// WAL into the database file and fsyncs both; SQLite runs it inside whichever commit crosses
// wal_autocheckpoint, so during a big sync a short slice now and then stalls for the copy and the
// fsyncs (measured at 20k inquiries under load: slices of 8 threads taking 100–250 ms). Here a
// worker thread with its own connection runs the checkpoints while the core's connection stops
// checkpointing. The applier asks for one between slices and waits for it without blocking the
// event loop, and never writes while one runs: a checkpoint that overlaps writes cannot copy what
// they add, so the WAL would never start over (a checkpointer racing the writer let it grow to
// 240 MB for a 38 MB cache), and the writes stall behind its fsyncs. At the end of a page it
// starts one without waiting, so the copy and the fsyncs overlap the wait for the next page
// (waiting for every checkpoint cost 0.8–2 s of a 20k sync on this disk); the next slice waits
// for whatever is left of it. Stopping restores the connection's own
// checkpoints. Durability is unchanged: commits are in the WAL either way, and the checkpoints
// still fsync (synchronous=NORMAL), just on another thread.
// The same worker writes a bulk apply's full-text documents (writeDocs), a page's worth in one
// transaction: the FTS5 flush and merges then cost no event-loop time on the core's thread, and
// one segment per page costs less than one per slice. The applier waits for it before it writes
// again, so the two connections never compete for the write lock. The worker is the database's
// one, shared with the steady checkpoints (checkpoint-worker.ts).
import type { Database } from '../db/open.js';
import { WAL_AUTOCHECKPOINT_PAGES } from '../db/open.js';
import { leaseCheckpointWorker, type CheckpointWorker, type Request } from './checkpoint-worker.js';

/**
 * How much writing (ms of wall time) goes into the WAL between two checkpoints. The sync is
 * usually ahead of the network (the next page is already there), so the applier waits for most
 * checkpoints, and each one costs two fsyncs whatever it copies. At 250 ms a 20k sync waited
 * 1.0–3.3 s for them; at 1000 ms 0.5–1.7 s (same-load pairs), for a WAL that peaks at about
 * 40–55 MB instead of 12–20 MB. The peak depends on this interval, not on the size of the shop.
 */
export const CHECKPOINT_EVERY_MS = 1000;

export interface WalCheckpointer {
  /** Takes a share of the worker (once); until stop, the connection leaves checkpoints to it. */
  start(): void;
  /** True while the worker runs (between start and stop, unless it failed). */
  readonly active: boolean;
  /**
   * Inserts full-text documents (rowid, doc) in one transaction of the worker's connection,
   * after any running checkpoint; rejects if they were not committed (or the worker is gone).
   */
  writeDocs(docs: readonly (readonly [number, string])[]): Promise<void>;
  /** True when enough has been written since the last checkpoint to run one. */
  due(): boolean;
  /** Starts a checkpoint in the worker without waiting for it (unless one is running). */
  background(): void;
  /** Resolves when no checkpoint runs (one started by background has finished). */
  idle(): Promise<void>;
  /**
   * Runs a checkpoint in the worker after any running one; resolves when it is done (at once
   * when not started). With nothing written meanwhile, it copies the whole WAL.
   */
  checkpoint(): Promise<void>;
  /** Gives the share back after a last checkpoint; the connection checkpoints itself again. */
  stop(): Promise<void>;
  /** WAL frames the worker has copied so far. */
  readonly frames: number;
}

/** Bulk applies running per database (their checkpointers own the connection's checkpoints). */
const owners = new WeakMap<Database, number>();

/** True while a bulk apply's checkpointer runs on this database (see steady-checkpoints.ts). */
export function bulkCheckpointsActive(db: Database): boolean {
  return (owners.get(db) ?? 0) > 0;
}

export interface CheckpointerOptions {
  /**
   * Whether this checkpointer takes the connection's own checkpoints over (a bulk apply: off
   * while it runs, back on when it stops). A steady one leaves them as a safety net.
   */
  owns?: boolean;
}

export function createWalCheckpointer(
  db: Database,
  { owns = true }: CheckpointerOptions = {},
): WalCheckpointer {
  let worker: CheckpointWorker | null = null;
  let frames = 0;
  let last = 0;
  let running: Promise<void> | null = null;

  function restore(): void {
    if (!owns) return;
    owners.set(db, Math.max(0, (owners.get(db) ?? 0) - 1));
    if (db.open) db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  }

  /** A checkpoint; a failed one is only a missed copy. */
  function request(message: Request): Promise<void> {
    if (worker === null) return Promise.resolve();
    return worker.send(message).then((d) => {
      frames += d.frames;
      last = performance.now();
    });
  }

  return {
    get frames() {
      return frames;
    },
    get active() {
      return worker !== null;
    },
    async writeDocs(docs) {
      if (worker === null) throw new Error('the checkpoint worker is not running');
      const d = await worker.send({ type: 'docs', docs });
      if (d.error !== undefined) throw new Error(`full-text documents not written: ${d.error}`);
    },
    start() {
      // An in-memory or temporary database has no file another connection could open.
      if (worker !== null || db.memory || db.name === '') return;
      try {
        const lease: CheckpointWorker = leaseCheckpointWorker(db, () => {
          // It failed or exited: the connection checkpoints again.
          if (worker !== lease) return;
          worker = null;
          restore();
        });
        worker = lease;
      } catch {
        return; // No worker here (driver not found, no threads): the connection keeps its own.
      }
      last = performance.now();
      if (!owns) return;
      owners.set(db, (owners.get(db) ?? 0) + 1);
      db.pragma('wal_autocheckpoint = 0');
    },
    due: () =>
      worker !== null && running === null && performance.now() - last >= CHECKPOINT_EVERY_MS,
    background() {
      if (worker === null || running !== null) return;
      const done = request({ type: 'checkpoint' });
      running = done;
      void done.then(() => {
        if (running === done) running = null;
      });
    },
    idle: () => running ?? Promise.resolve(),
    // The worker answers in order, so this one runs after (and resolves after) a running one.
    checkpoint: () => request({ type: 'checkpoint' }),
    async stop() {
      const lease = worker;
      if (lease === null) return;
      worker = null;
      restore();
      frames += (await lease.release()).frames;
    },
  };
}
