// Searching the cache: the guide's search view (filters, sort, keyset paging, exact total) over
// one shop or several (the unified inbox). How a search is run is chosen in search-plan.ts, what
// is remembered between searches lives in search-memo.ts, the counters in search-counters.ts.
import type { SearchPage } from '../../../shared/api.js';
import type { Database } from '../db/open.js';
import { inTransaction, stmt, withLimit } from '../db/statements.js';
import { toSummary, type InquiryRow } from './inquiry-row.js';
import { decodeCursor, encodeCursor } from './search-cursor.js';
import {
  checkMemo,
  dbVersion,
  forgetSearchCache,
  memoOf,
  startsNoTerm,
  textHits,
} from './search-memo.js';
import {
  countMatches,
  pageFromHitsIsCheaper,
  type Counted,
  type SearchPlan,
} from './search-plan.js';
import {
  buildWhere,
  searchStatements,
  SUMMARIES_SQL,
  type SearchStatements,
  type StoreSearchQuery,
} from './search-sql.js';

export type { StoreSearchQuery } from './search-sql.js';
export { countersWindowStart, countInquiries } from './search-counters.js';
export { ensureSearchHits, forgetSearchCache } from './search-memo.js';
export { WALK_PER_HIT, type SearchPlan } from './search-plan.js';

const DEFAULT_LIMIT = 100;

/**
 * Filters of SearchQuery over `shopIds`. Sorted by the date field (received, or answered — then
 * only answered inquiries), newest or oldest first, ties broken by rowid. Throws AppFailure
 * VALIDATION (cursor) or DATE_INVALID (dates).
 *
 * The page is read shop by shop and merged here: each shop's keys (rowid, date) come off an
 * index in page order and stop at the page size, where one statement over all shops would sort
 * every match; then only the merged page's rows are read.
 * A text filter is looked up once into temp.search_hits, which the count and every shop's page
 * then read. All of it happens in one transaction, so the count and the page see the same
 * snapshot. The matches and the total are kept until the database changes, so the next page of
 * the same search (or the same search again) skips both.
 *
 * With `total: false` the matches are not counted: the total is null unless it is remembered or
 * the first page holds every match. Counting a common word's matches costs several times its
 * page (a lookup per match), so a list asks for the rows first and then for countSearch.
 */
export function searchInquiries(
  db: Database,
  query: StoreSearchQuery,
  now: number,
  opts: { plan?: SearchPlan } = {},
): SearchPage {
  const field = query.dateField ?? 'received';
  const sort = query.sort ?? 'newest';
  const limit = query.limit ?? DEFAULT_LIMIT;
  const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor, { field, sort });
  const dir = sort === 'newest' ? 'DESC' : 'ASC';
  const plan = opts.plan ?? {};
  const none: SearchPage = { rows: [], nextCursor: null, total: 0 };
  return withSearch(db, query, cursor !== null, dir, plan, none, (s) => {
    if (s.hits === 0) return none;
    // Without text the page needs no count to be planned, and a first page holding every match
    // is its own count: a narrow search (an order number) then skips counting.
    const countNow = query.total !== false && s.hits !== null;
    const counted = countNow ? s.count() : s.remembered();
    if (counted?.total === 0) return none;

    const fromHits =
      s.hits !== null &&
      (plan.page === undefined
        ? pageFromHitsIsCheaper(
            db,
            counted ?? { total: s.hits, filtered: null },
            s.hits,
            s.shopIds,
            limit,
          )
        : plan.page === 'fromHits');
    // One row beyond the page says whether there is a next one.
    const pageSql = withLimit(fromHits ? s.sql.pageFromHits : s.sql.pageWalk, limit + 1);
    const keys = pageKeys(db, pageSql, s.shopIds, [
      ...s.sql.params,
      ...(cursor === null ? [] : [cursor.at, cursor.rowid]),
    ]);
    // One shop's statement reads in page order; several shops' pages are merged here.
    if (s.shopIds.length > 1)
      keys.sort((a, b) => (dir === 'DESC' ? -1 : 1) * (a.at - b.at || a.rowid - b.rowid));
    const page = keys.slice(0, limit);
    const last = page.at(-1);
    const nextCursor =
      keys.length > limit && last !== undefined
        ? encodeCursor({ field, sort, at: last.at, rowid: last.rowid })
        : null;
    // A first page that holds every match is its own count; otherwise count it unless the
    // caller asks for the rows only.
    const complete = cursor === null && nextCursor === null;
    let total = counted?.total ?? null;
    if (total === null && complete) total = s.remember(page.length);
    else if (total === null && query.total !== false) total = s.count().total;
    const rows = s.sql.pageReadsRows ? (page as InquiryRow[]) : readSummaries(db, page);
    return { rows: rows.map((r) => toSummary(r, now)), nextCursor, total };
  });
}

/** The exact number of inquiries of `shopIds` matching the filters (paging plays no part). */
export function countSearch(
  db: Database,
  query: StoreSearchQuery,
  opts: { plan?: SearchPlan } = {},
): number {
  return withSearch(db, query, false, 'DESC', opts.plan ?? {}, 0, (s) => s.count().total);
}

/** One search's view of its statements, its text matches and its remembered total. */
interface SearchRun {
  shopIds: string[];
  sql: SearchStatements;
  /** How many inquiries (of any shop) match the text; null without a text filter. */
  hits: number | null;
  /** The total, remembered from an earlier search or counted now (and remembered). */
  count(): Counted;
  /** The total if an earlier search left it, without counting. */
  remembered(): Counted | undefined;
  /** Remembers an exact total learned another way; returns it. */
  remember(total: number): number;
}

/**
 * Runs `body` in one transaction with the search's text matches in temp.search_hits, keeping
 * what is remembered about them right (see search-memo.ts). Over no shop: `empty`.
 */
function withSearch<T>(
  db: Database,
  query: StoreSearchQuery,
  paging: boolean,
  dir: 'ASC' | 'DESC',
  plan: SearchPlan,
  empty: T,
  body: (run: SearchRun) => T,
): T {
  const shopIds = [...new Set(query.shopIds)];
  const where = buildWhere(query); // validates the dates
  if (shopIds.length === 0) return empty;
  // Typing a first character that starts no indexed word is common: one lookup answers it,
  // without the transaction, the memo's checks and the search's statements (about a quarter of
  // its time: 31.6 -> 24.3 us at p50, 100k). A next page's text has matches: no lookup for it.
  if (!paging && where.text !== null && startsNoTerm(db, where.text, plan.shortText)) return empty;
  const sql = searchStatements(where, shopIds.length, paging, dir);
  // The memo describes temp.search_hits; a transaction of the caller's may still roll it back.
  const memo = db.inTransaction ? null : memoOf(db);
  if (memo === null) forgetSearchCache(db);
  try {
    return inTransaction(db, () => {
      const checked = memo === null ? null : checkMemo(db, memo);
      const found = where.text === null ? null : textHits(db, where.text, memo, plan.shortText);
      const hits = found?.hits ?? null;
      // Read again after this search's own temp writes (only a text lookup writes).
      if (memo !== null) memo.version = found?.wrote === true ? dbVersion(db) : (checked ?? '');
      let key: string | undefined; // made when first needed: a few µs of a one-row search
      const keyOf = (): string => (key ??= countKey(shopIds, query, plan));
      const remembered = (): Counted | undefined =>
        memo === null || memo.counts.size === 0 ? undefined : memo.counts.get(keyOf());
      const remember = (total: number): number => {
        memo?.counts.set(keyOf(), { total, filtered: null });
        return total;
      };
      const count = (): Counted => {
        let counted = remembered();
        if (counted === undefined) {
          counted = countMatches(db, sql, shopIds, where, hits, plan.count);
          memo?.counts.set(keyOf(), counted);
        }
        return counted;
      };
      return body({ shopIds, sql, hits, count, remembered, remember });
    });
  } catch (e) {
    forgetSearchCache(db); // a rollback undid the temp writes the memo describes
    throw e;
  }
}

/**
 * What a total depends on: the scope and the filters (not the page, its size or its order), in
 * an order of their own: a search and the count asked after it spell their filters alike.
 */
function countKey(shopIds: readonly string[], query: StoreSearchQuery, plan: SearchPlan): string {
  const { cursor: _c, limit: _l, sort: _s, total: _t, shopIds: _ids, ...filters } = query;
  const byName = Object.entries(filters).sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([shopIds, byName, plan]);
}

/** A page's row before its columns are read: rowid and the date it is sorted by. */
interface PageKey {
  rowid: number;
  at: number;
}

/** A page key, and the whole row when the statement read it (pageReadsRows). */
type PageRow = PageKey & Partial<InquiryRow>;

/** Each shop's page keys, off the indexes (params after the shop id: `params`). */
function pageKeys(
  db: Database,
  sql: string,
  shopIds: readonly string[],
  params: unknown[],
): PageRow[] {
  const pageOfShop = stmt<unknown[], PageRow>(db, sql);
  return shopIds.flatMap((shop) => pageOfShop.all(shop, ...params));
}

/** The rows of a merged page, read once by rowid, in page order. */
function readSummaries(db: Database, page: readonly PageKey[]): InquiryRow[] {
  const byRowid = new Map(
    stmt<[string], InquiryRow>(db, SUMMARIES_SQL)
      .all(JSON.stringify(page.map((k) => k.rowid)))
      .map((r) => [r.rowid, r]),
  );
  return page.flatMap((k) => byRowid.get(k.rowid) ?? []);
}
