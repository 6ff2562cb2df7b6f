// Searching the cache: the guide's search view (filters, sort, keyset paging, exact total) over
// one shop or several (the unified inbox). How a search is run is chosen in search-plan.ts, what
// is remembered between searches lives in search-memo.ts, the counters in search-counters.ts.
import type { SearchPage } from '../../../shared/api.js';
import type { Database } from '../db/open.js';
import { inTransaction, stmt } from '../db/statements.js';
import { toSummary, type InquiryRow } from './inquiry-row.js';
import { decodeCursor, encodeCursor } from './search-cursor.js';
import { checkMemo, dbVersion, forgetSearchCache, memoOf, textHits } from './search-memo.js';
import { countMatches, pageFromHitsIsCheaper, type SearchPlan } from './search-plan.js';
import {
  buildWhere,
  searchStatements,
  SUMMARIES_SQL,
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
  const shopIds = [...new Set(query.shopIds)];
  const where = buildWhere(query); // validates the dates
  if (shopIds.length === 0) return { rows: [], nextCursor: null, total: 0 };
  const dir = sort === 'newest' ? 'DESC' : 'ASC';
  const sql = searchStatements(where, shopIds.length, cursor !== null, dir);
  const plan = opts.plan ?? {};
  // The memo describes temp.search_hits; a transaction of the caller's may still roll it back.
  const memo = db.inTransaction ? null : memoOf(db);
  if (memo === null) forgetSearchCache(db);
  try {
    return inTransaction(db, () => {
      if (memo !== null) checkMemo(db, memo);
      const hits = where.text === null ? null : textHits(db, where.text, memo, plan.shortText);
      if (memo !== null) memo.version = dbVersion(db); // after this search's own temp writes
      const countKey = JSON.stringify([shopIds, { ...query, cursor: 0, limit: 0, sort: 0 }, plan]);
      let counted = memo?.counts.get(countKey);
      if (counted === undefined) {
        counted = countMatches(db, sql, shopIds, where, hits, plan.count);
        memo?.counts.set(countKey, counted);
      }
      const { total } = counted;
      if (total === 0) return { rows: [], nextCursor: null, total };

      const fromHits =
        hits !== null &&
        (plan.page === undefined
          ? pageFromHitsIsCheaper(db, counted, hits, shopIds, limit)
          : plan.page === 'fromHits');
      const keys = pageKeys(db, fromHits ? sql.pageFromHits : sql.pageWalk, shopIds, [
        ...sql.params,
        ...(cursor === null ? [] : [cursor.at, cursor.rowid]),
        limit + 1, // one row beyond the page says whether there is a next one
      ]).sort((a, b) => (dir === 'DESC' ? -1 : 1) * (a.at - b.at || a.rowid - b.rowid));
      const page = keys.slice(0, limit);
      const last = page.at(-1);
      const nextCursor =
        keys.length > limit && last !== undefined
          ? encodeCursor({ field, sort, at: last.at, rowid: last.rowid })
          : null;
      const rows = readSummaries(db, page);
      return { rows: rows.map((r) => toSummary(r, now)), nextCursor, total };
    });
  } catch (e) {
    forgetSearchCache(db); // a rollback undid the temp writes the memo describes
    throw e;
  }
}

/** A page's row before its columns are read: rowid and the date it is sorted by. */
interface PageKey {
  rowid: number;
  at: number;
}

/** Each shop's page keys, off the indexes (params after the shop id: `params`). */
function pageKeys(
  db: Database,
  sql: string,
  shopIds: readonly string[],
  params: unknown[],
): PageKey[] {
  const pageOfShop = stmt<unknown[], PageKey>(db, sql);
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
