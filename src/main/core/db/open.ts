// Opening the cache: pragmas, then the forward-only migrations. A database written by a newer
// build is refused rather than guessed at: its tables may mean things this build does not know.
import BetterSqlite3 from 'better-sqlite3';
import { AppFailure } from '../../../shared/errors.js';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations/index.js';

export type Database = BetterSqlite3.Database;
type Db = Database;

/**
 * Checkpoints run inside whichever commit crosses the threshold, blocking the thread for the
 * copy and two fsyncs. Half the default (1000 pages) halves the longest such stall at about the
 * same total cost. (A bulk sync moves them to another thread: sync/wal-checkpointer.ts.)
 */
export const WAL_AUTOCHECKPOINT_PAGES = 500;

export function openDatabase(
  path: string,
  migrations: readonly Migration[] = MIGRATIONS,
): Database {
  const db = new BetterSqlite3(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // The default 2 MB page cache thrashes once the inquiry indexes outgrow it (~20k rows).
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    // Another process (the CLI next to the app) may hold the write lock for a moment.
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

export function schemaVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }));
}

function migrate(db: Db, migrations: readonly Migration[]): void {
  const target = migrations.length;
  const current = schemaVersion(db);
  if (current > target) {
    throw new AppFailure(
      'DB_TOO_NEW',
      `database schema version ${current} is newer than this build's ${target}`,
      { found: current, supported: target },
    );
  }
  for (const m of migrations.slice(current)) {
    checkNumbering(m, migrations);
    // Each step commits with its version, so a crash leaves a database at a known step.
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}

function checkNumbering(m: Migration, migrations: readonly Migration[]): void {
  if (migrations.indexOf(m) !== m.version - 1) {
    throw new AppFailure('INTERNAL', `migration ${m.name} is numbered ${m.version} out of order`);
  }
}

export { SCHEMA_VERSION };
