// Turns search filters into SQL over `inquiries i`. Every filter is a plain comparison on an
// indexed column (see db/migrations/002-search.ts), so SQLite can walk an index range in sort
// order and stop at the page size. The text filter is looked up once per search into
// temp.search_hits, which these statements then read.
import type { SearchQuery } from '../../../shared/api.js';
import { AppFailure } from '../../../shared/errors.js';
import { QUESTION_TYPES, SOURCES } from '../../../shared/domain.js';
import { jstDayBounds } from '../../../shared/jst.js';
import { SUMMARY_COLUMNS, SUMMARY_FROM } from './inquiry-row.js';
import {
  TRIGRAM,
  charLength,
  ftsPhrase,
  normalizeForSearch,
  trigramPrefixRange,
} from '../text/search-text.js';

export type StoreSearchQuery = Partial<SearchQuery> & { shopIds: readonly string[] };

export const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/** The filters of a query, without the shop scope (search.ts adds it per statement). */
export interface WhereClause {
  /** Column the results are sorted and paged by. */
  key: 'i.received_at' | 'i.answered_at';
  conditions: string[];
  params: unknown[];
  /** The text filter: its matches go to temp.search_hits (search.ts decides how to join them). */
  text: TextMatch | null;
  /** Values of the facet filters, when every condition is one (see facetCount). */
  facets: Map<string, unknown> | null;
}

export function buildWhere(q: Partial<SearchQuery>): WhereClause {
  const key = (q.dateField ?? 'received') === 'answered' ? 'i.answered_at' : 'i.received_at';
  const conditions: string[] = [];
  const params: unknown[] = [];
  const facets = new Map<string, unknown>();
  const add = (sql: string, ...values: unknown[]): void => {
    conditions.push(sql);
    params.push(...values);
    const column = /^(i\.\w+) = \?$/.exec(sql)?.[1];
    if (column !== undefined && FACETS.some((f) => f.column === column))
      facets.set(column, values[0]);
  };
  // An inquiry without an answer has no place on the answered-date axis.
  if (key === 'i.answered_at') add('i.answered_at IS NOT NULL');
  const [from, to] = dateRange(q.from, q.to);
  if (from !== null) add(`${key} >= ?`, from);
  if (to !== null) add(`${key} <= ?`, to);
  if (q.source !== undefined) add('i.source = ?', q.source);
  if (q.questionType !== undefined) add('i.question_type = ?', q.questionType);
  if (q.status !== undefined) add('i.status = ?', q.status);
  if (q.category !== undefined) add('i.category = ?', q.category);
  if (q.hidden !== undefined) add('i.hidden = ?', q.hidden ? 1 : 0);
  if (q.itemNo !== undefined) add('i.item_no = ?', q.itemNo.trim());
  if (q.orderNo !== undefined) add('i.order_no = ?', q.orderNo.trim());
  return {
    key,
    conditions,
    params,
    text: q.text === undefined ? null : textMatch(q.text),
    facets: facets.size > 0 && facets.size === conditions.length ? facets : null,
  };
}

/** The columns of the inquiries_facets index in order, with every value each can hold. */
const FACETS: readonly { column: string; values: readonly unknown[] | null }[] = [
  { column: 'i.source', values: SOURCES },
  { column: 'i.question_type', values: QUESTION_TYPES },
  { column: 'i.hidden', values: [0, 1] },
  { column: 'i.category', values: null },
];

/**
 * Count filters for inquiries_facets (migration 4) when only facets are filtered: each column
 * ahead of the last filtered one is either filtered or enumerated (`IN` every value it can
 * hold), so SQLite reads a few ranges of the index instead of every entry of the shop.
 */
function facetCount(facets: Map<string, unknown>): { sql: string; params: unknown[] } {
  const last = Math.max(...FACETS.map((f, k) => (facets.has(f.column) ? k : -1)));
  const params: unknown[] = [];
  const sql = FACETS.slice(0, last + 1)
    .map(({ column, values }) => {
      if (facets.has(column)) {
        params.push(facets.get(column));
        return ` AND ${column} = ?`;
      }
      const all = (values ?? []).map((v) => (typeof v === 'string' ? `'${v}'` : String(v)));
      return ` AND ${column} IN (${all.join(', ')})`;
    })
    .join('');
  return { sql, params };
}

/** Inclusive JST calendar days → [first ms of `from`, last ms of `to`]. */
export function dateRange(
  from: string | undefined,
  to: string | undefined,
): [number | null, number | null] {
  const start = from === undefined ? null : dayBound(from, 'from')[0];
  const end = to === undefined ? null : dayBound(to, 'to')[1];
  if (start !== null && end !== null && start > end) {
    throw new AppFailure('DATE_INVALID', `date range starts after it ends (${from} > ${to})`, {
      field: 'from',
    });
  }
  return [start, end];
}

function dayBound(day: string, field: 'from' | 'to'): [number, number] {
  const bounds = jstDayBounds(day);
  if (bounds === null) {
    throw new AppFailure('DATE_INVALID', `not a calendar day (yyyy-MM-dd): ${day.slice(0, 40)}`, {
      field,
    });
  }
  return bounds;
}

/** What a text filter looks up: a trigram phrase (3+ characters) or a trigram prefix (1–2). */
export type TextMatch =
  { kind: 'phrase'; phrase: string } | { kind: 'prefix'; range: [string, string] };

/**
 * The text filter of `text` (folded), or null when it folds to nothing. Three characters or
 * more: one trigram phrase. One or two: every indexed trigram that starts with them (fields end
 * with padding, so a substring at the end of a field is covered too) — a term range of the index,
 * never a scan of the text.
 */
export function textMatch(text: string): TextMatch | null {
  const q = normalizeForSearch(text.trim());
  if (q.length === 0) return null;
  if (charLength(q) >= TRIGRAM) return { kind: 'phrase', phrase: ftsPhrase(q) };
  return { kind: 'prefix', range: trigramPrefixRange(q) };
}

/** The FTS5 query matching any of `terms` (whole trigrams, as the vocabulary lists them). */
export const anyTermMatch = (terms: readonly string[]): string => terms.map(ftsPhrase).join(' OR ');

// Text-filter statements. Short queries first list the trigrams in their range (the fts5vocab
// 'row' table reads one entry per term), then match any of them in one FTS query: FTS5 merges
// the doclists, where DISTINCT over the 'instance' table sorts every occurrence. With very many
// terms (a single Latin letter or digit) FTS5's OR compares every term at each step, and the
// instance table is cheaper again.
export const TEXT_SQL = {
  phrase: 'SELECT rowid FROM inquiry_fts WHERE inquiry_fts MATCH ?',
  prefixTerms: 'SELECT term FROM temp.inquiry_fts_rows WHERE term >= ? AND term <= ?',
  prefixInstances: 'SELECT DISTINCT doc FROM inquiry_fts_terms WHERE term >= ? AND term <= ?',
  // Whether any trigram in the range is indexed: the first instance answers (the row vocabulary
  // counts its first term's documents first: 200-600 us for a common one, against 23 us).
  anyPrefixInstance: 'SELECT 1 FROM inquiry_fts_terms WHERE term >= ? AND term <= ? LIMIT 1',
} as const;

/** Up to this many trigrams, a short query is one FTS5 OR query; beyond, the instance table. */
export const MAX_OR_TERMS = 100;

/** Count and page statements of a search, for every way search.ts can run it. */
export interface SearchStatements {
  /** Exact count walking the filters' index; with text, each row is checked against the matches.
   * Params: the shop ids, then countParams (also for countBounded). */
  countWalk: string;
  /** Exact count starting from the matches, each looked up by rowid. */
  countFromHits: string;
  /** How many rows the filters select without the text, counted up to a bound (last param). */
  countBounded: string;
  countParams: unknown[];
  /** One shop's page (rowid and sort key) off the filters' index in page order, checking the
   * matches if any — from the index alone unless pageReadsRows. */
  pageWalk: string;
  /** One shop's page (rowid and sort key) from the matches: rowid lookups, then a sort. */
  pageFromHits: string;
  /** The pages read whole summary rows (InquiryRow), not only keys. */
  pageReadsRows: boolean;
  params: unknown[];
}

const HITS = 'temp.search_hits';

/**
 * The statements of a search over `shopCount` shops (params: the shop ids, then `params`; pages
 * take one shop id, then `params`, and the cursor key and rowid when paging; their LIMIT is
 * appended with withLimit). Over several shops, pages read keys only and search.ts reads the rows
 * of the merged page once (SUMMARIES_SQL); over one shop there is nothing to merge, so the page
 * reads its rows itself (one statement fewer: ~10% of a page, half of a one-row search).
 * `+i.rowid` keeps the matches from driving a walk: SQLite would otherwise start from them.
 */
export function searchStatements(
  where: WhereClause,
  shopCount: number,
  paging: boolean,
  dir: 'ASC' | 'DESC',
): SearchStatements {
  const filters = where.conditions.map((c) => ` AND ${c}`).join('');
  const inHits = where.text === null ? '' : ` AND +i.rowid IN (SELECT rowid FROM ${HITS})`;
  const shops = `i.shop_id IN (${placeholders(shopCount)})`;
  const fromHits = `${HITS} h CROSS JOIN inquiries i ON i.rowid = h.rowid`;
  const after = paging ? ` AND (${where.key}, i.rowid) ${dir === 'DESC' ? '<' : '>'} (?, ?)` : '';
  const order = ` ORDER BY ${where.key} ${dir}, i.rowid ${dir}`;
  const pageReadsRows = shopCount === 1;
  const keys = pageReadsRows
    ? `SELECT ${SUMMARY_COLUMNS}, ${where.key} AS at FROM`
    : `SELECT i.rowid AS rowid, ${where.key} AS at FROM`;
  const withShop = pageReadsRows ? ' JOIN shops s ON s.id = i.shop_id' : '';
  const counted =
    where.facets === null ? { sql: filters, params: where.params } : facetCount(where.facets);
  return {
    countWalk: `SELECT count(*) AS n FROM inquiries i WHERE ${shops}${counted.sql}${inHits}`,
    countFromHits: `SELECT count(*) AS n FROM ${fromHits} WHERE ${shops}${filters}`,
    countBounded: `SELECT count(*) AS n FROM
                     (SELECT 1 FROM inquiries i WHERE ${shops}${counted.sql} LIMIT ?)`,
    countParams: counted.params,
    pageWalk: `${keys} inquiries i${withShop} WHERE i.shop_id = ?${filters}${inHits}${after}${order}`,
    // CROSS JOIN fixes the loop order in SQLite: matches outside, inquiries looked up by rowid.
    pageFromHits: `${keys} ${fromHits}${withShop} WHERE i.shop_id = ?${filters}${after}${order}`,
    pageReadsRows,
    params: where.params,
  };
}

/** The summaries of the inquiries whose rowids are in the JSON array parameter. */
export const SUMMARIES_SQL = `SELECT ${SUMMARY_COLUMNS} FROM ${SUMMARY_FROM}
  WHERE i.rowid IN (SELECT value FROM json_each(?))`;
