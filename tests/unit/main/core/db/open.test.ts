import { join } from 'node:path';
import { rmSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../../../../src/main/core/db/open.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../../../src/main/core/db/migrations/index.js';
import { AppFailure } from '../../../../../src/shared/errors.js';
import { tempDir } from './temp-db.js';

function schemaObjects(db: BetterSqlite3.Database): string[] {
  return db
    .prepare<[], { name: string }>(
      "SELECT type || ':' || name AS name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY 1",
    )
    .all()
    .map((r) => r.name);
}

function withDir<T>(fn: (path: string) => T): T {
  const dir = tempDir();
  try {
    return fn(join(dir, 'cache.db'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('openDatabase', () => {
  it('sets the connection pragmas', () => {
    withDir((path) => {
      const db = openDatabase(path);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
      db.close();
    });
  });

  it('migration 1 creates the cache tables', () => {
    withDir((path) => {
      const db = openDatabase(path, MIGRATIONS.slice(0, 1));
      expect(schemaVersion(db)).toBe(1);
      const objects = schemaObjects(db);
      for (const t of [
        'accounts',
        'shops',
        'inquiries',
        'messages',
        'attachments',
        'templates',
        'drafts',
        'outbox',
        'sync_state',
        'settings',
      ]) {
        expect(objects).toContain(`table:${t}`);
      }
      expect(objects).toContain('index:outbox_pending');
      expect(objects).not.toContain('table:inquiry_fts');
      db.close();
    });
  });

  it('migration 2 adds the search indexes and the trigram FTS table on top of 1', () => {
    withDir((path) => {
      openDatabase(path, MIGRATIONS.slice(0, 1)).close();
      const db = openDatabase(path, MIGRATIONS.slice(0, 2));
      expect(schemaVersion(db)).toBe(2);
      const objects = schemaObjects(db);
      for (const o of [
        'index:inquiries_scope_received',
        'index:inquiries_scope_answered',
        'index:inquiries_status',
        'index:inquiries_item_no',
        'index:inquiries_order_no',
        'table:inquiry_fts',
        'table:inquiry_fts_terms',
        'trigger:inquiries_fts_delete',
      ]) {
        expect(objects).toContain(o);
      }
      const sql = db
        .prepare<[], { sql: string }>("SELECT sql FROM sqlite_schema WHERE name = 'inquiry_fts'")
        .get()!.sql;
      expect(sql).toContain('trigram');
      db.close();
    });
  });

  it('migration 3 indexes open outbox actions so finding an inquiry’s head uses it', () => {
    withDir((path) => {
      openDatabase(path, MIGRATIONS.slice(0, 2)).close();
      const db = openDatabase(path, MIGRATIONS.slice(0, 3));
      expect(schemaVersion(db)).toBe(3);
      expect(schemaObjects(db)).toContain('index:outbox_open');
      const plan = db
        .prepare<[], { detail: string }>(
          `EXPLAIN QUERY PLAN SELECT min(seq) FROM outbox WHERE inquiry_id = 'a:1'
           AND state IN ('queued', 'sending', 'failed', 'conflict')`,
        )
        .all()
        .map((r) => r.detail)
        .join('\n');
      expect(plan).toContain('outbox_open');
      db.close();
    });
  });

  it('migration 4 indexes the search facets of inquiries already cached', () => {
    withDir((path) => {
      const v3 = openDatabase(path, MIGRATIONS.slice(0, 3));
      v3.exec(`INSERT INTO accounts (id, user, server_url, location, adapter)
                 VALUES (1, 'u', 'http://127.0.0.1:1', 'sandbox', 'qpost');
               INSERT INTO shops (id, account_id, name) VALUES ('s', 1, 'S');
               INSERT INTO inquiries (id, shop_id, question_no, inq_type, source, question_type,
                 status, category, title, buyer_id, buyer_name, receiver, received_at,
                 updated_at, version)
               VALUES ('s:1', 's', 1, 'MSG', 'qoo10', 'general', 'S1', 'other', 't', 'b', 'B',
                 'r', 0, 0, 1);
               ANALYZE;
               -- statistics as PRAGMA optimize left them on a 100k-inquiry benchmark db
               DELETE FROM sqlite_stat1 WHERE tbl = 'inquiries';
               INSERT INTO sqlite_stat1 VALUES
                 ('inquiries', 'inquiries_scope_received', '100000 2001 1 1 1 1 1 1 1'),
                 ('inquiries', 'inquiries_status', '100000 2001 2001 1 1 1 1 1 1'),
                 ('inquiries', 'sqlite_autoindex_inquiries_2', '100000 2001 1'),
                 ('inquiries', 'sqlite_autoindex_inquiries_1', '100000 1'),
                 ('inquiries', 'inquiries_scope_answered', '53547 2001 1 1 1 1 1 1 1'),
                 ('inquiries', 'inquiries_item_no', '79978 2001 14 1 1'),
                 ('inquiries', 'inquiries_order_no', '69884 2001 1 1 1');`);
      v3.close();
      const db = openDatabase(path, MIGRATIONS.slice(0, 4));
      expect(schemaVersion(db)).toBe(4);
      expect(schemaObjects(db)).toContain('index:inquiries_facets');
      const count = `SELECT count(*) AS n FROM inquiries
                     WHERE shop_id = 's' AND source IN ('customer', 'qoo10') AND question_type = 'general'`;
      const plan = db
        .prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${count}`)
        .all()
        .map((r) => r.detail)
        .join('\n');
      expect(plan).toContain('inquiries_facets');
      expect(db.prepare<[], { n: number }>(count).get()?.n).toBe(1);
      // Statistics taken before the index are dropped, also from what the migrating connection
      // loaded: a shop's page still walks its date index.
      const stats = db
        .prepare<[], { n: number }>(
          "SELECT count(*) AS n FROM sqlite_schema WHERE name IN ('sqlite_stat1', 'sqlite_stat4')",
        )
        .get();
      expect(stats?.n).toBe(0);
      const page = db
        .prepare<[], { detail: string }>(
          `EXPLAIN QUERY PLAN SELECT rowid, received_at FROM inquiries WHERE shop_id = 's'
           ORDER BY received_at DESC, rowid DESC LIMIT 101`,
        )
        .all()
        .map((r) => r.detail)
        .join('\n');
      expect(page).toContain('inquiries_scope_received');
      db.close();
    });
  });

  it('migration 5 makes FTS5 merge segments less eagerly in a cache that holds documents', () => {
    withDir((path) => {
      const automerge = (db: BetterSqlite3.Database) =>
        db.prepare("SELECT v FROM inquiry_fts_config WHERE k = 'automerge'").pluck().get();
      const v4 = openDatabase(path, MIGRATIONS.slice(0, 4));
      expect(automerge(v4)).toBeUndefined(); // FTS5's default, 4
      // Ten segments: one per transaction.
      for (let i = 1; i <= 10; i++) {
        v4.prepare('INSERT INTO inquiry_fts (rowid, doc) VALUES (?, ?)').run(i, `配送の件 ${i} `);
      }
      v4.close();
      const db = openDatabase(path, MIGRATIONS.slice(0, 5));
      expect(schemaVersion(db)).toBe(5);
      expect(automerge(db)).toBe(8);
      const hits = db
        .prepare(
          'SELECT rowid FROM inquiry_fts WHERE inquiry_fts MATCH \'"配送の"\' ORDER BY rowid',
        )
        .pluck()
        .all();
      expect(hits).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      db.close();
    });
  });

  it('re-opening an up-to-date database changes nothing', () => {
    withDir((path) => {
      const first = openDatabase(path);
      first.exec("INSERT INTO settings (key, value) VALUES ('k', '\"v\"')");
      const before = schemaObjects(first);
      first.close();
      const again = openDatabase(path);
      expect(schemaObjects(again)).toEqual(before);
      expect(schemaVersion(again)).toBe(SCHEMA_VERSION);
      expect(again.prepare('SELECT value FROM settings').pluck().get()).toBe('"v"');
      again.close();
    });
  });

  it('refuses a database from a newer build with DB_TOO_NEW and leaves it untouched', () => {
    withDir((path) => {
      const raw = new BetterSqlite3(path);
      raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
      raw.close();
      let error: unknown;
      try {
        openDatabase(path);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppFailure);
      expect((error as AppFailure).code).toBe('DB_TOO_NEW');
      expect((error as AppFailure).details).toEqual({
        found: SCHEMA_VERSION + 1,
        supported: SCHEMA_VERSION,
      });
      const check = new BetterSqlite3(path);
      expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
      expect(schemaObjects(check)).toEqual([]);
      check.close();
    });
  });

  it('rolls a failing migration back and keeps the previous version', () => {
    withDir((path) => {
      const broken = [
        ...MIGRATIONS.slice(0, 1),
        { version: 2, name: 'broken', sql: 'CREATE TABLE x (a); SELECT nope FROM missing;' },
      ];
      expect(() => openDatabase(path, broken)).toThrow();
      const db = openDatabase(path, MIGRATIONS.slice(0, 1));
      expect(schemaVersion(db)).toBe(1);
      expect(schemaObjects(db)).not.toContain('table:x');
      db.close();
    });
  });
});
