// Prepared statements are compiled once per connection and reused: preparing is the expensive
// part of a small query, and the store runs the same few dozen statements in hot loops.
import type { Statement } from 'better-sqlite3';
import type { Database } from './open.js';

const MAX_CACHED = 1000;
const caches = new WeakMap<Database, Map<string, Statement>>();

export function stmt<P extends unknown[] = unknown[], R = unknown>(
  db: Database,
  sql: string,
): Statement<P, R> {
  let cache = caches.get(db);
  if (cache === undefined) {
    cache = new Map();
    caches.set(db, cache);
  }
  let s = cache.get(sql);
  if (s === undefined) {
    // Search builds SQL from the filters in use; a bound keeps odd callers from growing it.
    if (cache.size >= MAX_CACHED) cache.clear();
    s = db.prepare(sql);
    cache.set(sql, s);
  }
  return s as Statement<P, R>;
}

// One transaction wrapper per connection, given the work as its argument: making a wrapper per
// call (db.transaction(fn)) costs more than a sub-millisecond search's own statements.
const runners = new WeakMap<Database, (fn: () => unknown) => unknown>();

/** Runs `fn` in a transaction unless the caller already opened one (then it joins it). */
export function inTransaction<T>(db: Database, fn: () => T): T {
  if (db.inTransaction) return fn();
  let run = runners.get(db);
  if (run === undefined) {
    run = db.transaction((work: () => unknown) => work());
    runners.set(db, run);
  }
  return run(fn) as T;
}

/**
 * `sql` reading at most `rows` rows. The limit is written into the statement: with `LIMIT ?`
 * a one-row page took 29–34 µs instead of 8–9 µs (SQLite 3.53; most likely it plans with the
 * bound limit and prepares the statement again whenever it is bound).
 */
export function withLimit(sql: string, rows: number): string {
  if (!Number.isSafeInteger(rows) || rows < 0) throw new RangeError(`not a row limit: ${rows}`);
  return `${sql} LIMIT ${rows}`;
}
