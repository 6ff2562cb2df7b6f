// How a search runs: which way its exact total is counted and its page is read, chosen by
// estimated cost (in units of index entries walked), and the shop sizes those estimates use.
// Every way gives the same rows; only the cost differs (tests force each one, see SearchPlan).
import type { Database } from '../db/open.js';
import { stmt } from '../db/statements.js';
import {
  placeholders,
  searchStatements,
  type SearchStatements,
  type WhereClause,
} from './search-sql.js';

/** Forces one way of running a search (tests run every way against one reference). */
export interface SearchPlan {
  count?: 'walk' | 'fromHits' | 'complement';
  page?: 'walk' | 'fromHits';
  shortText?: 'or' | 'instances';
}

/**
 * A rowid lookup of an inquiry costs about as much as walking this many index entries and
 * checking each against temp.search_hits (measured at 100k inquiries: ~0.6–1.3 µs vs ~0.2–0.3
 * µs). The plans below compare costs in those units.
 */
export const WALK_PER_HIT = 3;

export interface Counted {
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
export function countMatches(
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
export function pageFromHitsIsCheaper(
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
