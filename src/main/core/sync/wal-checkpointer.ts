// Moves WAL checkpoints off the core's thread while a bulk sync writes. A checkpoint copies the
// WAL into the database file and fsyncs both; SQLite runs it inside whichever commit crosses
// wal_autocheckpoint, so during a big sync a short slice now and then stalls for the copy and the
// fsyncs (measured at 20k inquiries: slices of 8 threads taking 100–250 ms, and a third of the
// sync's time). Here a worker thread with its own connection runs PASSIVE checkpoints, which
// never block the writer, while the core's connection stops checkpointing. Stopping restores the
// connection's own checkpoints. Durability is unchanged: commits are in the WAL either way, and
// the checkpoints still fsync (synchronous=NORMAL), just on another thread.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Database } from '../db/open.js';
import { WAL_AUTOCHECKPOINT_PAGES } from '../db/open.js';

/** How often the worker checkpoints (ms). Each run copies what was committed since; more often
 * copies the pages every commit touches (index roots, the FTS structure) over and over: at 20k
 * inquiries, 50 ms cost ~25 % more sync time than 250 ms. */
const INTERVAL_MS = 250;

// CommonJS, evaluated in the worker: needs nothing but better-sqlite3, found by absolute path
// (the core may be bundled; the native module is not).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
let frames = 0;
const run = () => {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    if (r && r.checkpointed > 0) {
      frames += r.checkpointed;
      parentPort.postMessage({ type: 'checkpointed', frames });
    }
  } catch (e) {
    parentPort.postMessage({ type: 'error', message: String(e && e.message) });
  }
};
const timer = setInterval(run, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  run();
  db.close();
  parentPort.close();
});
`;

export interface WalCheckpointer {
  /** Starts the worker (once); until stop, the connection leaves checkpoints to it. */
  start(): void;
  /** Stops the worker after a last checkpoint; the connection checkpoints itself again. */
  stop(): Promise<void>;
  /** WAL frames the worker has copied so far. */
  readonly frames: number;
}

function driverPath(): string {
  return createRequire(import.meta.url).resolve('better-sqlite3');
}

export function createWalCheckpointer(db: Database): WalCheckpointer {
  let worker: Worker | null = null;
  let stopped: Promise<void> | null = null;
  let frames = 0;

  function restore(): void {
    if (db.open) db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  }

  return {
    get frames() {
      return frames;
    },
    start() {
      // An in-memory or temporary database has no file another connection could open.
      if (worker !== null || db.memory || db.name === '') return;
      const w = new Worker(WORKER_SOURCE, {
        eval: true,
        name: 'toiawase-wal-checkpoint',
        workerData: { driver: driverPath(), path: db.name, intervalMs: INTERVAL_MS },
      });
      worker = w;
      stopped = new Promise<void>((resolve) => w.once('exit', () => resolve()));
      w.on('message', (m: { type: string; frames?: number }) => {
        if (m.type === 'checkpointed' && m.frames !== undefined) frames = m.frames;
      });
      // Whatever goes wrong over there, checkpoints come back to this connection.
      w.on('error', restore);
      w.on('exit', restore);
      w.unref();
      db.pragma('wal_autocheckpoint = 0');
    },
    async stop() {
      if (worker === null) return;
      const w = worker;
      worker = null;
      restore();
      w.postMessage('stop');
      await stopped;
    },
  };
}
