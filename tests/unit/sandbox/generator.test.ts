import { describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../src/sandbox/db/schema.js';
import { rebuild } from '../../../src/sandbox/dataset.js';
import { HISTORY_DAYS } from '../../../src/sandbox/generator/generate.js';
import { REPLY_MAX_CHARS } from '../../../src/shared/limits.js';

const NOW = Date.UTC(2026, 10, 20, 3, 0, 0);
const DAY = 24 * 60 * 60 * 1000;

function generated(seed: number, inquiries = 2000, now = NOW): Db {
  const db = openDb(':memory:');
  rebuild(db, { seed, inquiries, now });
  return db;
}

const dump = (db: Db): string =>
  JSON.stringify(
    ['inquiries', 'messages', 'attachments'].map((t) =>
      db.prepare(`SELECT * FROM ${t} ORDER BY 1`).raw().all(),
    ),
  );

const all = <T>(db: Db, sql: string): T[] => db.prepare(sql).all() as T[];
const one = (db: Db, sql: string): number => (db.prepare(sql).get() as { n: number }).n;

describe('the data generator', () => {
  it('is deterministic: same seed and now → same data; another seed → other data', () => {
    const a = generated(3, 300);
    const b = generated(3, 300);
    const c = generated(4, 300);
    expect(dump(a)).toBe(dump(b));
    expect(dump(a)).not.toBe(dump(c));
    expect(dump(generated(3, 300, NOW + DAY))).not.toBe(dump(a));
  });

  const db = generated(1);

  it('covers every type, status, source and flag a client must handle', () => {
    const combos = all<{ inq_type: string; status: string }>(
      db,
      'SELECT DISTINCT inq_type, status FROM inquiries',
    );
    expect(combos).toHaveLength(9);
    expect(
      one(db, "SELECT COUNT(*) AS n FROM inquiries WHERE via_myqoo10 = 1 AND inq_type = 'MSG'"),
    ).toBeGreaterThan(0);
    expect(
      one(db, "SELECT COUNT(*) AS n FROM inquiries WHERE via_myqoo10 = 1 AND inq_type != 'MSG'"),
    ).toBe(0);
    expect(
      one(db, "SELECT COUNT(*) AS n FROM inquiries WHERE hidden = 1 AND inq_type = 'ITEM'"),
    ).toBeGreaterThan(0);
    expect(
      one(db, "SELECT COUNT(*) AS n FROM inquiries WHERE hidden = 1 AND inq_type != 'ITEM'"),
    ).toBe(0);
    expect(all(db, 'SELECT DISTINCT category FROM inquiries')).toHaveLength(6);
    expect(one(db, 'SELECT COUNT(*) AS n FROM attachments')).toBeGreaterThan(0);
    expect(all(db, 'SELECT DISTINCT shop_id FROM inquiries')).toHaveLength(4);
    expect(
      one(
        db,
        "SELECT COUNT(*) AS n FROM inquiries WHERE inq_type = 'ITEM' AND (order_no IS NOT NULL OR item_no IS NULL)",
      ),
    ).toBe(0);
    expect(
      one(
        db,
        "SELECT COUNT(*) AS n FROM inquiries WHERE inq_type = 'MSG' AND order_no IS NOT NULL AND cart_no IS NOT NULL",
      ),
    ).toBeGreaterThan(0);
  });

  it('writes realistic and hostile text', () => {
    const has = (sql: string) => expect(one(db, sql)).toBeGreaterThan(0);
    has("SELECT COUNT(*) AS n FROM messages WHERE contents LIKE '%<script>%'");
    has("SELECT COUNT(*) AS n FROM inquiries WHERE title LIKE '%<%>%'");
    has(`SELECT COUNT(*) AS n FROM messages WHERE length(contents) = ${REPLY_MAX_CHARS}`);
    has(
      "SELECT COUNT(*) AS n FROM messages WHERE contents LIKE '%😊%' OR contents LIKE '%🙏%' OR contents LIKE '%🐶%' OR contents LIKE '%🎉%'",
    );
    has(
      "SELECT COUNT(*) AS n FROM messages m JOIN inquiries i USING (question_no) WHERE i.inq_type = 'ITEM' AND (m.contents LIKE '%090-%' OR m.contents LIKE '%@example.com%' OR m.contents LIKE '%東京都%' OR m.contents LIKE '%大阪府%')",
    );
    has("SELECT COUNT(*) AS n FROM messages WHERE contents LIKE '%请%' OR contents LIKE '%谢谢%'");
    has(
      "SELECT COUNT(*) AS n FROM messages WHERE contents LIKE '%order%' OR contents LIKE '%Thanks%'",
    );
    has("SELECT COUNT(*) AS n FROM inquiries WHERE cust_nm GLOB '*[ァ-ヶ]*'");
    has("SELECT COUNT(*) AS n FROM inquiries WHERE cust_nm GLOB '*[一-龯]*'");
    expect(one(db, `SELECT MAX(length(contents)) AS n FROM messages`)).toBeLessThanOrEqual(
      REPLY_MAX_CHARS,
    );
  });

  it('builds threads of 1–30 messages, about 3 on average, within the last 120 days', () => {
    const sizes = all<{ n: number }>(
      db,
      'SELECT COUNT(*) AS n FROM messages GROUP BY question_no',
    ).map((r) => r.n);
    expect(sizes).toHaveLength(2000);
    expect(Math.min(...sizes)).toBe(1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(30);
    const avg = sizes.reduce((s, n) => s + n, 0) / sizes.length;
    expect(avg).toBeGreaterThan(2.5);
    expect(avg).toBeLessThan(4);
    const range = db
      .prepare('SELECT MIN(send_dt) AS lo, MAX(send_dt) AS hi FROM messages')
      .get() as { lo: number; hi: number };
    expect(range.lo).toBeGreaterThanOrEqual(NOW - HISTORY_DAYS * DAY);
    expect(range.hi).toBeLessThanOrEqual(NOW);
  });

  it('keeps each inquiry consistent with its thread', () => {
    const bad = one(
      db,
      `SELECT COUNT(*) AS n FROM inquiries i WHERE
         i.last_buyer_seq != (SELECT MAX(seq_no) FROM messages m WHERE m.question_no = i.question_no AND m.author != 'SELLER')
         OR i.inq_dt != (SELECT MIN(send_dt) FROM messages m WHERE m.question_no = i.question_no)
         OR i.version < (SELECT COUNT(*) FROM messages m WHERE m.question_no = i.question_no)
         OR (i.status = 'S1') != ((SELECT author FROM messages m WHERE m.question_no = i.question_no ORDER BY seq_no DESC LIMIT 1) != 'SELLER')
         OR (i.ans_dt IS NULL) != NOT EXISTS (SELECT 1 FROM messages m WHERE m.question_no = i.question_no AND m.author = 'SELLER')`,
    );
    expect(bad).toBe(0);
    // The change feed's sequence is dense per shop and matches each shop's counter.
    for (const s of all<{ shop_id: string; change_seq: number }>(
      db,
      'SELECT shop_id, change_seq FROM shops',
    )) {
      const r = db
        .prepare(
          'SELECT COUNT(*) AS n, MAX(change_seq) AS mx, MIN(change_seq) AS mn FROM inquiries WHERE shop_id = ?',
        )
        .get(s.shop_id) as { n: number; mx: number; mn: number };
      expect([r.mn, r.mx]).toEqual([1, r.n]);
      expect(s.change_seq).toBe(r.n);
    }
  });
});
