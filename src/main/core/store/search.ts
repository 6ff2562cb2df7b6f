// Searching the cache: the guide's search view (filters, sort, keyset paging, exact total) over
// one shop or several (the unified inbox), and the counters at the top of that view.
import type { Counts, SearchPage } from '../../../shared/api.js';
import { jstDayBounds, toIsoJst } from '../../../shared/jst.js';
import { COUNTERS_WINDOW_DAYS } from '../../../shared/limits.js';
import type { Database } from '../db/open.js';
import { inTransaction, stmt } from '../db/statements.js';
import { toSummary, type InquiryRow } from './inquiry-row.js';
import { decodeCursor, encodeCursor } from './search-cursor.js';
import {
  anyTermMatch,
  buildWhere,
  placeholders,
  searchStatements,
  SUMMARIES_SQL,
  TEXT_SQL,
  MAX_OR_TERMS,
  type SearchStatements,
  type StoreSearchQuery,
  type TextMatch,
  type WhereClause,
} from './search-sql.js';

export type { StoreSearchQuery } from './search-sql.js';

const DEFAULT_LIMIT = 100;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Forces one way of running a search (tests run every way against one reference). */
export interface SearchPlan {
  count?: 'walk' | 'fromHits' | 'complement';
  page?: 'walk' | 'fromHits';
  shortText?: 'or' | 'instances';
}

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

/**
 * A rowid lookup of an inquiry costs about as much as walking this many index entries and
 * checking each against temp.search_hits (measured at 100k inquiries: ~0.6–1.3 µs vs ~0.2–0.3
 * µs). The plans below compare costs in those units.
 */
export const WALK_PER_HIT = 3;

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

interface Counted {
  total: number;
  /** Rows the filters select without the text, when known exactly. */
  filtered: number | null;
}

/**
 * The exact total. Without text: a walk of the filters' index. With text, the cheapest of:
 * walking the filters' index checking each row against the matches (cost: the filtered rows);
 * starting from the matches (cost: a lookup per match); and, when only shops are filtered, the
 * matches minus those in the other shops (cost: the other shops' rows) — with every shop
 * selected, the unified inbox, that is the number of matches itself. Shop sizes are statistics
 * (see shopSizes); when other filters narrow a big shop, the filtered rows are counted up to
 * the cost of starting from the matches, never further.
 */
function countMatches(
  db: Database,
  sql: SearchStatements,
  shopIds: readonly string[],
  where: WhereClause,
  hits: number | null,
  force: SearchPlan['count'],
): Counted {
  const get = (text: string, ...params: unknown[]): number =>
    stmt<unknown[], { n: number }>(db, text).get(...params)?.n ?? 0;
  const walk = (): number => get(sql.countWalk, ...shopIds, ...sql.countParams);
  const fromHits = (): Counted => ({
    total: get(sql.countFromHits, ...shopIds, ...sql.params),
    filtered: null,
  });
  if (hits === null) return { total: walk(), filtered: null };
  if (hits === 0) return { total: 0, filtered: null };
  if (force === 'walk') return { total: walk(), filtered: null };
  if (force === 'fromHits') return fromHits();
  const budget = hits * WALK_PER_HIT;
  const sizes = shopSizes(db);
  const inShops = shopIds.reduce((n, id) => n + (sizes.get(id) ?? 0), 0);
  if (where.conditions.length === 0) {
    const others = [...sizes.keys()].filter((id) => !shopIds.includes(id));
    const inOthers = others.reduce((n, id) => n + (sizes.get(id) ?? 0), 0);
    if (force === 'complement' || (inOthers < inShops && inOthers < budget)) {
      // Every inquiry belongs to a shop, so the matches outside the others are this scope's.
      // The sizes may be stale: the shops are read again here.
      const all = stmt<unknown[], { id: string }>(
        db,
        `SELECT id FROM shops WHERE id NOT IN (${placeholders(shopIds.length)})`,
      )
        .all(...shopIds)
        .map((r) => r.id);
      if (all.length === 0) return { total: hits, filtered: null };
      const outside = searchStatements(where, all.length, false, 'DESC');
      return { total: hits - get(outside.countWalk, ...all), filtered: null };
    }
    if (inShops < budget) return { total: walk(), filtered: null };
    return fromHits();
  }
  if (inShops < budget) return { total: walk(), filtered: null };
  const filtered = get(sql.countBounded, ...shopIds, ...sql.countParams, budget);
  return filtered < budget ? { total: walk(), filtered } : fromHits();
}

/**
 * A page walked off the date index stops after `limit + 1` matches per shop: with matches spread
 * evenly, after (limit + 1) × filtered / total rows each. From the matches, it costs a lookup per
 * match. Unknown filtered counts are bounded by the shops' sizes.
 */
function pageFromHitsIsCheaper(
  db: Database,
  counted: Counted,
  hits: number,
  shopIds: readonly string[],
  limit: number,
): boolean {
  const sizes = shopSizes(db);
  const filtered = counted.filtered ?? shopIds.reduce((n, id) => n + (sizes.get(id) ?? 0), 0);
  const walk = Math.min(filtered, (shopIds.length * (limit + 1) * filtered) / counted.total);
  return walk > hits * WALK_PER_HIT;
}

const SIZES_MAX_AGE_MS = 60_000;
interface ShopSizes {
  at: number;
  maxRowid: number;
  sizes: Map<string, number>;
}
const sizesOf = new WeakMap<Database, ShopSizes>();

/**
 * Inquiries per shop, for choosing plans only (never for results). One pass over an index
 * (~10 ms at 100k inquiries), so it is read again only when inquiries were added and the last
 * reading is a minute old: a stale figure costs speed, not correctness.
 */
function shopSizes(db: Database): Map<string, number> {
  const maxRowid =
    stmt<[], { n: number | null }>(db, 'SELECT max(rowid) AS n FROM inquiries').get()?.n ?? 0;
  const known = sizesOf.get(db);
  if (
    known !== undefined &&
    (known.maxRowid === maxRowid || Date.now() - known.at < SIZES_MAX_AGE_MS)
  )
    return known.sizes;
  const rows = stmt<[], { id: string; n: number }>(
    db,
    'SELECT shop_id AS id, count(*) AS n FROM inquiries GROUP BY shop_id',
  ).all();
  const sizes = new Map(rows.map((r) => [r.id, r.n]));
  sizesOf.set(db, { at: Date.now(), maxRowid, sizes });
  return sizes;
}

// ---- the text matches and what is remembered about them ------------------------------------

interface Memo {
  /** PRAGMA data_version and total_changes() after this connection's last search. */
  version: string;
  /** Which text temp.search_hits holds, and how many matches. */
  hitsKey: string | null;
  hits: number;
  /** Totals by query (without cursor, limit and sort). */
  counts: Map<string, Counted>;
}

const MAX_COUNTS = 32;
const memos = new WeakMap<Database, Memo>();

/** Drops what searches remember (the next search looks everything up again). */
export function forgetSearchCache(db: Database): void {
  memos.delete(db);
}

function memoOf(db: Database): Memo {
  let memo = memos.get(db);
  if (memo === undefined) {
    memo = { version: '', hitsKey: null, hits: 0, counts: new Map() };
    memos.set(db, memo);
  }
  return memo;
}

/**
 * data_version changes when another connection commits; total_changes() counts every row this
 * connection wrote (triggers included). Equal to what the last search saw: nothing changed.
 */
function dbVersion(db: Database): string {
  const dataVersion = stmt<[], { data_version: number }>(db, 'PRAGMA main.data_version').get();
  const changes = stmt<[], { n: number }>(db, 'SELECT total_changes() AS n').get();
  return `${String(dataVersion?.data_version)}:${String(changes?.n)}`;
}

function checkMemo(db: Database, memo: Memo): void {
  if (dbVersion(db) === memo.version) {
    if (memo.counts.size > MAX_COUNTS) memo.counts.clear();
    return;
  }
  memo.hitsKey = null;
  memo.counts.clear();
}

const withTempTables = new WeakSet<Database>();

/** Creates the per-connection temp tables the text filter uses (searchStatements reads them). */
export function ensureSearchHits(db: Database): void {
  if (withTempTables.has(db)) return;
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS search_hits (rowid INTEGER PRIMARY KEY);
           CREATE VIRTUAL TABLE IF NOT EXISTS temp.inquiry_fts_rows
             USING fts5vocab (main, inquiry_fts, 'row');`);
  withTempTables.add(db);
}

/** Fills temp.search_hits with the text's matches (unless it holds them already); how many. */
function textHits(
  db: Database,
  text: TextMatch,
  memo: Memo | null,
  shortText: SearchPlan['shortText'],
): number {
  const key = JSON.stringify([text, shortText]);
  if (memo?.hitsKey === key) return memo.hits;
  ensureSearchHits(db);
  stmt(db, 'DELETE FROM temp.search_hits').run();
  const fill = (select: string, ...params: unknown[]): number =>
    stmt(db, `INSERT INTO temp.search_hits (rowid) ${select}`).run(...params).changes;
  let hits: number;
  if (text.kind === 'phrase') hits = fill(TEXT_SQL.phrase, text.phrase);
  else {
    const terms =
      shortText === 'instances'
        ? null
        : stmt<unknown[], { term: string }>(db, TEXT_SQL.prefixTerms)
            .all(...text.range)
            .map((r) => r.term);
    if (terms !== null && terms.length === 0) hits = 0;
    else if (terms !== null && (terms.length <= MAX_OR_TERMS || shortText === 'or'))
      hits = fill(TEXT_SQL.phrase, anyTermMatch(terms));
    else hits = fill(TEXT_SQL.prefixInstances, ...text.range);
  }
  if (memo !== null) {
    memo.hitsKey = key;
    memo.hits = hits;
  }
  return hits;
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
