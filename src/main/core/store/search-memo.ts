// What a connection remembers between searches: the last text filter's matches (in
// temp.search_hits) and the totals counted with them, until the database changes. The next page
// of the same search, or the same search again, then skips the lookup and the count.
import type { Database } from '../db/open.js';
import { stmt } from '../db/statements.js';
import type { Counted, SearchPlan } from './search-plan.js';
import { anyTermMatch, MAX_OR_TERMS, TEXT_SQL, type TextMatch } from './search-sql.js';

export interface Memo {
  /** PRAGMA data_version and total_changes() after this connection's last search. */
  version: string;
  /** Which text temp.search_hits holds, and how many matches. */
  hitsKey: string | null;
  hits: number;
  /** Totals by query (without cursor, limit and sort). */
  counts: Map<string, Counted>;
}

const MAX_COUNTS = 32;
const memos = new WeakMap<Database, Memo>();

/** Drops what searches remember (the next search looks everything up again). */
export function forgetSearchCache(db: Database): void {
  memos.delete(db);
}

export function memoOf(db: Database): Memo {
  let memo = memos.get(db);
  if (memo === undefined) {
    memo = { version: '', hitsKey: null, hits: 0, counts: new Map() };
    memos.set(db, memo);
  }
  return memo;
}

/**
 * data_version changes when another connection commits; total_changes() counts every row this
 * connection wrote (triggers included). Equal to what the last search saw: nothing changed.
 */
export function dbVersion(db: Database): string {
  const dataVersion = stmt<[], { data_version: number }>(db, 'PRAGMA main.data_version').get();
  const changes = stmt<[], { n: number }>(db, 'SELECT total_changes() AS n').get();
  return `${String(dataVersion?.data_version)}:${String(changes?.n)}`;
}

/** Forgets what the database changed under; returns the version it is checked at. */
export function checkMemo(db: Database, memo: Memo): string {
  const version = dbVersion(db);
  if (version === memo.version) {
    if (memo.counts.size > MAX_COUNTS) memo.counts.clear();
    return version;
  }
  memo.hitsKey = null;
  memo.counts.clear();
  return version;
}

const withTempTables = new WeakSet<Database>();

/** Creates the per-connection temp tables the text filter uses (searchStatements reads them). */
export function ensureSearchHits(db: Database): void {
  if (withTempTables.has(db)) return;
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS search_hits (rowid INTEGER PRIMARY KEY);
           CREATE VIRTUAL TABLE IF NOT EXISTS temp.inquiry_fts_rows
             USING fts5vocab (main, inquiry_fts, 'row');`);
  withTempTables.add(db);
}

/**
 * Whether `text` is a short text that starts no indexed trigram, and so matches nothing. One
 * statement answers that, consistent on its own: a search can return before its transaction.
 */
export function startsNoTerm(
  db: Database,
  text: TextMatch,
  shortText: SearchPlan['shortText'],
): boolean {
  if (text.kind !== 'prefix' || shortText === 'instances') return false;
  return stmt(db, TEXT_SQL.anyPrefixInstance).get(...text.range) === undefined;
}

/**
 * Fills temp.search_hits with the text's matches (unless it holds them already). Returns how
 * many, and whether the table was written (which changes the connection's total_changes()).
 * A short text that starts no indexed trigram matches nothing: the table is left as it is, as
 * nothing reads it for a search of no matches.
 */
export function textHits(
  db: Database,
  text: TextMatch,
  memo: Memo | null,
  shortText: SearchPlan['shortText'],
): { hits: number; wrote: boolean } {
  const key = JSON.stringify([text, shortText]);
  if (memo?.hitsKey === key) return { hits: memo.hits, wrote: false };
  ensureSearchHits(db);
  const fill = (select: string, ...params: unknown[]): { hits: number; wrote: boolean } => {
    stmt(db, 'DELETE FROM temp.search_hits').run();
    const hits = stmt(db, `INSERT INTO temp.search_hits (rowid) ${select}`).run(...params).changes;
    return { hits, wrote: true };
  };
  let found: { hits: number; wrote: boolean };
  if (text.kind === 'phrase') found = fill(TEXT_SQL.phrase, text.phrase);
  else {
    const terms =
      shortText === 'instances'
        ? null
        : stmt<unknown[], { term: string }>(db, TEXT_SQL.prefixTerms)
            .all(...text.range)
            .map((r) => r.term);
    if (terms !== null && terms.length === 0) found = { hits: 0, wrote: false };
    else if (terms !== null && (terms.length <= MAX_OR_TERMS || shortText === 'or'))
      found = fill(TEXT_SQL.phrase, anyTermMatch(terms));
    else found = fill(TEXT_SQL.prefixInstances, ...text.range);
  }
  if (memo !== null) {
    memo.hitsKey = key;
    memo.hits = found.hits;
  }
  return found;
}
