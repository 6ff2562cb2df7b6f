// Small hand-made records for store tests.
import type { Database } from '../../../../../src/main/core/db/open.js';
import { replaceShops, upsertAccount } from '../../../../../src/main/core/store/accounts.js';
import type { MessageRecord, ThreadRecord } from '../../../../../src/main/core/store/types.js';

export const T0 = Date.UTC(2026, 10, 1, 3, 0, 0); // 2026-11-01 12:00 JST
export const HOUR = 3_600_000;

export function message(seqNo: number, over: Partial<MessageRecord> = {}): MessageRecord {
  return {
    seqNo,
    author: seqNo % 2 === 1 ? 'buyer' : 'seller',
    from: 'from',
    to: 'to',
    title: 'title',
    body: `body ${seqNo}`,
    sentAt: T0 + seqNo * HOUR,
    attachments: [],
    ...over,
  };
}

export function thread(questionNo: number, over: Partial<ThreadRecord> = {}): ThreadRecord {
  return {
    shopId: 'shopA',
    questionNo,
    inqType: 'MSG',
    viaMyQoo10: false,
    status: 'S1',
    category: 'shipping',
    title: `Question ${questionNo}`,
    buyerId: 'buyer1',
    buyerName: '山田花子',
    receiver: 'staff',
    itemNo: '1000001',
    itemName: '保湿クリーム',
    itemCategory: 'cosmetics',
    sellerCode: 'SC-1',
    orderNo: '500000001',
    cartNo: '900001',
    receivedAt: T0,
    answeredAt: null,
    updatedAt: T0,
    hidden: false,
    version: 1,
    messages: [message(1)],
    complete: true,
    ...over,
  };
}

/** An account with shops A, B, C (names "Shop A"…). */
export function seedShops(db: Database, ids = ['shopA', 'shopB', 'shopC']): number {
  const accountId = upsertAccount(db, {
    user: 'demo',
    serverUrl: 'http://127.0.0.1:8787',
    location: 'sandbox',
    adapter: 'qpost',
  });
  replaceShops(
    db,
    accountId,
    ids.map((id) => ({ id, name: `Shop ${id.slice(-1)}` })),
  );
  return accountId;
}
