// One checkpoint worker per database, shared by everyone who needs one: the steady checkpoints
// (from the end of the start-up quiet until the core closes) and each bulk apply. Each used to
// start a worker of its own, and starting one (a Node worker, better-sqlite3, a connection) is
// 60–85 ms of CPU on a quiet machine, some 300 ms in a busy cold start: a bulk apply started its
// own as the first page of a log-in's sync landed, while the inbox drew its first frames. Now the
// apply leases the worker that already runs, and the last user to leave stops it.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Database } from '../db/open.js';

// CommonJS, evaluated in the worker: needs nothing but better-sqlite3, found by absolute path
// (the core may be bundled; the native module is not).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
// Like the core's connection: no fsync per commit (WAL), and it waits for the core's writes.
// Its own automatic checkpoints stay off: it runs them when asked.
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = 5000');
db.pragma('wal_autocheckpoint = 0');
db.pragma('cache_size = -65536');
let writeDocs = null; // prepared when first asked (a bare database has no full-text table)
const docsWriter = () => {
  if (writeDocs !== null) return writeDocs;
  const insert = db.prepare('INSERT INTO inquiry_fts (rowid, doc) VALUES (?, ?)');
  writeDocs = db.transaction((docs) => {
    for (const [rowid, doc] of docs) insert.run(rowid, doc);
  });
  return writeDocs;
};
const attempt = (fn) => {
  try {
    return { type: 'done', frames: fn() };
  } catch (e) {
    return { type: 'done', frames: 0, error: String(e && e.message) };
  }
};
const checkpoint = () => {
  const [r] = db.pragma('wal_checkpoint(PASSIVE)');
  return r ? r.checkpointed : 0;
};
parentPort.on('message', (m) => {
  if (m.type === 'docs') parentPort.postMessage(attempt(() => (docsWriter()(m.docs), 0)));
  if (m.type === 'checkpoint') parentPort.postMessage(attempt(checkpoint));
  if (m.type !== 'stop') return;
  parentPort.postMessage(attempt(checkpoint));
  db.close();
  parentPort.close();
});
`;

export interface Done {
  type: 'done';
  frames: number;
  error?: string;
}

export type Request =
  | { type: 'checkpoint' }
  | { type: 'stop' }
  | { type: 'docs'; docs: readonly (readonly [number, string])[] };

/** A user's share of the database's checkpoint worker. */
export interface CheckpointWorker {
  /** Sends a request; resolves with its answer (the worker answers in order, one at a time). */
  send(message: Request): Promise<Done>;
  /**
   * Gives the share back after a last checkpoint; the last user's also stops the worker (and
   * resolves once it has exited).
   */
  release(): Promise<Done>;
}

interface Shared {
  worker: Worker;
  users: number;
  /** Whoever waits for an answer, in the order the requests were sent. */
  waiting: ((d: Done) => void)[];
  /** Each user's callback for a worker that failed or exited. */
  gone: Set<() => void>;
  exited: Promise<void>;
  /** False once it failed or exited: nothing sent to it would be answered. */
  alive: boolean;
}

const running = new WeakMap<Database, Shared>();

/** The answer to whatever the worker will not answer: it failed or exited. */
const STOPPED: Done = { type: 'done', frames: 0, error: 'the checkpoint worker stopped' };

function driverPath(): string {
  return createRequire(import.meta.url).resolve('better-sqlite3');
}

function startWorker(db: Database): Shared {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    name: 'toiawase-wal-checkpoint',
    workerData: { driver: driverPath(), path: db.name },
  });
  const shared: Shared = {
    worker,
    users: 0,
    waiting: [],
    gone: new Set(),
    exited: new Promise<void>((resolve) => worker.once('exit', () => resolve())),
    alive: true,
  };
  const fail = (): void => {
    shared.alive = false;
    if (running.get(db) === shared) running.delete(db);
    for (const wake of shared.waiting.splice(0)) wake(STOPPED);
    for (const gone of [...shared.gone]) gone();
    shared.gone.clear();
  };
  worker.on('message', (d: Done) => shared.waiting.shift()?.(d));
  worker.on('error', fail);
  worker.on('exit', fail);
  worker.unref();
  return shared;
}

/**
 * A share of `db`'s checkpoint worker, started if none runs. `onGone` runs if the worker fails
 * or exits before this share is released. Throws when no worker can start (no driver found, no
 * threads): the caller then leaves the checkpoints to the connection.
 */
export function leaseCheckpointWorker(db: Database, onGone: () => void): CheckpointWorker {
  const shared = running.get(db) ?? startWorker(db);
  running.set(db, shared);
  shared.users++;
  shared.gone.add(onGone);
  const send = (message: Request): Promise<Done> =>
    new Promise<Done>((resolve) => {
      if (!shared.alive) {
        resolve(STOPPED);
        return;
      }
      shared.waiting.push(resolve);
      shared.worker.postMessage(message);
    });
  let released = false;
  return {
    send,
    async release() {
      if (released) return { type: 'done', frames: 0 };
      released = true;
      shared.gone.delete(onGone);
      if (--shared.users > 0) return send({ type: 'checkpoint' });
      // Later leases start a worker of their own; this one finishes what it was asked.
      if (running.get(db) === shared) running.delete(db);
      const done = await send({ type: 'stop' });
      await shared.exited;
      return done;
    },
  };
}
