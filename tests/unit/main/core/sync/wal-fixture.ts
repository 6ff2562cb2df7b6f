// A cache file with one plain table, for the checkpoint tests: a fresh one per test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openDatabase, type Database } from '../../../../../src/main/core/db/open.js';

export interface WalFixture {
  readonly db: Database;
  readonly dir: string;
  /** The connection's wal_autocheckpoint (0: it leaves checkpoints to another thread). */
  autocheckpoint(): number;
  /** One transaction of `rows` 500-byte rows. */
  writeSome(rows: number): void;
}

export function useWalFixture(): WalFixture {
  let dir = '';
  let db: Database | null = null;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'toiawase-wal-'));
    db = openDatabase(join(dir, 'c.db'));
    db.exec('CREATE TABLE t (x TEXT)');
  });
  afterEach(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const open = (): Database => {
    if (db === null) throw new Error('outside a test');
    return db;
  };
  return {
    get db() {
      return open();
    },
    get dir() {
      return dir;
    },
    autocheckpoint: () => Number(open().pragma('wal_autocheckpoint', { simple: true })),
    writeSome(rows) {
      const insert = open().prepare('INSERT INTO t VALUES (?)');
      open().transaction(() => {
        for (let i = 0; i < rows; i++) insert.run('x'.repeat(500));
      })();
    },
  };
}
