// Migration 1: the whole cache. Times are epoch milliseconds (INTEGER) so range filters and
// sorting are integer comparisons; the API layer turns them into ISO-8601 strings.
export const migration001 = {
  version: 1,
  name: 'initial',
  sql: /* sql */ `
CREATE TABLE accounts (
  id          INTEGER PRIMARY KEY,
  user        TEXT NOT NULL,
  server_url  TEXT NOT NULL,
  location    TEXT NOT NULL,
  adapter     TEXT NOT NULL CHECK (adapter IN ('qpost', 'qapi')),
  UNIQUE (user, server_url)
);

CREATE TABLE shops (
  id          TEXT PRIMARY KEY,
  account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  name        TEXT NOT NULL
);
CREATE INDEX shops_account ON shops (account_id);

-- One row per conversation (Qoo10 QUESTION_NO within a shop).
CREATE TABLE inquiries (
  rowid          INTEGER PRIMARY KEY,
  id             TEXT NOT NULL UNIQUE,              -- "<shopId>:<questionNo>"
  shop_id        TEXT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  question_no    INTEGER NOT NULL,
  inq_type       TEXT NOT NULL CHECK (inq_type IN ('MSG', 'HELP', 'ITEM')),
  source         TEXT NOT NULL CHECK (source IN ('customer', 'qoo10')),
  question_type  TEXT NOT NULL CHECK (question_type IN ('general', 'customer', 'product')),
  status         TEXT NOT NULL CHECK (status IN ('S1', 'S2', 'S3')),
  category       TEXT NOT NULL,
  title          TEXT NOT NULL,
  buyer_id       TEXT NOT NULL,
  buyer_name     TEXT NOT NULL,
  receiver       TEXT NOT NULL,
  item_no        TEXT,
  item_name      TEXT,
  item_category  TEXT,
  seller_code    TEXT,
  order_no       TEXT,
  cart_no        TEXT,
  received_at    INTEGER NOT NULL,
  answered_at    INTEGER,
  updated_at     INTEGER NOT NULL,
  last_buyer_at  INTEGER,                           -- latest buyer message (overdue ageing)
  reply_seq_no   INTEGER,                           -- latest buyer SEQ_NO (what a reply answers)
  hidden         INTEGER NOT NULL DEFAULT 0,
  version        INTEGER NOT NULL,
  message_count  INTEGER NOT NULL DEFAULT 0,
  snippet        TEXT NOT NULL DEFAULT '',
  UNIQUE (shop_id, question_no)
);

CREATE TABLE messages (
  inquiry_rowid  INTEGER NOT NULL REFERENCES inquiries (rowid) ON DELETE CASCADE,
  seq_no         INTEGER NOT NULL,
  author         TEXT NOT NULL CHECK (author IN ('buyer', 'seller', 'qoo10')),
  from_name      TEXT NOT NULL,
  to_name        TEXT NOT NULL,
  title          TEXT NOT NULL,
  body           TEXT NOT NULL,
  sent_at        INTEGER NOT NULL,
  PRIMARY KEY (inquiry_rowid, seq_no)
) WITHOUT ROWID;

-- Metadata only; the bytes live in the cache directory once downloaded.
CREATE TABLE attachments (
  id             TEXT PRIMARY KEY,
  inquiry_rowid  INTEGER REFERENCES inquiries (rowid) ON DELETE CASCADE,
  seq_no         INTEGER,
  file_name      TEXT NOT NULL,
  mime           TEXT NOT NULL,
  size           INTEGER NOT NULL,
  local_path     TEXT
);
CREATE INDEX attachments_message ON attachments (inquiry_rowid, seq_no);

CREATE TABLE templates (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  body        TEXT NOT NULL,
  built_in    INTEGER NOT NULL DEFAULT 0,
  sort        INTEGER NOT NULL DEFAULT 0,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);

CREATE TABLE drafts (
  inquiry_id  TEXT PRIMARY KEY,
  title       TEXT NOT NULL,
  body        TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('S2', 'S3')),
  updated_at  INTEGER NOT NULL
);

-- Durable outbox: written in the same transaction as the optimistic local effect.
CREATE TABLE outbox (
  seq              INTEGER PRIMARY KEY AUTOINCREMENT, -- delivery order
  id               TEXT NOT NULL UNIQUE,
  request_id       TEXT NOT NULL UNIQUE,
  inquiry_id       TEXT NOT NULL,
  shop_id          TEXT NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('reply', 'autoReply', 'hide')),
  state            TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'conflict', 'cancelled')),
  payload          TEXT NOT NULL,                     -- JSON of the action's fields
  base_version     INTEGER NOT NULL,                  -- inquiry version the seller saw
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  INTEGER NOT NULL DEFAULT 0,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  error_code       TEXT,
  error_message    TEXT,
  conflict         TEXT,                              -- JSON: who answered instead
  result           TEXT                               -- JSON: the server's answer once sent
);
CREATE INDEX outbox_pending ON outbox (state, next_attempt_at) WHERE state IN ('queued', 'sending');
CREATE INDEX outbox_inquiry ON outbox (inquiry_id, seq);

CREATE TABLE sync_state (
  shop_id       TEXT PRIMARY KEY REFERENCES shops (id) ON DELETE CASCADE,
  cursor        TEXT,
  full_done     INTEGER NOT NULL DEFAULT 0,
  last_sync_at  INTEGER,
  last_error    TEXT
);

CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
);
`,
} as const;
