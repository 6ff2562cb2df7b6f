// Search against a brute-force filter written straight from the API's description, on random
// data and random queries (CJK text included). Each run compares every page, in order, and the
// exact total.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SearchQuery } from '../../../../../src/shared/api.js';
import {
  CATEGORIES,
  QUESTION_TYPES,
  SOURCES,
  STATUSES,
  makeInquiryId,
} from '../../../../../src/shared/domain.js';
import { jstDayBounds } from '../../../../../src/shared/jst.js';
import { applyThreads } from '../../../../../src/main/core/store/inquiries.js';
import type { Database } from '../../../../../src/main/core/db/open.js';
import {
  countSearch,
  searchInquiries,
  type SearchPlan,
} from '../../../../../src/main/core/store/search.js';
import { questionTypeOf, sourceOf } from '../../../../../src/main/core/store/thread-derive.js';
import type { ThreadRecord } from '../../../../../src/main/core/store/types.js';
import { openTempDb } from '../db/temp-db.js';
import { T0, seedShops, thread } from './builders.js';

const SHOPS = ['shopA', 'shopB', 'shopC'];
const DAY = 86_400_000;
const NOV1_JST = Date.UTC(2026, 9, 31, 15); // 2026-11-01 00:00 JST
// A small alphabet so random queries actually hit: kana, kanji, hanzi, Latin in both widths.
const ALPHABET = ['配', '送', '发', '货', 'の', 'ン', 'a', 'B', 'Ａ', '1', '１', ' ', '"'];
const text = (max: number) =>
  fc.array(fc.constantFrom(...ALPHABET), { maxLength: max }).map((cs) => cs.join(''));
const day = fc.integer({ min: 0, max: 9 }).map((d) => `2026-11-${String(d + 1).padStart(2, '0')}`);

const threadArb = fc.record({
  shop: fc.constantFrom(...SHOPS),
  inqType: fc.constantFrom('MSG', 'HELP', 'ITEM' as const),
  viaMyQoo10: fc.boolean(),
  status: fc.constantFrom(...STATUSES),
  category: fc.constantFrom(...CATEGORIES),
  title: text(6),
  buyerName: text(4),
  itemName: fc.option(text(5), { nil: null }),
  itemNo: fc.option(fc.constantFrom('11', '12'), { nil: null }),
  orderNo: fc.option(fc.constantFrom('900', '901'), { nil: null }),
  // Times cluster on JST midnights (±1 ms) so day boundaries are exercised, plus equal times.
  receivedAt: fc
    .tuple(fc.integer({ min: -1, max: 10 }), fc.constantFrom<number>(-1, 0, 1, DAY / 2))
    .map(([d, off]): number => NOV1_JST + d * DAY + off),
  answeredAfter: fc.option(fc.constantFrom<number>(0, 1, DAY - 1, DAY, 2 * DAY + 7), { nil: null }),
  hidden: fc.boolean(),
  bodies: fc.array(text(8), { minLength: 1, maxLength: 3 }),
});

/** Each filter is absent three times out of four, so queries combine a few filters and hit. */
const sometimes = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

const searchText = text(4)
  .filter((t) => t.trim().length > 0)
  .map((t) => t.trim());

type Query = Partial<SearchQuery> & { shopIds: string[] };

const filtersArb: fc.Arbitrary<Query> = fc
  .record({
    shopIds: fc.subarray(SHOPS, { minLength: 1 }),
    source: sometimes(fc.constantFrom(...SOURCES)),
    questionType: sometimes(fc.constantFrom(...QUESTION_TYPES)),
    status: sometimes(fc.constantFrom(...STATUSES)),
    category: sometimes(fc.constantFrom(...CATEGORIES)),
    dateField: sometimes(fc.constantFrom('received', 'answered' as const)),
    from: sometimes(day),
    to: sometimes(day),
    itemNo: sometimes(fc.constantFrom('11', '12')),
    orderNo: sometimes(fc.constantFrom('900', '901')),
    text: sometimes(searchText),
    hidden: sometimes(fc.boolean()),
    sort: sometimes(fc.constantFrom('newest', 'oldest' as const)),
    limit: sometimes(fc.integer({ min: 1, max: 7 })),
  })
  .map((q) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as Query);

// Text and shops only: the shapes whose total may come from the other shops' matches.
const textOnlyArb: fc.Arbitrary<Query> = fc
  .record({
    shopIds: fc.subarray(SHOPS, { minLength: 1 }),
    text: searchText,
    limit: fc.integer({ min: 1, max: 7 }),
  })
  .map((q): Query => q);

const queryArb = fc.oneof({ weight: 2, arbitrary: filtersArb }, textOnlyArb);

type ThreadInput = typeof threadArb extends fc.Arbitrary<infer T> ? T : never;

function toThread(r: ThreadInput, n: number): ThreadRecord {
  return thread(n + 1, {
    shopId: r.shop,
    inqType: r.inqType,
    viaMyQoo10: r.viaMyQoo10,
    status: r.status,
    category: r.category,
    title: r.title,
    buyerName: r.buyerName,
    itemName: r.itemName,
    itemNo: r.itemNo,
    orderNo: r.orderNo,
    receivedAt: r.receivedAt,
    answeredAt: r.answeredAfter === null ? null : r.receivedAt + r.answeredAfter,
    hidden: r.hidden,
    messages: r.bodies.map((body, k) => ({
      seqNo: k + 1,
      author: 'buyer',
      from: 'b',
      to: 's',
      title: 't',
      body,
      sentAt: r.receivedAt,
      attachments: [],
    })),
  });
}

const fold = (s: string): string => s.normalize('NFKC').toLowerCase();

/** The API's description, applied row by row. `index` is insertion order = rowid order. */
function bruteForce(
  all: ThreadRecord[],
  q: Partial<SearchQuery> & { shopIds: string[] },
): string[] {
  const answered = q.dateField === 'answered';
  const key = (t: ThreadRecord): number | null => (answered ? t.answeredAt : t.receivedAt);
  const from = q.from === undefined ? -Infinity : jstDayBounds(q.from)![0];
  const to = q.to === undefined ? Infinity : jstDayBounds(q.to)![1];
  const needle = q.text === undefined ? null : fold(q.text);
  const hits = all
    .map((t, index) => ({ t, index }))
    .filter(({ t }) => {
      const k = key(t);
      if (!q.shopIds.includes(t.shopId) || k === null || k < from || k > to) return false;
      if (q.source !== undefined && sourceOf(t.inqType) !== q.source) return false;
      if (q.questionType !== undefined && questionTypeOf(t) !== q.questionType) return false;
      if (q.status !== undefined && t.status !== q.status) return false;
      if (q.category !== undefined && t.category !== q.category) return false;
      if (q.hidden !== undefined && t.hidden !== q.hidden) return false;
      if (q.itemNo !== undefined && t.itemNo !== q.itemNo) return false;
      if (q.orderNo !== undefined && t.orderNo !== q.orderNo) return false;
      if (needle === null) return true;
      const fields = [t.title, t.buyerName, t.itemName ?? '', ...t.messages.map((m) => m.body)];
      return fields.some((f) => fold(f).includes(needle));
    });
  const sign = q.sort === 'oldest' ? 1 : -1;
  hits.sort((a, b) => sign * (key(a.t)! - key(b.t)! || a.index - b.index));
  return hits.map(({ t }) => makeInquiryId(t.shopId, t.questionNo));
}

const PLANS: SearchPlan[] = [
  {},
  { count: 'walk', page: 'walk', shortText: 'instances' },
  { count: 'fromHits', page: 'fromHits', shortText: 'or' },
  { count: 'complement', page: 'walk', shortText: 'or' },
];

describe('searchInquiries vs brute force', () => {
  it('returns exactly the matching inquiries, in order, across pages', () => {
    fc.assert(
      fc.property(
        fc.array(threadArb, { minLength: 1, maxLength: 40 }),
        fc.array(queryArb, { minLength: 1, maxLength: 8 }),
        fc.nat(),
        (rows, queries, split) => {
          const { db, dispose } = openTempDb();
          try {
            seedShops(db, SHOPS);
            const all = rows.map(toThread);
            // The same queries before and after more inquiries arrive: nothing remembered
            // from the first round may leak into the second.
            const cut = split % (all.length + 1);
            for (const written of [all.slice(0, cut), all]) {
              applyThreads(db, written);
              for (const q of queries) checkQuery(db, written, q);
            }
          } finally {
            dispose();
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

function checkQuery(db: Database, written: ThreadRecord[], q: Query): void {
  if (q.from !== undefined && q.to !== undefined && q.from > q.to) [q.from, q.to] = [q.to, q.from];
  const expected = bruteForce(written, q);
  // Every way of running it: as chosen, and each count, page and short-text strategy forced.
  // What a search remembers is kept across queries and plans (later pages use it).
  // Pages asked without their total give the same rows, and a total only when it is exact:
  // remembered, or a first page holding every match. countSearch counts it.
  for (const plan of PLANS) {
    for (const total of [true, false]) {
      const got: string[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 100; pages++) {
        const page = searchInquiries(db, { ...q, cursor, total }, T0, { plan });
        if (total || (cursor === undefined && page.nextCursor === null))
          expect(page.total).toBe(expected.length);
        else expect([null, expected.length]).toContain(page.total);
        got.push(...page.rows.map((r) => r.id));
        if (page.nextCursor === null) break;
        cursor = page.nextCursor;
      }
      expect(got).toEqual(expected);
    }
    expect(countSearch(db, q, { plan })).toBe(expected.length);
  }
}
