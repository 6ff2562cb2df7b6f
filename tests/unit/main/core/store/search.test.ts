import { describe, expect, it, vi } from 'vitest';
import { openDatabase, type Database } from '../../../../../src/main/core/db/open.js';
import type { ThreadRecord } from '../../../../../src/main/core/store/types.js';
import { applyThreads } from '../../../../../src/main/core/store/inquiries.js';
import {
  countInquiries,
  countSearch,
  searchInquiries,
  type StoreSearchQuery,
} from '../../../../../src/main/core/store/search.js';
import { TEXT_SQL } from '../../../../../src/main/core/store/search-sql.js';
import { AppFailure } from '../../../../../src/shared/errors.js';
import { tempDb } from '../db/temp-db.js';
import { HOUR, T0, message, seedShops, thread } from './builders.js';

const ALL = ['shopA', 'shopB', 'shopC'];
const ids = (db: Database, q: Partial<StoreSearchQuery>, shopIds = ALL): string[] =>
  searchInquiries(db, { shopIds, ...q }, T0).rows.map((r) => r.id);

function failure(fn: () => unknown): AppFailure {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppFailure) return e;
    throw e;
  }
  throw new Error('expected an AppFailure');
}

function fixture(): Database {
  const db = tempDb();
  seedShops(db);
  applyThreads(db, [
    thread(1, {
      receivedAt: T0,
      inqType: 'ITEM',
      category: 'product',
      itemNo: '111',
      hidden: true,
    }),
    thread(2, { receivedAt: T0 + HOUR, inqType: 'MSG', viaMyQoo10: true, orderNo: '900' }),
    thread(3, {
      receivedAt: T0 + 2 * HOUR,
      inqType: 'HELP',
      status: 'S2',
      answeredAt: T0 + 50 * HOUR,
      itemNo: null,
    }),
    thread(4, {
      shopId: 'shopB',
      receivedAt: T0 + 3 * HOUR,
      status: 'S3',
      answeredAt: T0 + 4 * HOUR,
      category: 'return',
    }),
    thread(5, { shopId: 'shopC', receivedAt: T0 + 4 * HOUR, orderNo: '9001' }),
  ]);
  return db;
}

describe('searchInquiries filters', () => {
  it('scopes to shops and sorts newest or oldest first', () => {
    const db = fixture();
    expect(ids(db, {})).toEqual(['shopC:5', 'shopB:4', 'shopA:3', 'shopA:2', 'shopA:1']);
    expect(ids(db, { sort: 'oldest' })).toEqual([
      'shopA:1',
      'shopA:2',
      'shopA:3',
      'shopB:4',
      'shopC:5',
    ]);
    expect(ids(db, {}, ['shopB'])).toEqual(['shopB:4']);
    expect(ids(db, {}, [])).toEqual([]);
  });

  it('filters by source, type, status, category, hidden, product and order number', () => {
    const db = fixture();
    expect(ids(db, { source: 'qoo10' })).toEqual(['shopA:3']);
    expect(ids(db, { questionType: 'product' })).toEqual(['shopA:1']);
    expect(ids(db, { questionType: 'customer' })).toEqual(['shopA:2']);
    expect(ids(db, { questionType: 'general' })).toEqual(['shopC:5', 'shopB:4', 'shopA:3']);
    expect(ids(db, { status: 'S2' })).toEqual(['shopA:3']);
    expect(ids(db, { category: 'return' })).toEqual(['shopB:4']);
    expect(ids(db, { hidden: true })).toEqual(['shopA:1']);
    expect(ids(db, { hidden: false })).toHaveLength(4);
    expect(ids(db, { itemNo: '111' })).toEqual(['shopA:1']);
    expect(ids(db, { orderNo: '900' })).toEqual(['shopA:2']); // exact: not 9001
    expect(ids(db, { status: 'S1', source: 'customer', orderNo: '9001' })).toEqual(['shopC:5']);
  });

  it('filters on the answered date, leaving unanswered inquiries out, sorted by answer time', () => {
    const db = fixture();
    expect(ids(db, { dateField: 'answered' })).toEqual(['shopA:3', 'shopB:4']);
    expect(ids(db, { dateField: 'answered', from: '2026-11-03', to: '2026-11-03' })).toEqual([
      'shopA:3',
    ]);
  });

  it('uses JST calendar-day boundaries', () => {
    const db = tempDb();
    seedShops(db);
    const midnightJst = Date.UTC(2026, 9, 31, 15, 0, 0); // 2026-11-01 00:00:00.000 JST
    applyThreads(db, [
      thread(1, { receivedAt: midnightJst - 1 }),
      thread(2, { receivedAt: midnightJst }),
      thread(3, { receivedAt: midnightJst + 86_400_000 - 1 }),
      thread(4, { receivedAt: midnightJst + 86_400_000 }),
    ]);
    expect(ids(db, { from: '2026-11-01', to: '2026-11-01' })).toEqual(['shopA:3', 'shopA:2']);
    expect(ids(db, { to: '2026-10-31' })).toEqual(['shopA:1']);
    expect(ids(db, { from: '2026-11-02' })).toEqual(['shopA:4']);
  });

  it('pages with an opaque cursor and reports the exact total', () => {
    const db = tempDb();
    seedShops(db);
    // Equal receive times across shops exercise the rowid tie-break.
    applyThreads(
      db,
      Array.from({ length: 25 }, (_, n) =>
        thread(n + 1, { shopId: ALL[n % 3]!, receivedAt: T0 + Math.floor(n / 2) * HOUR }),
      ),
    );
    for (const sort of ['newest', 'oldest'] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = searchInquiries(db, { shopIds: ALL, sort, limit: 7, cursor }, T0);
        expect(page.total).toBe(25);
        seen.push(...page.rows.map((r) => r.id));
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor !== undefined);
      expect(pages).toBe(4);
      expect(new Set(seen).size).toBe(25);
      expect(seen).toEqual(ids(db, { sort, limit: 100 }));
    }
  });

  it('returns summaries with shop name, snippet and waiting hours', () => {
    const db = fixture();
    const row = searchInquiries(db, { shopIds: ALL, orderNo: '9001' }, T0 + 10 * HOUR).rows[0]!;
    expect(row).toMatchObject({
      shopName: 'Shop C',
      snippet: 'body 1',
      waitingHours: 9,
      pendingCount: 0,
    });
  });
});

describe('searchInquiries text', () => {
  function textFixture(): Database {
    const db = tempDb();
    seedShops(db);
    applyThreads(db, [
      thread(1, {
        title: '配送について',
        buyerName: 'John Smith',
        itemName: 'ワイヤレスイヤホン',
        messages: [message(1, { body: '注文した商品がまだ届きません' })],
      }),
      thread(2, {
        title: '请问什么时候发货',
        buyerName: '王小明',
        itemName: '蓝牙耳机',
        messages: [message(1, { body: '快递单号是多少？' }), message(2, { body: '谢谢' })],
      }),
      thread(3, {
        title: 'Size question',
        buyerName: '山田',
        itemName: null,
        messages: [message(1, { body: 'ＴＥＬ０３ in full width' })],
      }),
    ]);
    return db;
  }

  it.each([
    ['配送について', ['shopA:1']],
    ['送に', ['shopA:1']],
    ['届', ['shopA:1']],
    ['发货', ['shopA:2']],
    ['货', ['shopA:2']],
    ['单号是', ['shopA:2']],
    ['谢谢', ['shopA:2']], // a whole short body
    ['谢', ['shopA:2']],
    ['王小明', ['shopA:2']],
    ['耳机', ['shopA:2']],
    ['イヤホン', ['shopA:1']],
    ['john', ['shopA:1']],
    ['SIZE Q', ['shopA:3']],
    ['tel03', ['shopA:3']], // full-width text, half-width query
    ['ｓｉｚｅ', ['shopA:3']],
    ['ン', ['shopA:1']],
    ['について注文', []], // title + body are separate fields
    ['"', []],
    ['a"b OR c', []],
    ['*', []],
  ])('finds %j', (text, expected) => {
    expect(ids(textFixture(), { text })).toEqual(expected);
  });

  it('combines text with the other filters', () => {
    const db = textFixture();
    expect(ids(db, { text: '发货', status: 'S1' })).toEqual(['shopA:2']);
    expect(ids(db, { text: '发货', status: 'S3' })).toEqual([]);
  });
});

describe('searchInquiries remembers matches and totals only while nothing changes', () => {
  const shipping = (n: number, shopId = 'shopA'): ThreadRecord =>
    thread(n, { shopId, receivedAt: T0 + n * HOUR, title: `発送について ${n}` });
  const totalOf = (db: Database, text: string, shopIds = ['shopA']): number =>
    searchInquiries(db, { shopIds, text, limit: 1 }, T0).total ?? Number.NaN;

  it('answers a page without its total, and then remembers the total countSearch counted', () => {
    const db = tempDb();
    seedShops(db);
    applyThreads(db, [shipping(1), shipping(2), shipping(3)]);
    const q = { shopIds: ['shopA'], text: '発送', limit: 2, total: false };
    const page = searchInquiries(db, q, T0);
    expect(page.rows.map((r) => r.id)).toEqual(['shopA:3', 'shopA:2']);
    expect(page.total).toBeNull();
    expect(countSearch(db, q)).toBe(3);
    expect(searchInquiries(db, q, T0).total).toBe(3);
    // A first page holding every match is its own count.
    expect(searchInquiries(db, { ...q, limit: 5, status: 'S3' }, T0).total).toBe(0);
    expect(searchInquiries(db, { ...q, limit: 3, sort: 'oldest' }, T0).total).toBe(3);
    applyThreads(db, [shipping(4)]);
    expect(searchInquiries(db, q, T0).total).toBeNull();
    expect(countSearch(db, { ...q, shopIds: ['shopA', 'shopB'] })).toBe(4);
  });

  it('sees rows this connection writes between two pages', () => {
    const db = tempDb();
    seedShops(db);
    applyThreads(db, [shipping(1), shipping(2), shipping(3)]);
    const first = searchInquiries(db, { shopIds: ['shopA'], text: '発送', limit: 2 }, T0);
    expect(first.total).toBe(3);
    applyThreads(db, [shipping(4), shipping(5, 'shopB')]);
    const next = searchInquiries(
      db,
      { shopIds: ['shopA'], text: '発送', limit: 2, cursor: first.nextCursor ?? '' },
      T0,
    );
    expect(next.total).toBe(4);
    expect(totalOf(db, '発送', ALL)).toBe(5);
  });

  it('sees rows another connection commits', () => {
    const db = tempDb();
    seedShops(db);
    applyThreads(db, [shipping(1)]);
    expect(totalOf(db, '発送について')).toBe(1);
    const other = openDatabase(db.name);
    try {
      applyThreads(other, [shipping(2), shipping(3)]);
    } finally {
      other.close();
    }
    expect(totalOf(db, '発送について')).toBe(3);
  });

  it('a short text no indexed word starts matches nothing, before and after searches that do', () => {
    const db = tempDb();
    seedShops(db);
    applyThreads(db, [shipping(1), shipping(2), shipping(3)]);
    expect(totalOf(db, '発送')).toBe(3);
    // Nothing is looked up for it (the last text's matches stay in the temp table, unread).
    expect(searchInquiries(db, { shopIds: ['shopA'], text: '傘' }, T0)).toMatchObject({
      rows: [],
      total: 0,
    });
    expect(countSearch(db, { shopIds: ['shopA'], text: '傘' })).toBe(0);
    expect(countSearch(db, { shopIds: ['shopA'], text: '傘', status: 'S1' })).toBe(0);
    expect(ids(db, { text: '発送' }).sort()).toEqual(['shopA:1', 'shopA:2', 'shopA:3']);
    applyThreads(db, [thread(4, { receivedAt: T0 + 9 * HOUR, title: '傘の返品' })]);
    expect(ids(db, { text: '傘' })).toEqual(['shopA:4']);
    expect(totalOf(db, '発送')).toBe(3);
  });

  it('answers a short text no indexed word starts with its one lookup, no transaction or check', () => {
    const db = tempDb();
    seedShops(db);
    applyThreads(db, [shipping(1)]);
    const prepared = vi.spyOn(db, 'prepare');
    const begun = vi.spyOn(db, 'transaction');
    expect(searchInquiries(db, { shopIds: ['shopA'], text: '傘' }, T0)).toEqual({
      rows: [],
      nextCursor: null,
      total: 0,
    });
    expect(countSearch(db, { shopIds: ['shopA'], text: '傘' })).toBe(0);
    expect(prepared.mock.calls.map(([sql]) => sql)).toEqual([TEXT_SQL.anyPrefixInstance]);
    expect(begun).not.toHaveBeenCalled();
    expect(totalOf(db, '発送')).toBe(1); // and a text that matches still does
  });

  it('forgets what a search saw inside a transaction that was rolled back', () => {
    const db = tempDb();
    seedShops(db);
    applyThreads(db, [shipping(1), thread(2, { title: '返品したい' })]);
    expect(ids(db, { text: '返品' })).toEqual(['shopA:2']);
    expect(() =>
      db.transaction(() => {
        expect(ids(db, { text: '発送' })).toEqual(['shopA:1']);
        throw new Error('roll back');
      })(),
    ).toThrow('roll back');
    expect(ids(db, { text: '発送' })).toEqual(['shopA:1']);
    expect(ids(db, { text: '返品' })).toEqual(['shopA:2']);
  });
});

describe('searchInquiries bad input', () => {
  it.each([
    [{ from: '2026-02-30' }, 'DATE_INVALID'],
    [{ to: '2026/11/01' }, 'DATE_INVALID'],
    [{ from: 'yesterday' }, 'DATE_INVALID'],
    [{ from: '2026-11-02', to: '2026-11-01' }, 'DATE_INVALID'],
    [{ cursor: 'not a cursor!' }, 'VALIDATION'],
    [{ cursor: Buffer.from('received.newest.x.1').toString('base64url') }, 'VALIDATION'],
    [{ cursor: '' }, 'VALIDATION'],
  ] as const)('rejects %j with %s', (q, code) => {
    const db = fixture();
    expect(failure(() => searchInquiries(db, { shopIds: ALL, ...q }, T0)).code).toBe(code);
    expect(failure(() => searchInquiries(db, { shopIds: [], ...q }, T0)).code).toBe(code);
  });

  it('rejects a cursor made for another sort or date field', () => {
    const db = fixture();
    const cursor = searchInquiries(db, { shopIds: ALL, limit: 1 }, T0).nextCursor!;
    expect(
      failure(() => searchInquiries(db, { shopIds: ALL, cursor, sort: 'oldest' }, T0)).code,
    ).toBe('VALIDATION');
    expect(
      failure(() => searchInquiries(db, { shopIds: ALL, cursor, dateField: 'answered' }, T0)).code,
    ).toBe('VALIDATION');
  });
});

describe('countInquiries', () => {
  it('counts the last 30 JST calendar days by source and status', () => {
    const db = tempDb();
    seedShops(db);
    const now = Date.UTC(2026, 10, 30, 3, 0, 0); // 2026-11-30 12:00 JST
    const windowStart = Date.UTC(2026, 9, 31, 15, 0, 0); // 2026-11-01 00:00 JST
    applyThreads(db, [
      thread(1, { receivedAt: windowStart, status: 'S1' }),
      thread(2, { receivedAt: windowStart - 1, status: 'S1' }), // outside
      thread(3, { receivedAt: now, status: 'S2', shopId: 'shopB' }),
      thread(4, { receivedAt: now, status: 'S3' }),
      thread(5, { receivedAt: now, inqType: 'HELP', status: 'S1' }),
      thread(6, { receivedAt: now, inqType: 'HELP', status: 'S2', shopId: 'shopC' }),
      thread(7, { receivedAt: now, inqType: 'HELP', status: 'S2', shopId: 'shopC' }),
    ]);
    expect(countInquiries(db, ALL, now)).toEqual({
      customerUnanswered: 1,
      customerReplying: 1,
      qoo10Unanswered: 1,
      qoo10Unconfirmed: 2,
    });
    expect(countInquiries(db, ['shopA'], now)).toEqual({
      customerUnanswered: 1,
      customerReplying: 0,
      qoo10Unanswered: 1,
      qoo10Unconfirmed: 0,
    });
    expect(countInquiries(db, [], now).customerUnanswered).toBe(0);
  });
});
