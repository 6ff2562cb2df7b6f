import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, WAL_AUTOCHECKPOINT_PAGES } from '../../../../../src/main/core/db/open.js';
import {
  CHECKPOINT_EVERY_MS,
  createWalCheckpointer,
} from '../../../../../src/main/core/sync/wal-checkpointer.js';
import { useWalFixture } from './wal-fixture.js';

const f = useWalFixture();

describe('WAL checkpoints on another thread', () => {
  it('copies the WAL from a worker while the connection stops checkpointing', async () => {
    const checkpointer = createWalCheckpointer(f.db);
    checkpointer.start();
    expect(f.autocheckpoint()).toBe(0);
    f.writeSome(2000);
    // stop() runs a last checkpoint in the worker before it exits.
    await checkpointer.stop();
    expect(checkpointer.frames).toBeGreaterThan(0);
    expect(f.autocheckpoint()).toBe(WAL_AUTOCHECKPOINT_PAGES);
    // Everything committed is in the database file: a restart checkpoint has nothing to copy.
    const [after] = f.db.pragma('wal_checkpoint(PASSIVE)') as {
      log: number;
      checkpointed: number;
    }[];
    expect(after?.log).toBe(after?.checkpointed);
    expect(f.db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2000 });
  });

  it('a checkpoint between writes lets the next write start the WAL over', async () => {
    const checkpointer = createWalCheckpointer(f.db);
    checkpointer.start();
    const wal = (): number => statSync(join(f.dir, 'c.db-wal')).size;
    f.writeSome(2000);
    const oneBatch = wal();
    for (let i = 0; i < 5; i++) {
      await checkpointer.checkpoint();
      f.writeSome(2000);
    }
    // Without the checkpoints (the connection's own are off) the WAL would hold six batches.
    expect(wal()).toBeLessThanOrEqual(oneBatch);
    expect(checkpointer.frames).toBeGreaterThan(0);
    await checkpointer.stop();
  });

  it('a checkpoint started in the background copies the WAL while nothing is written', async () => {
    const checkpointer = createWalCheckpointer(f.db);
    checkpointer.start();
    const wal = (): number => statSync(join(f.dir, 'c.db-wal')).size;
    f.writeSome(2000);
    const oneBatch = wal();
    await new Promise((r) => setTimeout(r, CHECKPOINT_EVERY_MS));
    expect(checkpointer.due()).toBe(true);
    checkpointer.background();
    expect(checkpointer.due()).toBe(false); // one runs: no other is due
    checkpointer.background(); // dropped: one at a time
    await checkpointer.idle(); // what the applier does before its next write
    const copied = checkpointer.frames;
    expect(copied).toBeGreaterThan(0);
    f.writeSome(2000); // the whole WAL was copied: this starts it over
    expect(wal()).toBeLessThanOrEqual(oneBatch);
    await checkpointer.stop();
    expect(checkpointer.frames).toBeGreaterThan(copied); // the stop's own, not a second background one
    expect(f.db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 4000 });
  });

  it('writes full-text documents in its own transaction, seen by the connection at once', async () => {
    const checkpointer = createWalCheckpointer(f.db);
    await expect(checkpointer.writeDocs([[1, 'x']])).rejects.toThrow(/not running/);
    checkpointer.start();
    expect(checkpointer.active).toBe(true);
    await checkpointer.writeDocs([
      [1, '東京都の注文'],
      [2, '大阪府の返品'],
    ]);
    const match = (q: string): unknown =>
      f.db.prepare('SELECT rowid FROM inquiry_fts WHERE inquiry_fts MATCH ?').pluck().all(q);
    expect(match('"東京都"')).toEqual([1]);
    expect(match('"の返品"')).toEqual([2]);
    // The connection replaces a document the worker wrote (FTS5 rereads its structure).
    f.db.prepare('DELETE FROM inquiry_fts WHERE rowid = 1').run();
    f.db.prepare("INSERT INTO inquiry_fts (rowid, doc) VALUES (1, '京都府')").run();
    expect(match('"東京都"')).toEqual([]);
    expect(match('"京都府"')).toEqual([1]);
    await checkpointer.stop();
    expect(checkpointer.active).toBe(false);
    await expect(checkpointer.writeDocs([[3, 'y']])).rejects.toThrow(/not running/);
  });

  it('rejects documents the worker could not commit, and commits none of them', async () => {
    const checkpointer = createWalCheckpointer(f.db);
    checkpointer.start();
    // A rowid that is not an integer fails the insert inside the worker's transaction.
    await expect(
      checkpointer.writeDocs([
        [1, 'まとめて'],
        ['x' as unknown as number, '失敗'],
      ]),
    ).rejects.toThrow(/not written/);
    expect(f.db.prepare('SELECT count(*) AS n FROM inquiry_fts_docsize').get()).toEqual({ n: 0 });
    await checkpointer.stop();
  });

  it('starts once, and stop without start changes nothing', async () => {
    const checkpointer = createWalCheckpointer(f.db);
    await checkpointer.stop();
    expect(f.autocheckpoint()).toBe(WAL_AUTOCHECKPOINT_PAGES);
    checkpointer.start();
    checkpointer.start();
    await checkpointer.stop();
    expect(f.autocheckpoint()).toBe(WAL_AUTOCHECKPOINT_PAGES);
  });

  it('leaves an in-memory database alone', async () => {
    const memory = openDatabase(':memory:');
    try {
      const checkpointer = createWalCheckpointer(memory);
      checkpointer.start();
      await checkpointer.stop();
      expect(checkpointer.frames).toBe(0);
    } finally {
      memory.close();
    }
  });
});
