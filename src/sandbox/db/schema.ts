// The sandbox's own SQLite schema. Times are epoch milliseconds; the wire turns them into JST.
// The file is the sandbox's whole state, so a restart on the same file continues where it was.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';

export type Db = Database.Database;

const SCHEMA_VERSION = 1;

const DDL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS accounts (
  id INTEGER PRIMARY KEY,
  user_id TEXT NOT NULL UNIQUE COLLATE NOCASE,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  api_key_hash TEXT NOT NULL UNIQUE,
  pwd_hash TEXT NOT NULL,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS seller_keys (
  key_hash TEXT PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  issued_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS shops (
  shop_id TEXT PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  seller_nm TEXT NOT NULL,
  change_seq INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS inquiries (
  question_no INTEGER PRIMARY KEY,
  shop_id TEXT NOT NULL REFERENCES shops(shop_id),
  inq_type TEXT NOT NULL,
  via_myqoo10 INTEGER NOT NULL,
  status TEXT NOT NULL,
  category TEXT NOT NULL,
  title TEXT NOT NULL,
  cust_id TEXT NOT NULL,
  cust_nm TEXT NOT NULL,
  receiver TEXT NOT NULL,
  item_no TEXT, item_nm TEXT, item_category TEXT, seller_code TEXT,
  order_no TEXT, cart_no TEXT,
  inq_dt INTEGER NOT NULL,
  ans_dt INTEGER,
  upd_dt INTEGER NOT NULL,
  hidden INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL,
  change_seq INTEGER NOT NULL,
  last_buyer_seq INTEGER NOT NULL,
  last_buyer_dt INTEGER NOT NULL,
  -- the latest seller-side action (reply, auto reply, hide): what a CONFLICT reports
  seller_version INTEGER NOT NULL DEFAULT 0,
  seller_by TEXT, seller_dt INTEGER, seller_contents TEXT
);
CREATE TABLE IF NOT EXISTS messages (
  seq_no INTEGER PRIMARY KEY,
  question_no INTEGER NOT NULL,
  author TEXT NOT NULL,
  from_nm TEXT NOT NULL,
  to_nm TEXT NOT NULL,
  title TEXT NOT NULL,
  contents TEXT NOT NULL,
  send_dt INTEGER NOT NULL,
  request_id TEXT
);
CREATE TABLE IF NOT EXISTS attachments (
  file_id TEXT PRIMARY KEY,
  account_id INTEGER NOT NULL,
  question_no INTEGER,
  seq_no INTEGER,
  file_nm TEXT NOT NULL,
  mime TEXT NOT NULL,
  size INTEGER NOT NULL,
  bytes BLOB,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS requests (
  account_id INTEGER NOT NULL,
  request_id TEXT NOT NULL,
  method TEXT NOT NULL,
  question_no INTEGER NOT NULL,
  result TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (account_id, request_id)
);
CREATE TABLE IF NOT EXISTS restrictions (
  shop_id TEXT NOT NULL,
  item_no TEXT NOT NULL,
  cust_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (shop_id, item_no, cust_id)
);
CREATE TABLE IF NOT EXISTS mails (
  id INTEGER PRIMARY KEY,
  shop_id TEXT NOT NULL,
  question_no INTEGER NOT NULL,
  from_addr TEXT NOT NULL,
  to_addr TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  sent_at INTEGER NOT NULL
);
`;

/**
 * Indexes over generated content. The bulk generator drops and rebuilds them around its
 * inserts, which is much faster than maintaining them row by row.
 */
const CONTENT_INDEXES = [
  'CREATE UNIQUE INDEX IF NOT EXISTS inquiries_feed ON inquiries(shop_id, change_seq)',
  'CREATE INDEX IF NOT EXISTS inquiries_window ON inquiries(shop_id, status, last_buyer_dt)',
  'CREATE INDEX IF NOT EXISTS messages_thread ON messages(question_no, seq_no)',
  'CREATE INDEX IF NOT EXISTS messages_request ON messages(request_id) WHERE request_id IS NOT NULL',
  'CREATE INDEX IF NOT EXISTS attachments_thread ON attachments(question_no) WHERE question_no IS NOT NULL',
];

const indexName = (sql: string): string => /INDEX IF NOT EXISTS (\w+)/.exec(sql)?.[1] ?? '';

export function dropContentIndexes(db: Db): void {
  for (const sql of CONTENT_INDEXES) db.exec(`DROP INDEX IF EXISTS ${indexName(sql)}`);
}

export function createContentIndexes(db: Db): void {
  for (const sql of CONTENT_INDEXES) db.exec(sql);
}

/** Tables that hold generated content; a reset empties exactly these. */
export const CONTENT_TABLES = [
  'inquiries',
  'messages',
  'attachments',
  'requests',
  'restrictions',
  'mails',
] as const;

export function openDb(path: string): Db {
  const db = new Database(path);
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    db.close();
    throw new Error(`sandbox db ${path} has schema ${version}, newer than this sandbox`);
  }
  db.exec(DDL);
  createContentIndexes(db);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
  if (getMeta(db, 'feed_secret') === undefined) renewFeedEpoch(db);
  return db;
}

export function getMeta(db: Db, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare(
    'INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

/**
 * Every change-feed cursor is signed with this secret; a new one (on reset) makes all cursors
 * issued before unknown, so clients get RESYNC_REQUIRED instead of silently skipping data.
 */
export function renewFeedEpoch(db: Db): void {
  setMeta(db, 'feed_secret', randomBytes(16).toString('hex'));
}
