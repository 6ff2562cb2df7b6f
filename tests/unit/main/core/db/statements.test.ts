// The statement cache's helpers on a real SQLite file: a transaction that joins the caller's,
// and row limits written into the statement.
import { describe, expect, it } from 'vitest';
import { inTransaction, stmt, withLimit } from '../../../../../src/main/core/db/statements.js';
import { tempDb } from './temp-db.js';

describe('withLimit', () => {
  it('reads at most that many rows', () => {
    const db = tempDb();
    db.exec('CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3)');
    expect(stmt(db, withLimit('SELECT n FROM t ORDER BY n', 2)).all()).toEqual([
      { n: 1 },
      { n: 2 },
    ]);
    expect(stmt(db, withLimit('SELECT n FROM t', 0)).all()).toEqual([]);
  });

  it('refuses anything but a whole number of rows (it is written into the SQL)', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60])
      expect(() => withLimit('SELECT 1', bad)).toThrow(RangeError);
  });
});

describe('inTransaction', () => {
  it('commits the work once it returns, and rolls all of it back when it throws', () => {
    const db = tempDb();
    db.exec('CREATE TABLE t (n INTEGER)');
    const insert = (n: number): void => void stmt(db, 'INSERT INTO t VALUES (?)').run(n);
    expect(inTransaction(db, () => (insert(1), db.inTransaction))).toBe(true);
    expect(() =>
      inTransaction(db, () => {
        insert(2);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(db.inTransaction).toBe(false);
    expect(stmt(db, 'SELECT n FROM t').pluck().all()).toEqual([1]);
  });

  it("joins the caller's transaction: its rollback undoes the inner work too", () => {
    const db = tempDb();
    db.exec('CREATE TABLE t (n INTEGER)');
    const outer = db.transaction(() => {
      inTransaction(db, () => stmt(db, 'INSERT INTO t VALUES (1)').run());
      throw new Error('outer fails');
    });
    expect(() => outer()).toThrow('outer fails');
    expect(stmt(db, 'SELECT count(*) FROM t').pluck().get()).toBe(0);
  });
});
