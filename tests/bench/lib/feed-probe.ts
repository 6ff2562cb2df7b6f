// The reference for an incremental sync: a change-feed round trip that returns nothing, made
// with bare fetch from the cursor the core saved (nothing of the core's runs).
import BetterSqlite3 from 'better-sqlite3';
import { QAPI_METHODS, QPOST_METHODS } from '../../../src/shared/qapi.js';
import { rpc } from './raw-sync.js';
import { summarize } from './stats.js';

export async function emptyFeedRoundTrip(
  base: string,
  cacheFile: string,
  login: { apiKey: string; user: string; password: string },
  samples = 21,
): Promise<number> {
  const db = new BetterSqlite3(cacheFile, { readonly: true });
  const row = db
    .prepare('SELECT shop_id AS shopId, cursor FROM sync_state WHERE cursor IS NOT NULL LIMIT 1')
    .get() as { shopId: string; cursor: string } | undefined;
  db.close();
  if (row === undefined) throw new Error('no synced cursor to time');
  const key = (await rpc(base, login.apiKey, QAPI_METHODS.createCertificationKey, {
    user_id: login.user,
    pwd: login.password,
  })) as string;
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    const page = (await rpc(base, key, QPOST_METHODS.getChanges, {
      shop_id: row.shopId,
      cursor: row.cursor,
      page_size: '500',
    })) as { Inquiries: unknown[] };
    if (page.Inquiries.length > 0) throw new Error('the feed was not empty');
    if (i > 0) times.push(performance.now() - t0); // the first one warms the connection
  }
  return summarize(times).p50;
}
