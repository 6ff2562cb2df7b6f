// The counters at the top of the search view: unanswered and replying inquiries per source,
// over a recent window of days.
import type { Counts } from '../../../shared/api.js';
import { jstDayBounds, toIsoJst } from '../../../shared/jst.js';
import { COUNTERS_WINDOW_DAYS } from '../../../shared/limits.js';
import type { Database } from '../db/open.js';
import { stmt } from '../db/statements.js';
import { placeholders } from './search-sql.js';

const DAY_MS = 24 * 60 * 60 * 1000;

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
