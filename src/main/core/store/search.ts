// Searching the cache: the guide's search view (filters, sort, keyset paging, exact total) over
// one shop or several (the unified inbox), and the counters at the top of that view.
import type { Counts, SearchPage } from '../../../shared/api.js';
import { jstDayBounds, toIsoJst } from '../../../shared/jst.js';
import { COUNTERS_WINDOW_DAYS } from '../../../shared/limits.js';
import type { Database } from '../db/open.js';
import { inTransaction, stmt } from '../db/statements.js';
import { SUMMARY_COLUMNS, toSummary, type InquiryRow } from './inquiry-row.js';
import { decodeCursor, encodeCursor } from './search-cursor.js';
import { buildWhere, placeholders, textMatch, type StoreSearchQuery } from './search-sql.js';

export type { StoreSearchQuery } from './search-sql.js';

const DEFAULT_LIMIT = 100;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Filters of SearchQuery over `shopIds`. Sorted by the date field (received, or answered — then
 * only answered inquiries), newest or oldest first, ties broken by rowid. Throws AppFailure
 * VALIDATION (cursor) or DATE_INVALID (dates).
 *
 * The page is read shop by shop and merged here: each shop's rows come off an index in page
 * order and stop at the page size, where one statement over all shops would sort every match.
 * A text match runs once into temp.search_hits, which the count and every shop's page then
 * read — rather than repeating the full-text lookup in each statement. All of it happens in one
 * transaction, so the count and the page see the same snapshot.
 */
export function searchInquiries(
  db: Database,
  query: StoreSearchQuery,
  now: number,
  opts: { driveFromHitsMax?: number } = {},
): SearchPage {
  const driveFromHitsMax = opts.driveFromHitsMax ?? DRIVE_FROM_HITS_MAX;
  const field = query.dateField ?? 'received';
  const sort = query.sort ?? 'newest';
  const limit = query.limit ?? DEFAULT_LIMIT;
  const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor, { field, sort });
  const shopIds = [...new Set(query.shopIds)];
  searchSql(query, shopIds.length, cursor !== null); // validates dates and cursor-free input
  if (shopIds.length === 0) return { rows: [], nextCursor: null, total: 0 };
  return inTransaction(db, () => {
    const hits = query.text === undefined ? null : fillSearchHits(db, query.text);
    const sql = searchSql(
      query,
      shopIds.length,
      cursor !== null,
      hits !== null && hits <= driveFromHitsMax,
    );

    const total =
      stmt<unknown[], { n: number }>(db, sql.count).get(...shopIds, ...sql.params)?.n ?? 0;
    const pageOfShop = stmt<unknown[], InquiryRow>(db, sql.pageOfShop);
    const dir = sort === 'newest' ? 'DESC' : 'ASC';
    const keyOf = (r: InquiryRow): number =>
      (field === 'answered' ? r.answered_at : r.received_at) ?? 0;
    const sign = dir === 'DESC' ? -1 : 1;
    const cursorParams = cursor === null ? [] : [cursor.at, cursor.rowid];
    // One row beyond the page says whether there is a next one.
    const rows = shopIds
      .flatMap((shop) => pageOfShop.all(shop, ...sql.params, ...cursorParams, limit + 1))
      .sort((a, b) => sign * (keyOf(a) - keyOf(b) || a.rowid - b.rowid));
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const nextCursor =
      rows.length > limit && last !== undefined
        ? encodeCursor({ field, sort, at: keyOf(last), rowid: last.rowid })
        : null;
    return { rows: page.map((r) => toSummary(r, now)), nextCursor, total };
  });
}

const withHitsTable = new WeakSet<Database>();

/** Creates the per-connection temp table the text filter reads (searchSql refers to it). */
export function ensureSearchHits(db: Database): void {
  if (withHitsTable.has(db)) return;
  db.exec('CREATE TEMP TABLE IF NOT EXISTS search_hits (rowid INTEGER PRIMARY KEY)');
  withHitsTable.add(db);
}

/** Fills temp.search_hits with the text's matches; returns how many (null: no text filter). */
function fillSearchHits(db: Database, text: string): number | null {
  const match = textMatch(text);
  if (match === null) return null;
  ensureSearchHits(db);
  stmt(db, 'DELETE FROM temp.search_hits').run();
  return stmt(db, `INSERT INTO temp.search_hits (rowid) ${match.sql}`).run(...match.params).changes;
}

/**
 * Up to this many text matches, the statements start from the matches (rowid lookups, then a
 * small sort); beyond it, from the shop's date index, checking each row against the matches —
 * which stops early on a page and costs at most one pass over the shop's rows for the count.
 */
export const DRIVE_FROM_HITS_MAX = 3000;

/**
 * The two statements of a search: the exact count over all shops (params: shopIds, then the
 * filter params) and one shop's page (params: shopId, filter params, cursor key and rowid when
 * paging, limit). Exported so tests can EXPLAIN exactly what runs.
 */
export function searchSql(
  query: Omit<StoreSearchQuery, 'shopIds'>,
  shopCount: number,
  paging: boolean,
  driveFromHits = false,
): { count: string; pageOfShop: string; params: unknown[] } {
  const where = buildWhere(query);
  const dir = (query.sort ?? 'newest') === 'newest' ? 'DESC' : 'ASC';
  const fromHits = where.hasText && driveFromHits;
  const conditions = [...where.conditions];
  if (where.hasText && !fromHits)
    conditions.push('i.rowid IN (SELECT rowid FROM temp.search_hits)');
  const filters = conditions.map((c) => ` AND ${c}`).join('');
  // CROSS JOIN fixes the loop order in SQLite: matches outside, inquiries looked up by rowid.
  const inquiries = fromHits
    ? 'temp.search_hits h CROSS JOIN inquiries i ON i.rowid = h.rowid'
    : 'inquiries i';
  const after = paging ? ` AND (${where.key}, i.rowid) ${dir === 'DESC' ? '<' : '>'} (?, ?)` : '';
  return {
    count: `SELECT count(*) AS n FROM ${inquiries}
            WHERE i.shop_id IN (${placeholders(shopCount)})${filters}`,
    pageOfShop: `SELECT ${SUMMARY_COLUMNS} FROM ${inquiries} JOIN shops s ON s.id = i.shop_id WHERE i.shop_id = ?${filters}${after}
                 ORDER BY ${where.key} ${dir}, i.rowid ${dir} LIMIT ?`,
    params: where.params,
  };
}

/** First millisecond of the counters' window: today (JST) and the 29 calendar days before. */
export function countersWindowStart(now: number): number {
  const today = jstDayBounds(toIsoJst(now).slice(0, 10));
  if (today === null) throw new Error(`no JST day for ${now}`);
  return today[0] - (COUNTERS_WINDOW_DAYS - 1) * DAY_MS;
}

/** The guide's counters over inquiries received in the window (see countersWindowStart). */
export function countInquiries(db: Database, shopIds: readonly string[], now: number): Counts {
  const counts: Counts = {
    customerUnanswered: 0,
    customerReplying: 0,
    qoo10Unanswered: 0,
    qoo10Unconfirmed: 0,
  };
  if (shopIds.length === 0) return counts;
  const rows = stmt<unknown[], { source: string; status: string; n: number }>(
    db,
    `SELECT source, status, count(*) AS n FROM inquiries
     WHERE shop_id IN (${placeholders(shopIds.length)})
       AND status IN ('S1', 'S2') AND received_at >= ?
     GROUP BY source, status`,
  ).all(...shopIds, countersWindowStart(now));
  for (const r of rows) {
    if (r.source === 'customer') {
      if (r.status === 'S1') counts.customerUnanswered = r.n;
      else counts.customerReplying = r.n;
    } else if (r.status === 'S1') counts.qoo10Unanswered = r.n;
    else counts.qoo10Unconfirmed = r.n;
  }
  return counts;
}
