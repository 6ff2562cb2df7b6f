// Accounts (one per login user and server) and the shops each can reach.
import type { LoginLocation, Shop } from '../../../shared/domain.js';
import type { Database } from '../db/open.js';
import { inTransaction, stmt } from '../db/statements.js';

export interface AccountInput {
  user: string;
  serverUrl: string;
  location: LoginLocation;
  adapter: 'qpost' | 'qapi';
}

/** Creates or updates the account for (user, serverUrl) and returns its id. */
export function upsertAccount(db: Database, a: AccountInput): number {
  const row = stmt<[string, string, string, string], { id: number }>(
    db,
    `INSERT INTO accounts (user, server_url, location, adapter) VALUES (?, ?, ?, ?)
     ON CONFLICT (user, server_url) DO UPDATE SET location = excluded.location,
       adapter = excluded.adapter
     RETURNING id`,
  ).get(a.user, a.serverUrl, a.location, a.adapter);
  if (row === undefined) throw new Error('account upsert returned no row');
  return row.id;
}

/**
 * Makes `shops` the account's shop list. A shop the remote no longer lists is removed with its
 * cached inquiries (foreign-key cascade): the login has lost access to it. A shop seen before
 * under another account moves to this one, keeping its cache.
 */
export function replaceShops(db: Database, accountId: number, shops: readonly Shop[]): void {
  inTransaction(db, () => {
    const upsert = stmt(
      db,
      `INSERT INTO shops (id, account_id, name) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET account_id = excluded.account_id, name = excluded.name`,
    );
    for (const s of shops) upsert.run(s.id, accountId, s.name);
    stmt(
      db,
      `DELETE FROM shops WHERE account_id = ? AND id NOT IN (SELECT value FROM json_each(?))`,
    ).run(accountId, JSON.stringify(shops.map((s) => s.id)));
  });
}

export function listShops(db: Database, accountId: number): Shop[] {
  return stmt<[number], Shop>(
    db,
    'SELECT id, name FROM shops WHERE account_id = ? ORDER BY name, id',
  ).all(accountId);
}
