// The shop (or 'all') the seller last worked in, per account: a restored login opens there
// instead of asking again, so the list is on screen as the app starts. Kept as a settings row
// (`lastShop:<accountId>`); getSettings skips keys it does not know.
import type { Database } from '../db/open.js';
import { stmt } from '../db/statements.js';
import { putSettingRow } from './settings.js';

const key = (accountId: number): string => `lastShop:${accountId}`;

export function rememberShop(db: Database, accountId: number, shopId: string): void {
  putSettingRow(db, key(accountId), shopId);
}

export function lastShop(db: Database, accountId: number): string | null {
  const value = stmt<[string], { value: string }>(
    db,
    'SELECT value FROM settings WHERE key = ?',
  ).get(key(accountId))?.value;
  if (value === undefined) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'string' ? parsed : null;
  } catch {
    return null;
  }
}
