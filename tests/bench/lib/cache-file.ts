// Reading the core's cache file from outside (read-only; the core may still have it open).
import { existsSync, statSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';

export function cacheCounts(file: string): { inquiries: number; messages: number } {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db
      .prepare(
        'SELECT (SELECT count(*) FROM inquiries) AS inquiries, (SELECT count(*) FROM messages) AS messages',
      )
      .get() as { inquiries: number; messages: number };
  } finally {
    db.close();
  }
}

/** The cache's size on disk: the database and its write-ahead log. */
export function cacheBytes(file: string): number {
  return [file, `${file}-wal`].reduce((n, f) => n + (existsSync(f) ? statSync(f).size : 0), 0);
}
