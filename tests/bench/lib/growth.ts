// The growth curve: search and open at several cache sizes (10k / 100k / 1M inquiries), on
// synthetic threads written through the store's own write path. Sub-linear is the goal: ten
// times the inquiries should cost far less than ten times the milliseconds.
import { join } from 'node:path';
import { openDatabase } from '../../../src/main/core/db/open.js';
import { readThread } from '../../../src/main/core/store/inquiry-read.js';
import {
  countSearch,
  forgetSearchCache,
  searchInquiries,
  type StoreSearchQuery,
} from '../../../src/main/core/store/search.js';
import { BENCH_SHOPS, generateBenchDb } from '../core-search.js';
import { summarize, timeRuns, type Summary } from './stats.js';

const NOW = Date.UTC(2026, 10, 27);

export interface GrowthPoint {
  inquiries: number;
  messages: number;
  buildSeconds: number;
  shapes: { shape: string; total: number; ms: Summary }[];
  open: Summary;
}

const SHAPES: { shape: string; query: StoreSearchQuery }[] = [
  { shape: 'unified inbox', query: { shopIds: BENCH_SHOPS } },
  { shape: 'status (one shop)', query: { shopIds: [BENCH_SHOPS[0]!], status: 'S1' } },
  { shape: 'text ja (4 chars)', query: { shopIds: BENCH_SHOPS, text: '配送状況' } },
  { shape: 'text zh (4 chars)', query: { shopIds: BENCH_SHOPS, text: '什么时候' } },
  { shape: 'text ja (2 chars)', query: { shopIds: BENCH_SHOPS, text: '返品' } },
];

const time = (fn: () => unknown, warmup: number, iterations: number): Summary =>
  summarize(timeRuns(fn, warmup, iterations));

export function growthPoint(
  dir: string,
  inquiries: number,
  opts: { warmup: number; iterations: number },
): GrowthPoint {
  const dbPath = join(dir, `growth-${inquiries}.db`);
  const built = generateBenchDb(dbPath, inquiries);
  const db = openDatabase(dbPath);
  try {
    // Every run cold: the store remembers the last text match and total until the data changes,
    // which would turn all but the first run into a lookup.
    const cold = (query: StoreSearchQuery) => {
      forgetSearchCache(db);
      return searchInquiries(db, query, NOW);
    };
    const shapes = SHAPES.map(({ shape, query }) => ({
      shape,
      total: countSearch(db, query),
      ms: time(() => cold(query), opts.warmup, opts.iterations),
    }));
    // Open: the newest page of a conversation picked at random over the whole cache.
    const ids = db.prepare('SELECT id FROM inquiries').pluck().all() as string[];
    let seed = 1;
    const pick = (): string => ids[(seed = (seed * 48271) % 2147483647) % ids.length]!;
    const open = time(
      () => readThread(db, pick(), { limit: 50 }, NOW),
      opts.warmup,
      opts.iterations,
    );
    return {
      inquiries,
      messages: built.messages,
      buildSeconds: built.ms / 1000,
      shapes,
      open,
    };
  } finally {
    db.close();
  }
}
