import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  openDatabase,
  WAL_AUTOCHECKPOINT_PAGES,
  type Database,
} from '../../../../../src/main/core/db/open.js';
import { startSteadyCheckpoints } from '../../../../../src/main/core/sync/steady-checkpoints.js';
import { createWalCheckpointer } from '../../../../../src/main/core/sync/wal-checkpointer.js';

let dir: string;
let db: Database;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'toiawase-steady-'));
  db = openDatabase(join(dir, 'c.db'));
  db.exec('CREATE TABLE t (x TEXT)');
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const autocheckpoint = (): number => Number(db.pragma('wal_autocheckpoint', { simple: true }));
const writeSome = (rows: number): void => {
  const insert = db.prepare('INSERT INTO t VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run('x'.repeat(500));
  })();
};
/** Polls `check` every 10 ms, at most 200 times. */
async function eventually(check: () => boolean): Promise<boolean> {
  for (let i = 0; i < 200; i++) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 10));
  }
  return false;
}

describe('steady checkpoints', () => {
  it('copy what the connection writes, from another thread, and leave its own setting alone', async () => {
    const steady = startSteadyCheckpoints(db, 20);
    try {
      expect(autocheckpoint()).toBe(WAL_AUTOCHECKPOINT_PAGES);
      writeSome(50);
      expect(await eventually(() => steady.frames > 0)).toBe(true);
    } finally {
      await steady.stop();
    }
    expect(autocheckpoint()).toBe(WAL_AUTOCHECKPOINT_PAGES);
  });

  it('pause while a bulk apply owns the checkpoints', async () => {
    const steady = startSteadyCheckpoints(db, 20);
    const bulk = createWalCheckpointer(db);
    bulk.start();
    try {
      expect(autocheckpoint()).toBe(0);
      writeSome(50);
      await new Promise((r) => setTimeout(r, 150));
      expect(steady.frames).toBe(0);
      await bulk.stop();
      expect(autocheckpoint()).toBe(WAL_AUTOCHECKPOINT_PAGES);
      writeSome(50);
      expect(await eventually(() => steady.frames > 0)).toBe(true);
    } finally {
      await bulk.stop();
      await steady.stop();
    }
  });
});
