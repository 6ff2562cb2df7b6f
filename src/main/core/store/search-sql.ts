// Turns search filters into one WHERE clause over `inquiries i`. Every filter is a plain
// comparison on an indexed column (see db/migrations/002-search.ts), so SQLite can walk an
// index range in sort order and stop at the page size.
import type { SearchQuery } from '../../../shared/api.js';
import { AppFailure } from '../../../shared/errors.js';
import { jstDayBounds } from '../../../shared/jst.js';
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
  /** Restricted to the rows in temp.search_hits (search.ts decides how to join them). */
  hasText: boolean;
}

export function buildWhere(q: Partial<SearchQuery>): WhereClause {
  const key = (q.dateField ?? 'received') === 'answered' ? 'i.answered_at' : 'i.received_at';
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]): void => {
    conditions.push(sql);
    params.push(...values);
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
  // The text match itself runs once per search (textMatch below) into temp.search_hits.
  const hasText = q.text !== undefined && textMatch(q.text) !== null;
  return { key, conditions, params, hasText };
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

/**
 * The rowids whose FTS document contains `text` (folded), or null when the text folds to
 * nothing. Three characters or more: one trigram phrase. One or two: every indexed trigram that
 * starts with them (fields end with padding, so a substring at the end of a field is covered
 * too) — an index range, never a scan of the text.
 */
export function textMatch(text: string): { sql: string; params: unknown[] } | null {
  const q = normalizeForSearch(text.trim());
  if (q.length === 0) return null;
  if (charLength(q) >= TRIGRAM) {
    return {
      sql: 'SELECT rowid FROM inquiry_fts WHERE inquiry_fts MATCH ?',
      params: [ftsPhrase(q)],
    };
  }
  return {
    sql: 'SELECT DISTINCT doc FROM inquiry_fts_terms WHERE term >= ? AND term <= ?',
    params: trigramPrefixRange(q),
  };
}
