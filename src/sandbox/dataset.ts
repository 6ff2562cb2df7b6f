// The sandbox's data set as a whole: the fixed accounts, the generated content, and reset.
import { insertAccount } from './auth.js';
import { CONTENT_TABLES, getMeta, renewFeedEpoch, setMeta, type Db } from './db/schema.js';
import { insertShop } from './db/shops.js';
import { ACCOUNTS } from './generator/accounts.js';
import { generate } from './generator/generate.js';

export interface DatasetOptions {
  seed: number;
  inquiries: number;
  /** Epoch ms the history is generated relative to. */
  now: number;
}

export interface DatasetInfo extends DatasetOptions {
  messages: number;
  generatedMs: number;
}

const HOUR = 60 * 60 * 1000;

/** Default "now": the current hour, so a day's runs of one seed agree; --now pins it exactly. */
export const defaultNow = (): number => Math.floor(Date.now() / HOUR) * HOUR;

function seedAccounts(db: Db): void {
  for (const account of ACCOUNTS) {
    const id = insertAccount(db, account);
    account.shops.forEach((shop, i) => insertShop(db, id, i + 1, shop));
  }
}

export function hasAccounts(db: Db): boolean {
  return db.prepare('SELECT 1 FROM accounts LIMIT 1').get() !== undefined;
}

/**
 * Replaces all generated content (inquiries, messages, attachments, idempotency records,
 * restrictions, mails) and starts a new feed epoch, so every old cursor needs a resync.
 * With `accounts`, passwords, locks and issued keys go back to the fixtures too.
 */
export function rebuild(db: Db, opts: DatasetOptions & { accounts?: boolean }): DatasetInfo {
  const started = performance.now();
  db.transaction(() => {
    for (const table of CONTENT_TABLES) db.prepare(`DELETE FROM ${table}`).run();
    if (opts.accounts === true || !hasAccounts(db)) {
      db.prepare('DELETE FROM seller_keys').run();
      db.prepare('DELETE FROM shops').run();
      db.prepare('DELETE FROM accounts').run();
      seedAccounts(db);
    }
    db.prepare('UPDATE shops SET change_seq = 0').run();
    renewFeedEpoch(db);
  })();
  const { messages } = generate(db, opts);
  const info: DatasetInfo = {
    ...opts,
    messages,
    generatedMs: Math.round(performance.now() - started),
  };
  setMeta(db, 'dataset', JSON.stringify(info));
  return info;
}

export function datasetInfo(db: Db): DatasetInfo | undefined {
  const raw = getMeta(db, 'dataset');
  return raw === undefined ? undefined : (JSON.parse(raw) as DatasetInfo);
}
