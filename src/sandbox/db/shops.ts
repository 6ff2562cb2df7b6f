// Shops belong to exactly one account; every shop-scoped call goes through here, which is what
// keeps one seller from ever seeing another seller's shops.
import type { ShopRow } from '../../shared/qapi.js';
import { QapiError } from '../envelope.js';
import type { Db } from './schema.js';

export interface ShopRecord {
  shop_id: string;
  account_id: number;
  name: string;
  seller_nm: string;
  change_seq: number;
}

export interface ShopSeed {
  id: string;
  name: string;
  sellerNm: string;
}

export function insertShop(db: Db, accountId: number, position: number, s: ShopSeed): void {
  db.prepare(
    'INSERT INTO shops(shop_id, account_id, position, name, seller_nm) VALUES (?, ?, ?, ?, ?)',
  ).run(s.id, accountId, position, s.name, s.sellerNm);
}

export function listShops(db: Db, accountId: number): ShopRow[] {
  return db
    .prepare(
      'SELECT shop_id AS SHOP_ID, name AS SHOP_NM FROM shops WHERE account_id = ? ORDER BY position',
    )
    .all(accountId) as ShopRow[];
}

/** The shop, if it exists and belongs to the account; a foreign shop looks like no shop. */
export function ownShop(db: Db, accountId: number, shopId: string): ShopRecord {
  const shop = db
    .prepare('SELECT shop_id, account_id, name, seller_nm, change_seq FROM shops WHERE shop_id = ?')
    .get(shopId) as ShopRecord | undefined;
  if (shop?.account_id !== accountId) {
    throw new QapiError('SHOP_NOT_FOUND', `no shop "${shopId}" for this key`, { SHOP_ID: shopId });
  }
  return shop;
}

/** Public QAPI keys carry no shop: they act on the account's first shop. */
export function firstShop(db: Db, accountId: number): ShopRecord {
  const shop = db
    .prepare(
      'SELECT shop_id, account_id, name, seller_nm, change_seq FROM shops WHERE account_id = ? ORDER BY position LIMIT 1',
    )
    .get(accountId) as ShopRecord | undefined;
  if (shop === undefined) throw new QapiError('SHOP_NOT_FOUND', 'this account has no shop');
  return shop;
}

/** Takes the shop's next change sequence number (call inside the write's transaction). */
export function nextChangeSeq(db: Db, shopId: string): number {
  const row = db
    .prepare('UPDATE shops SET change_seq = change_seq + 1 WHERE shop_id = ? RETURNING change_seq')
    .get(shopId) as { change_seq: number };
  return row.change_seq;
}
