// Every search shape runs off an index: no full SCAN of inquiries, and pages come off the index
// in page order (no temp b-tree sort of the matches), reading keys from the index alone. Plans are taken on a populated database
// without ANALYZE statistics, as the app runs them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../../src/main/core/db/open.js';
import { withLimit } from '../../../../../src/main/core/db/statements.js';
import { applyThreads } from '../../../../../src/main/core/store/inquiries.js';
import {
  ensureSearchHits,
  type StoreSearchQuery,
} from '../../../../../src/main/core/store/search.js';
import {
  buildWhere,
  searchStatements,
  SUMMARIES_SQL,
  TEXT_SQL,
  textMatch,
  type SearchStatements,
} from '../../../../../src/main/core/store/search-sql.js';
import { openTempDb } from '../db/temp-db.js';
import { seedShops } from './builders.js';
import { syntheticThreads } from './synthetic.js';

const SHAPES: Record<string, Omit<StoreSearchQuery, 'shopIds'>> = {
  'no filter': {},
  source: { source: 'qoo10' },
  'question type': { questionType: 'product' },
  status: { status: 'S1' },
  category: { category: 'return' },
  'received range': { from: '2026-10-01', to: '2026-10-31' },
  'answered range': { dateField: 'answered', from: '2026-10-01', to: '2026-10-31' },
  'answered, oldest': { dateField: 'answered', sort: 'oldest' },
  'product number': { itemNo: '1000005' },
  'order number': { orderNo: '500000001' },
  hidden: { hidden: true },
  'text, 3+ chars (ja)': { text: '配送状況' },
  'text, 2 chars (zh)': { text: '发货' },
  'text, 1 char': { text: '傘' },
  'status + received range': { status: 'S2', from: '2026-10-01', to: '2026-11-30' },
  combined: {
    status: 'S1',
    source: 'customer',
    questionType: 'product',
    category: 'shipping',
    from: '2026-10-01',
    to: '2026-11-30',
    text: 'サイズ',
    sort: 'oldest',
  },
};

let db: Database;
let dispose: () => void;
beforeAll(() => {
  ({ db, dispose } = openTempDb());
  seedShops(db, ['a', 'b', 'c']);
  applyThreads(db, [...syntheticThreads({ shopIds: ['a', 'b', 'c'], count: 600 })]);
  ensureSearchHits(db);
});
afterAll(() => dispose());

function plan(sql: string, params: unknown[]): string[] {
  return db
    .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...params)
    .map((r) => r.detail);
}

const statements = (
  shape: Omit<StoreSearchQuery, 'shopIds'>,
  shopCount: number,
  paging: boolean,
): SearchStatements =>
  searchStatements(
    buildWhere(shape),
    shopCount,
    paging,
    (shape.sort ?? 'newest') === 'newest' ? 'DESC' : 'ASC',
  );

describe.each(Object.entries(SHAPES))('query plan: %s', (_name, shape) => {
  it("the page reads one shop's keys off an index in page order (keys: from the index alone)", () => {
    for (const [paging, shopCount] of [
      [false, 1],
      [true, 1],
      [false, 3],
      [true, 3],
    ] as const) {
      const sql = statements(shape, shopCount, paging);
      expect(sql.pageReadsRows).toBe(shopCount === 1);
      const params = ['a', ...sql.params, ...(paging ? [0, 0] : [])];
      const steps = plan(withLimit(sql.pageWalk, 101), params);
      const index = sql.pageReadsRows
        ? /^SEARCH i USING (COVERING )?INDEX inquiries_/
        : /^SEARCH i USING COVERING INDEX inquiries_/;
      expect(steps.some((s) => index.test(s))).toBe(true);
      expect(steps.filter((s) => /^SCAN (i|inquiries|s|shops)\b/.test(s))).toEqual([]);
      expect(steps.filter((s) => s.includes('TEMP B-TREE'))).toEqual([]);
    }
    if (shape.itemNo !== undefined || shape.orderNo !== undefined) {
      const sql = statements(shape, 1, false);
      const steps = plan(withLimit(sql.pageWalk, 101), ['a', ...sql.params]);
      expect(steps.join('|')).toMatch(
        /INDEX inquiries_(item|order)_no \(shop_id=\? AND (item|order)_no=\?\)/,
      );
    }
  });

  it('the exact count over several shops searches an index', () => {
    const sql = statements(shape, 3, false);
    const facetsOnly = Object.keys(shape).every((k) =>
      ['source', 'questionType', 'hidden', 'category'].includes(k),
    );
    if (Object.keys(shape).length > 0 && facetsOnly) {
      // Ranges of the facet index rather than every entry of the shops' date index.
      const steps = plan(sql.countWalk, ['a', 'b', 'c', ...sql.countParams]);
      expect(steps.join('|')).toMatch(/COVERING INDEX inquiries_facets \(shop_id=\? AND source=\?/);
    }
    for (const [count, params] of [
      [sql.countWalk, ['a', 'b', 'c', ...sql.countParams]],
      [sql.countBounded, ['a', 'b', 'c', ...sql.countParams, 1000]],
    ] as const) {
      const steps = plan(count, [...params]);
      expect(steps.some((s) => /^SEARCH i USING (COVERING )?INDEX /.test(s))).toBe(true);
      expect(steps.filter((s) => /^SCAN (i|inquiries)\b/.test(s))).toEqual([]);
    }
  });
});

describe('query plan: starting from the text matches', () => {
  it('looks inquiries up by rowid', () => {
    for (const [paging, shopCount] of [
      [false, 1],
      [true, 3],
    ] as const) {
      const sql = statements({ text: '配送', status: 'S1' }, shopCount, paging);
      const page = plan(withLimit(sql.pageFromHits, 101), [
        'a',
        ...sql.params,
        ...(paging ? [0, 0] : []),
      ]);
      expect(page.join('|')).toMatch(/SCAN h\b.*\|SEARCH i USING INTEGER PRIMARY KEY \(rowid=\?\)/);
      const count = plan(sql.countFromHits, [
        ...['a', 'b', 'c'].slice(0, shopCount),
        ...sql.params,
      ]);
      expect(count.join('|')).toMatch(
        /SCAN h\b.*\|SEARCH i USING INTEGER PRIMARY KEY \(rowid=\?\)/,
      );
      expect(count.filter((s) => /^SCAN (i|inquiries)\b/.test(s))).toEqual([]);
    }
  });
});

describe('query plan: the rows of a page', () => {
  it('are read by rowid', () => {
    const steps = plan(SUMMARIES_SQL, ['[1,2,3]']);
    expect(steps.join('|')).toMatch(/SEARCH i USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(steps.filter((s) => /^SCAN (i|inquiries)\b/.test(s))).toEqual([]);
  });
});

describe('query plan: text', () => {
  it('answers 3+ characters from the trigram index and 1–2 characters from term ranges', () => {
    expect(plan(TEXT_SQL.phrase, ['"配送状況"']).join('|')).toMatch(
      /SCAN inquiry_fts VIRTUAL TABLE INDEX \d+:M/,
    );
    for (const text of ['发货', '傘']) {
      const short = textMatch(text);
      if (short?.kind !== 'prefix') throw new Error(`${text} is not a short query`);
      // idxNum != 0: fts5vocab uses the term bounds instead of walking every term.
      expect(plan(TEXT_SQL.prefixTerms, short.range).join('|')).toMatch(
        /SCAN (temp\.)?inquiry_fts_rows VIRTUAL TABLE INDEX [1-9]\d*:/,
      );
      expect(plan(TEXT_SQL.prefixInstances, short.range).join('|')).toMatch(
        /SCAN inquiry_fts_terms VIRTUAL TABLE INDEX [1-9]\d*:/,
      );
    }
  });
});
