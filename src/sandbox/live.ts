// The buyer simulator (--live N): N buyer posts per minute, new inquiries and follow-ups, so a
// running client sees its change feed and counters move.
import type { Clock } from './clock.js';
import type { Db } from './db/schema.js';
import { QapiError } from './envelope.js';
import { postFollowUp, postNewInquiry } from './actions/buyer.js';
import { SHOP_SHARES } from './generator/accounts.js';
import { catalogue } from './generator/catalog.js';
import { Rng, subSeed } from './generator/rng.js';
import { followUpText, makeDraft } from './generator/texts.js';
import type { ShopRecord } from './db/shops.js';

export interface LiveSimulator {
  stop(): void;
  posted(): number;
}

/** One simulated buyer post; returns false when the rules refused it (e.g. a restricted buyer). */
export function simulateBuyerPost(db: Db, clock: Clock, rng: Rng, seed: number): boolean {
  const shops = db
    .prepare('SELECT shop_id, account_id, name, seller_nm, change_seq FROM shops')
    .all() as ShopRecord[];
  const shop = shops.find(
    (s) =>
      s.shop_id ===
      rng.weighted(
        Object.fromEntries(shops.map((x) => [x.shop_id, SHOP_SHARES[x.shop_id] ?? 0.01])),
      ),
  );
  if (shop === undefined) return false;
  try {
    if (rng.chance(0.4) && shop.change_seq > 0) {
      const recent = db
        .prepare(
          'SELECT question_no FROM inquiries WHERE shop_id = ? AND inq_type != ? ORDER BY change_seq DESC LIMIT 1 OFFSET ?',
        )
        .get(shop.shop_id, 'HELP', rng.int(50)) as { question_no: number } | undefined;
      if (recent !== undefined) {
        postFollowUp(db, clock, shop, recent.question_no, followUpText(rng, 'ja'));
        return true;
      }
    }
    const draft = makeDraft(rng, catalogue(seed, shop.shop_id), []);
    postNewInquiry(db, clock, shop, draft, draft.body);
    return true;
  } catch (e) {
    if (e instanceof QapiError) return false;
    throw e;
  }
}

export function startLive(db: Db, clock: Clock, seed: number, perMinute: number): LiveSimulator {
  const rng = new Rng(subSeed(seed, `live:${Date.now()}`));
  let posted = 0;
  const timer = setInterval(
    () => {
      if (simulateBuyerPost(db, clock, rng, seed)) posted += 1;
    },
    Math.max(10, Math.round(60_000 / perMinute)),
  );
  timer.unref();
  return {
    stop: () => clearInterval(timer),
    posted: () => posted,
  };
}
