// Search benchmark: every search shape through the store (searchInquiries) next to the same
// query written by hand in bare SQL, timed in the same run on the same database.
//   npx tsx tests/bench/core-search.ts --inquiries 100000 [--db PATH] [--iterations 100]
// With --db, the database is generated there once and kept, so later runs reuse it.
// The core benchmark imports runSearchBench() and prints its rows.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase, type Database } from '../../src/main/core/db/open.js';
import { replaceShops, upsertAccount } from '../../src/main/core/store/accounts.js';
import { applyThreads } from '../../src/main/core/store/inquiries.js';
import {
  ensureSearchHits,
  forgetSearchCache,
  searchInquiries,
  type StoreSearchQuery,
} from '../../src/main/core/store/search.js';
import { encodeCursor } from '../../src/main/core/store/search-cursor.js';
import { anyTermMatch, TEXT_SQL } from '../../src/main/core/store/search-sql.js';
import { trigramPrefixRange } from '../../src/main/core/text/search-text.js';
import { jstDayBounds, toIsoJst } from '../../src/shared/jst.js';
import type { ThreadRecord } from '../../src/main/core/store/types.js';
import { summarize, timePair } from './lib/stats.js';
import { syntheticThreads } from '../unit/main/core/store/synthetic.js';

export const BENCH_SHOPS = ['shopA', 'shopB', 'shopC'];
const NOW = Date.UTC(2026, 10, 27);
const SUMMARY = `i.*, s.name AS shop_name, (SELECT count(*) FROM outbox o WHERE o.inquiry_id = i.id
  AND o.state IN ('queued', 'sending', 'failed')) AS pending_count`;

export interface Shape {
  name: string;
  query: StoreSearchQuery;
  /** Hand-written: [count SQL, page SQL, params shared by both]. The page SQL adds LIMIT 101. */
  bare: [string, string, unknown[]];
  /**
   * A 1–2 character query: the range of trigrams starting with it. Each bare run first lists
   * them (as the store must) and passes them as one FTS OR query, the only param; none: no rows.
   */
  trigrams?: [string, string];
  /** Timed as the next page of a search just made (what it remembers may be used). */
  warm?: boolean;
}

function bareShape(
  where: string,
  params: unknown[],
  order = 'i.received_at DESC, i.rowid DESC',
): Shape['bare'] {
  return [
    `SELECT count(*) FROM inquiries i WHERE ${where}`,
    `SELECT ${SUMMARY} FROM inquiries i JOIN shops s ON s.id = i.shop_id WHERE ${where} ORDER BY ${order} LIMIT 101`,
    params,
  ];
}

/** JST calendar day of an instant, as the search filter takes it. */
const jstDay = (ms: number): string => toIsoJst(ms).slice(0, 10);
const quote = (id: string): string => `'${id.replace(/'/g, "''")}'`;

export function searchShapes(db: Database, shops: readonly string[], now: number): Shape[] {
  const first = shops[0] ?? BENCH_SHOPS[0]!;
  const one = [first];
  const s = `i.shop_id = ${quote(first)}`;
  const pick = (col: string): string =>
    db
      .prepare(`SELECT ${col} FROM inquiries i WHERE ${s} AND ${col} IS NOT NULL LIMIT 1`)
      .pluck()
      .get() as string;
  const toDay = jstDay(now);
  const fromDay = jstDay(now - 30 * 24 * 60 * 60 * 1000);
  const [from] = jstDayBounds(fromDay)!;
  const [, to] = jstDayBounds(toDay)!;
  const itemNo = pick('item_no');
  const orderNo = pick('order_no');
  const fts = (q: string): string => `"${q}"`;
  const matchIn = 'i.rowid IN (SELECT rowid FROM inquiry_fts WHERE inquiry_fts MATCH ?)';
  // A 1–2 character query by hand: the trigrams starting with it, then one FTS query matching
  // any of them (see Shape.trigrams).
  const short = (q: string): Pick<Shape, 'bare' | 'trigrams'> => ({
    bare: bareShape(`${s} AND ${matchIn}`, []),
    trigrams: trigramPrefixRange(q),
  });
  const page2 = (where: string, params: unknown[]): [string, unknown[], string] => {
    const last = db
      .prepare(
        `SELECT i.received_at AS at, i.rowid FROM inquiries i WHERE ${where} ORDER BY i.received_at DESC, i.rowid DESC LIMIT 1 OFFSET 99`,
      )
      .get(...params) as { at: number; rowid: number } | undefined;
    const at = last?.at ?? 0;
    const rowid = last?.rowid ?? 0;
    return [
      `${where} AND (i.received_at, i.rowid) < (${at}, ${rowid})`,
      params,
      encodeCursor({ field: 'received', sort: 'newest', at, rowid }),
    ];
  };
  const textJa = `${s} AND ${matchIn}`;
  const [textJa2, textJa2Params, textJaCursor] = page2(textJa, [fts('配送状況')]);
  const all = `i.shop_id IN (${shops.map(quote).join(', ')})`;
  return [
    { name: 'no filter', query: { shopIds: one }, bare: bareShape(s, []) },
    {
      name: 'source',
      query: { shopIds: one, source: 'qoo10' },
      bare: bareShape(`${s} AND i.source = ?`, ['qoo10']),
    },
    {
      name: 'question type',
      query: { shopIds: one, questionType: 'product' },
      bare: bareShape(`${s} AND i.question_type = ?`, ['product']),
    },
    {
      name: 'status',
      query: { shopIds: one, status: 'S1' },
      bare: bareShape(`${s} AND i.status = ?`, ['S1']),
    },
    {
      name: 'category',
      query: { shopIds: one, category: 'return' },
      bare: bareShape(`${s} AND i.category = ?`, ['return']),
    },
    {
      name: 'received 31 days',
      query: { shopIds: one, from: fromDay, to: toDay },
      bare: bareShape(`${s} AND i.received_at BETWEEN ? AND ?`, [from, to]),
    },
    {
      name: 'answered 31 days',
      query: { shopIds: one, dateField: 'answered', from: fromDay, to: toDay },
      bare: bareShape(
        `${s} AND i.answered_at BETWEEN ? AND ?`,
        [from, to],
        'i.answered_at DESC, i.rowid DESC',
      ),
    },
    {
      name: 'product number',
      query: { shopIds: one, itemNo },
      bare: bareShape(`${s} AND i.item_no = ?`, [itemNo]),
    },
    {
      name: 'order number',
      query: { shopIds: one, orderNo },
      bare: bareShape(`${s} AND i.order_no = ?`, [orderNo]),
    },
    {
      name: 'hidden',
      query: { shopIds: one, hidden: true },
      bare: bareShape(`${s} AND i.hidden = 1`, []),
    },
    {
      name: 'text ja (4 chars)',
      query: { shopIds: one, text: '配送状況' },
      bare: bareShape(
        `${s} AND i.rowid IN (SELECT rowid FROM inquiry_fts WHERE inquiry_fts MATCH ?)`,
        [fts('配送状況')],
      ),
    },
    {
      name: 'text ja, next page',
      query: { shopIds: one, text: '配送状況', cursor: textJaCursor },
      // The count runs again in bare SQL; the store remembers it from the first page.
      bare: [
        `SELECT count(*) FROM inquiries i WHERE ${textJa}`,
        `SELECT ${SUMMARY} FROM inquiries i JOIN shops s ON s.id = i.shop_id WHERE ${textJa2} ORDER BY i.received_at DESC, i.rowid DESC LIMIT 101`,
        textJa2Params,
      ],
      warm: true,
    },
    {
      name: 'text zh (4 chars)',
      query: { shopIds: one, text: '什么时候' },
      bare: bareShape(
        `${s} AND i.rowid IN (SELECT rowid FROM inquiry_fts WHERE inquiry_fts MATCH ?)`,
        [fts('什么时候')],
      ),
    },
    {
      name: 'text ja (2 chars)',
      query: { shopIds: one, text: '返品' },
      ...short('返品'),
    },
    {
      name: 'text zh (2 chars)',
      query: { shopIds: one, text: '发货' },
      ...short('发货'),
    },
    {
      name: 'text (1 char)',
      query: { shopIds: one, text: '傘' },
      ...short('傘'),
    },
    {
      name: 'combined',
      query: {
        shopIds: one,
        status: 'S1',
        source: 'customer',
        questionType: 'product',
        from: fromDay,
        to: toDay,
        text: 'サイズ',
      },
      bare: bareShape(
        `${s} AND i.status = 'S1' AND i.source = 'customer' AND i.question_type = 'product' AND i.received_at BETWEEN ? AND ? AND i.rowid IN (SELECT rowid FROM inquiry_fts WHERE inquiry_fts MATCH ?)`,
        [from, to, fts('サイズ')],
      ),
    },
    { name: 'unified inbox', query: { shopIds: shops }, bare: bareShape(all, []) },
    {
      name: 'unified + status',
      query: { shopIds: shops, status: 'S1' },
      bare: bareShape(`${all} AND i.status = 'S1'`, []),
    },
    {
      name: 'unified + text ja',
      query: { shopIds: shops, text: '配送状況' },
      bare: bareShape(
        `${all} AND i.rowid IN (SELECT rowid FROM inquiry_fts WHERE inquiry_fts MATCH ?)`,
        [fts('配送状況')],
      ),
    },
  ];
}

export interface Percentiles {
  p50: number;
  p95: number;
}

export interface SearchBenchRow {
  shape: string;
  total: number;
  store: Percentiles;
  bareSql: Percentiles;
}

function percentiles(samples: number[]): Percentiles {
  const { p50, p95 } = summarize(samples);
  return { p50, p95 };
}

/** A shape's bare SQL as one run: its count, then its page; returns the count. */
function bareSearch(db: Database, shape: Shape): () => number {
  const [countSql, pageSql, params] = shape.bare;
  const count = db.prepare<unknown[], number>(countSql).pluck();
  const page = db.prepare(pageSql);
  const run = (p: unknown[]): number => {
    const n = count.get(...p) ?? 0;
    page.all(...p);
    return n;
  };
  if (shape.trigrams === undefined) return () => run(params);
  ensureSearchHits(db); // creates temp.inquiry_fts_rows
  const terms = db.prepare<[string, string], string>(TEXT_SQL.prefixTerms).pluck();
  const range = shape.trigrams;
  return () => {
    const found = terms.all(...range);
    return found.length === 0 ? 0 : run([anyTermMatch(found)]);
  };
}

/** Times every shape on the database at `dbPath` (made by generateBenchDb or a real sync). */
export function runSearchBench(
  dbPath: string,
  opts: {
    warmup?: number;
    iterations?: number;
    /** Each side runs until it has spent this long too (see timePair). */
    minMs?: number;
    shopIds?: readonly string[];
    now?: number;
  } = {},
): SearchBenchRow[] {
  const now = opts.now ?? NOW;
  const shops = opts.shopIds ?? BENCH_SHOPS;
  const warmup = opts.warmup ?? 10;
  const iterations = opts.iterations ?? 100;
  const minMs = opts.minMs ?? 300;
  const db = openDatabase(dbPath);
  try {
    return searchShapes(db, shops, now).map((shape) => {
      const bare = bareSearch(db, shape);
      const total = searchInquiries(db, { ...shape.query, cursor: undefined }, now).total;
      const bareTotal = bare();
      if (bareTotal !== total)
        throw new Error(`${shape.name}: store total ${total} ≠ bare SQL ${bareTotal}`);
      // In turns, so both see the same machine load. Each store run starts cold: a search
      // remembers its matches and total until the database changes, which only later pages of
      // the same search may use (the "next page" shapes).
      const [store, bareSql] = timePair(
        () => {
          if (shape.warm !== true) forgetSearchCache(db);
          return searchInquiries(db, shape.query, now);
        },
        bare,
        { warmup, iterations, minMs },
      );
      return { shape: shape.name, total, store: percentiles(store), bareSql: percentiles(bareSql) };
    });
  } finally {
    db.close();
  }
}

/** Fills a fresh database with `inquiries` synthetic threads over three shops; returns apply speed. */
export function generateBenchDb(
  dbPath: string,
  inquiries: number,
): { ms: number; perSecond: number; messages: number } {
  const db = openDatabase(dbPath);
  try {
    const accountId = upsertAccount(db, {
      user: 'bench',
      serverUrl: 'http://127.0.0.1:1',
      location: 'sandbox',
      adapter: 'qpost',
    });
    replaceShops(
      db,
      accountId,
      BENCH_SHOPS.map((id) => ({ id, name: `Shop ${id.slice(-1)}` })),
    );
    let batch: ThreadRecord[] = [];
    let ms = 0;
    let messages = 0;
    const flush = (): void => {
      const t0 = performance.now();
      db.transaction(() => applyThreads(db, batch))();
      ms += performance.now() - t0;
      batch = [];
    };
    for (const t of syntheticThreads({ shopIds: BENCH_SHOPS, count: inquiries, endMs: NOW })) {
      batch.push(t);
      messages += t.messages.length;
      if (batch.length === 500) flush();
    }
    flush();
    db.pragma('optimize');
    return { ms, perSecond: inquiries / (ms / 1000), messages };
  } finally {
    db.close();
  }
}

const fmt = (n: number): string => n.toFixed(2).padStart(8);

export function formatSearchBench(rows: SearchBenchRow[]): string {
  const head = `${'shape'.padEnd(20)} ${'total'.padStart(7)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} │ ${'SQL p50'.padStart(8)} ${'SQL p95'.padStart(8)}  (ms)`;
  return [
    head,
    ...rows.map(
      (r) =>
        `${r.shape.padEnd(20)} ${String(r.total).padStart(7)} ${fmt(r.store.p50)} ${fmt(r.store.p95)} │ ${fmt(r.bareSql.p50)} ${fmt(r.bareSql.p95)}`,
    ),
  ].join('\n');
}

function main(): void {
  const { values } = parseArgs({
    options: {
      inquiries: { type: 'string', default: '100000' },
      db: { type: 'string' },
      iterations: { type: 'string', default: '100' },
      // A database synced from the sandbox: its shop ids (comma-separated); dates relative to now.
      shops: { type: 'string' },
    },
  });
  const dir = values.db === undefined ? mkdtempSync(join(tmpdir(), 'toiawase-bench-')) : null;
  const dbPath = values.db ?? join(dir!, 'bench.db');
  try {
    if (!existsSync(dbPath)) {
      const n = Number(values.inquiries);
      const g = generateBenchDb(dbPath, n);
      console.log(
        `applyThreads: ${n} inquiries / ${g.messages} messages in ${(g.ms / 1000).toFixed(1)} s = ${Math.round(g.perSecond)} inquiries/s`,
      );
    }
    const rows = runSearchBench(dbPath, {
      iterations: Number(values.iterations),
      ...(values.shops === undefined ? {} : { shopIds: values.shops.split(','), now: Date.now() }),
    });
    console.log(formatSearchBench(rows));
    console.log(
      `load average: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on this machine while measuring`,
    );
  } finally {
    if (dir !== null) rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
