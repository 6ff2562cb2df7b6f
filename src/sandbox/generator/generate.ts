// The deterministic bulk generator: `seed` and `now` fix every byte of the generated content.
// Everything is written with prepared statements in one transaction, which is what makes
// 100,000 inquiries (~300,000 messages) take seconds rather than minutes.
import type { MessageRow } from '../../shared/qapi.js';
import type { Status } from '../../shared/domain.js';
import { replyTitle } from '../../shared/limits.js';
import { createContentIndexes, dropContentIndexes, type Db } from '../db/schema.js';
import { INSERT_INQUIRY_SQL, QUESTION_NO_BASE } from '../db/writes.js';
import { placeholderFor } from '../placeholder-files.js';
import { SHOP_SHARES } from './accounts.js';
import { catalogue, makeBuyer, type Buyer, type Product } from './catalog.js';
import { Rng } from './rng.js';
import { followUpText, makeDraft, sellerReplyText, type Draft } from './texts.js';

export interface GenerateOptions {
  seed: number;
  inquiries: number;
  /** The instant the data is generated relative to (epoch ms). */
  now: number;
}

const DAY = 24 * 60 * 60 * 1000;
export const HISTORY_DAYS = 120;
const SEQ_NO_BASE = 700_000_000;

interface ShopInfo {
  shopId: string;
  sellerNm: string;
  products: Product[];
}

interface Event {
  author: MessageRow['AUTHOR'];
  at: number;
}

function threadLength(rng: Rng): number {
  if (rng.chance(0.02)) return 10 + rng.int(20);
  return Math.min(29, 1 + Math.floor(-Math.log(1 - rng.float()) * 1.8));
}

/** Who writes when: the buyer opens, the seller usually answers, the buyer sometimes returns. */
function planThread(rng: Rng, d: Draft, start: number, now: number): Event[] {
  const buyer: MessageRow['AUTHOR'] = d.inqType === 'HELP' ? 'QOO10' : 'BUYER';
  const events: Event[] = [{ author: buyer, at: start }];
  const length = threadLength(rng);
  let t = start;
  for (let k = 1; k < length; k++) {
    const prev = events[k - 1]?.author;
    const author = prev === 'SELLER' || rng.chance(0.15) ? buyer : 'SELLER';
    t += 10 * 60 * 1000 + Math.floor(-Math.log(1 - rng.float()) * 8 * 60 * 60 * 1000);
    if (t > now) break;
    events.push({ author, at: t });
  }
  // (Lengths stop at 29 so this answer keeps threads within 30 messages.)
  // Old questions are mostly answered: unanswered work piles up only in the last few days.
  const last = events.at(-1);
  if (
    last !== undefined &&
    last.author !== 'SELLER' &&
    now - last.at > 3 * DAY &&
    rng.chance(0.9)
  ) {
    events.push({ author: 'SELLER', at: last.at + 30 * 60 * 1000 + rng.int(2 * DAY) });
  }
  return events;
}

function finalStatus(rng: Rng, d: Draft, last: Event): Status {
  if (last.author !== 'SELLER') return 'S1';
  return rng.chance(d.inqType === 'HELP' ? 0.35 : 0.2) ? 'S2' : 'S3';
}

export function generate(db: Db, opts: GenerateOptions): { inquiries: number; messages: number } {
  const rng = new Rng(opts.seed);
  const shopRows = db
    .prepare('SELECT shop_id, seller_nm FROM shops ORDER BY account_id, position')
    .all() as {
    shop_id: string;
    seller_nm: string;
  }[];
  const shops = new Map<string, ShopInfo>(
    shopRows.map((s) => [
      s.shop_id,
      { shopId: s.shop_id, sellerNm: s.seller_nm, products: catalogue(opts.seed, s.shop_id) },
    ]),
  );
  const weights = Object.fromEntries(
    shopRows.map((s) => [s.shop_id, SHOP_SHARES[s.shop_id] ?? 0.01]),
  );
  const buyers: Buyer[] = Array.from({ length: Math.max(20, Math.floor(opts.inquiries / 4)) }, () =>
    makeBuyer(rng),
  );
  const starts = Array.from({ length: opts.inquiries }, () =>
    Math.floor(opts.now - rng.float() * HISTORY_DAYS * DAY),
  ).sort((a, b) => a - b);

  const insertInquiry = db.prepare(INSERT_INQUIRY_SQL);
  const insertMessage = db.prepare(
    'INSERT INTO messages(seq_no, question_no, author, from_nm, to_nm, title, contents, send_dt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertFile = db.prepare(
    'INSERT INTO attachments(file_id, account_id, question_no, seq_no, file_nm, mime, size, bytes, created_at) VALUES (?, (SELECT account_id FROM shops WHERE shop_id = ?), ?, ?, ?, ?, ?, NULL, ?)',
  );
  const feedOrder = new Map<string, { updDt: number; questionNo: number }[]>();
  let seqNo = SEQ_NO_BASE;
  let messageCount = 0;

  db.transaction(() => {
    dropContentIndexes(db);
    starts.forEach((start, index) => {
      const shop = shops.get(rng.weighted(weights));
      if (shop === undefined) return;
      const questionNo = QUESTION_NO_BASE + 1 + index;
      const d = makeDraft(rng, shop.products, buyers);
      const events = planThread(rng, d, start, opts.now);
      let lastBuyer = { seq: 0, at: start };
      let lastSeller: { at: number; contents: string; version: number } | null = null;
      for (const [k, e] of events.entries()) {
        seqNo += 1;
        const seller = e.author === 'SELLER';
        const contents =
          k === 0 ? d.body : seller ? sellerReplyText(rng, d.itemNm) : followUpText(rng, d.lang);
        insertMessage.run(
          seqNo,
          questionNo,
          e.author,
          seller ? shop.sellerNm : d.custNm,
          seller ? d.custNm : shop.sellerNm,
          seller ? replyTitle(d.title) : d.title,
          contents,
          e.at,
        );
        if (seller) lastSeller = { at: e.at, contents, version: k + 1 };
        else lastBuyer = { seq: seqNo, at: e.at };
        const photo = !seller && rng.chance(0.03);
        if (photo || (seller && rng.chance(0.02))) {
          const mime = photo ? 'image/jpeg' : 'application/pdf';
          const name = photo ? `IMG_${rng.digits(4)}.jpg` : '発送案内.pdf';
          insertFile.run(
            `G${seqNo}`,
            shop.shopId,
            questionNo,
            seqNo,
            name,
            mime,
            placeholderFor(mime).length,
            e.at,
          );
        }
      }
      messageCount += events.length;
      const last = events.at(-1) ?? { author: 'BUYER', at: start };
      let version = events.length;
      let updDt = last.at;
      const answered = lastSeller;
      let seller = answered;
      const hidden = d.inqType === 'ITEM' && answered !== null && rng.chance(0.06);
      if (hidden) {
        version += 1;
        updDt = Math.min(opts.now, last.at + 60 * 60 * 1000);
        seller = { at: updDt, contents: '個人情報を含むため非表示にしました', version };
      }
      insertInquiry.run({
        question_no: questionNo,
        shop_id: shop.shopId,
        inq_type: d.inqType,
        via_myqoo10: d.viaMyqoo10 ? 1 : 0,
        status: finalStatus(rng, d, last),
        category: d.category,
        title: d.title,
        cust_id: d.custId,
        cust_nm: d.custNm,
        receiver: shop.sellerNm,
        item_no: d.itemNo,
        item_nm: d.itemNm,
        item_category: d.itemCategory,
        seller_code: d.sellerCode,
        order_no: d.orderNo,
        cart_no: d.cartNo,
        inq_dt: start,
        ans_dt: answered?.at ?? null,
        upd_dt: updDt,
        hidden: hidden ? 1 : 0,
        version,
        change_seq: -questionNo,
        last_buyer_seq: lastBuyer.seq,
        last_buyer_dt: lastBuyer.at,
        seller_version: seller?.version ?? 0,
        seller_by: seller === null ? null : shop.sellerNm,
        seller_dt: seller?.at ?? null,
        seller_contents: seller?.contents ?? null,
      });
      const order = feedOrder.get(shop.shopId) ?? [];
      order.push({ updDt, questionNo });
      feedOrder.set(shop.shopId, order);
    });
    assignChangeSequence(db, feedOrder);
    createContentIndexes(db);
  })();
  return { inquiries: opts.inquiries, messages: messageCount };
}

/** The feed replays history in the order things last changed, as a live server would have. */
function assignChangeSequence(
  db: Db,
  feedOrder: Map<string, { updDt: number; questionNo: number }[]>,
): void {
  const setSeq = db.prepare('UPDATE inquiries SET change_seq = ? WHERE question_no = ?');
  const setShop = db.prepare('UPDATE shops SET change_seq = ? WHERE shop_id = ?');
  for (const [shopId, rows] of feedOrder) {
    rows.sort((a, b) => a.updDt - b.updDt || a.questionNo - b.questionNo);
    rows.forEach((r, i) => setSeq.run(i + 1, r.questionNo));
    setShop.run(rows.length, shopId);
  }
}
