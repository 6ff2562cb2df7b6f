// The fixed accounts every sandbox has. The demo login is documented (README, docs); the second
// account exists so tests can prove one seller never sees another's shops.
import type { AccountSeed } from '../auth.js';
import type { ShopSeed } from '../db/shops.js';

export interface AccountFixture extends AccountSeed {
  shops: ShopSeed[];
}

export const DEMO_ACCOUNT: AccountFixture = {
  userId: 'demo',
  email: 'demo@example.com',
  password: 'demo1234',
  apiKey: 'SANDBOX-KEY',
  shops: [
    { id: '100001', name: 'まめねむ雑貨店', sellerNm: 'mamename' },
    { id: '100002', name: 'Mame Pets 犬服専門店', sellerNm: 'mamepets' },
    { id: '100003', name: '豆寝キッチン', sellerNm: 'mamekitchen' },
  ],
};

export const OTHER_ACCOUNT: AccountFixture = {
  userId: 'other',
  email: 'other@example.com',
  password: 'other1234',
  apiKey: 'SANDBOX-KEY-2',
  shops: [{ id: '200001', name: 'アザー商店', sellerNm: 'othershop' }],
};

export const ACCOUNTS: readonly AccountFixture[] = [DEMO_ACCOUNT, OTHER_ACCOUNT];

/** Share of generated inquiries per shop, in the order above (docs/sandbox-api.md). */
export const SHOP_SHARES: Readonly<Record<string, number>> = {
  '100001': 0.85,
  '100002': 0.07,
  '100003': 0.04,
  '200001': 0.04,
};
