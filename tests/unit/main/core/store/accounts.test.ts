import { describe, expect, it } from 'vitest';
import {
  listShops,
  replaceShops,
  upsertAccount,
} from '../../../../../src/main/core/store/accounts.js';
import { applyThreads } from '../../../../../src/main/core/store/inquiries.js';
import { tempDb } from '../db/temp-db.js';
import { thread } from './builders.js';

const account = {
  user: 'demo',
  serverUrl: 'http://127.0.0.1:1',
  location: 'sandbox',
  adapter: 'qpost',
} as const;

describe('accounts and shops', () => {
  it('upserts an account by user and server', () => {
    const db = tempDb();
    const id = upsertAccount(db, account);
    expect(upsertAccount(db, { ...account, adapter: 'qapi', location: 'japan' })).toBe(id);
    expect(db.prepare('SELECT adapter, location FROM accounts').all()).toEqual([
      { adapter: 'qapi', location: 'japan' },
    ]);
    expect(upsertAccount(db, { ...account, serverUrl: 'http://127.0.0.1:2' })).not.toBe(id);
  });

  it('replaces the shop list, dropping shops no longer listed with their cache', () => {
    const db = tempDb();
    const id = upsertAccount(db, account);
    replaceShops(db, id, [
      { id: 's1', name: 'B shop' },
      { id: 's2', name: 'A shop' },
    ]);
    expect(listShops(db, id)).toEqual([
      { id: 's2', name: 'A shop' },
      { id: 's1', name: 'B shop' },
    ]);
    applyThreads(db, [thread(1, { shopId: 's1' }), thread(2, { shopId: 's2' })]);
    replaceShops(db, id, [{ id: 's2', name: 'A shop renamed' }]);
    expect(listShops(db, id)).toEqual([{ id: 's2', name: 'A shop renamed' }]);
    expect(db.prepare('SELECT id FROM inquiries').pluck().all()).toEqual(['s2:2']);
  });

  it('moves a shop to another account without losing its cache', () => {
    const db = tempDb();
    const first = upsertAccount(db, account);
    const second = upsertAccount(db, { ...account, user: 'staff2' });
    replaceShops(db, first, [{ id: 's1', name: 'Shop' }]);
    applyThreads(db, [thread(1, { shopId: 's1' })]);
    replaceShops(db, second, [{ id: 's1', name: 'Shop' }]);
    expect(listShops(db, first)).toEqual([]);
    expect(listShops(db, second)).toEqual([{ id: 's1', name: 'Shop' }]);
    expect(db.prepare('SELECT count(*) FROM inquiries').pluck().get()).toBe(1);
  });
});
