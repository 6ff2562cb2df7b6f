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

/** Runs `fn` in a transaction unless the caller already opened one (then it joins it). */
export function inTransaction<T>(db: Database, fn: () => T): T {
  return db.inTransaction ? fn() : db.transaction(fn)();
}
