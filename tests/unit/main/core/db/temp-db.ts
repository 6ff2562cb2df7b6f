// Real SQLite files in a fresh temp dir per test; closed and removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openDatabase, type Database } from '../../../../../src/main/core/db/open.js';

const opened: { db: Database; dir: string }[] = [];

afterEach(() => {
  for (const { db, dir } of opened.splice(0)) {
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'toiawase-db-'));
}

export function tempDb(): Database {
  const dir = tempDir();
  const db = openDatabase(join(dir, 'cache.db'));
  opened.push({ db, dir });
  return db;
}

/** A database the caller closes and removes itself (shared by a whole suite). */
export function openTempDb(): { db: Database; dispose: () => void } {
  const dir = tempDir();
  const db = openDatabase(join(dir, 'cache.db'));
  return {
    db,
    dispose: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
