// Issue 6's table, figure by figure: value, target, the reference measured in the same run.
import type { SearchBenchRow } from '../core-search.js';
import type { GrowthPoint } from './growth.js';
import type { RawResult } from './raw-sync.js';
import { mb, seconds, type FigureRow } from './report.js';
import { markdownTable, ms, summarize } from './stats.js';
import type { ScrollRun, TypedSearch } from './ui-phases.js';

export interface SuiteMeasurements {
  syncMs: number;
  coreSyncMs: number;
  raw: RawResult;
  counts: { inquiries: number; messages: number };
  shops: number;
  incremental: number[];
  emptyTrip: number;
  search: SearchBenchRow[];
  open: number[];
  typed: TypedSearch[];
  send: number[];
  cold: { totalMs: number; shellMs: number; pageMs: number }[];
  mainThreadBusyMax: number;
  /** When the shell's busiest stretch ended, ms after "Log in" was clicked. */
  mainThreadBusyAt: number;
  /** Of that stretch, the time the shell's thread was on a CPU (null where unknown). */
  mainThreadBusyOnCpu: number | null;
  /** Of it, the time it was ready to run but waited for a CPU (null where unknown). */
  mainThreadBusyWait: number | null;
  workerLoopMax: number;
  longestSlice: number;
  /** The renderer's long tasks during the sync: ms after "Log in" was clicked, length, and how
   *  much of it the page's main thread was on a CPU or waited for one (null where unknown). */
  syncLongTasks: {
    afterLogin: number;
    ms: number;
    onCpuMs: number | null;
    waitMs: number | null;
  }[];
  scroll: ScrollRun;
  heap: number;
  rowsLoaded: number;
  cacheBytes: number;
}

const p95 = (xs: number[]): number => summarize(xs).p95;
const dist = (xs: number[]): string => {
  const s = summarize(xs);
  return `p95 ${ms(s.p95)} (mean ${ms(s.mean)}, p99 ${ms(s.p99)}, n=${s.n})`;
};

export function buildFigures(m: SuiteMeasurements): FigureRow[] {
  const rows = m.counts.inquiries + m.counts.messages;
  const rawRows = m.raw.inquiries + m.raw.messages;
  const ratio = rows / m.syncMs / (rawRows / m.raw.ms);
  const incrementalStats = summarize(m.incremental);
  const incremental = incrementalStats.p50;
  const worstSearch = m.search.reduce((a, b) => (b.store.p95 > a.store.p95 ? b : a));
  const searchMet = m.search.every((s) => s.store.p95 <= 20 || s.store.p95 <= 2 * s.bareSql.p95);
  const searchStrict = m.search.every((s) => s.store.p95 <= 20 && s.store.p95 <= 2 * s.bareSql.p95);
  const fps = (frames: number[]): number => 1000 / summarize(frames).mean;
  const scrollFps = fps(m.scroll.frames);
  const scrollLong = Math.max(0, ...m.scroll.longTasks.map((t) => t.ms));
  const coldWorst = Math.max(...m.cold.map((c) => c.totalMs));
  // Its parts, and the new tab (what the total holds beyond the shell and the page).
  const worst = m.cold.find((c) => c.totalMs === coldWorst);
  const tab = worst === undefined ? 0 : worst.totalMs - worst.shellMs - worst.pageMs;
  const syncBlock = Math.max(m.mainThreadBusyMax, ...m.syncLongTasks.map((t) => t.ms));
  const renderer = m.syncLongTasks
    .map(
      (t) =>
        `${ms(t.ms)} ${seconds(t.afterLogin)} after` +
        (t.onCpuMs === null || t.waitMs === null
          ? ''
          : ` (on a CPU ${ms(t.onCpuMs)}, waiting for one ${ms(t.waitMs)})`),
    )
    .join(', ');
  return [
    {
      figure: `Initial sync, ${m.counts.inquiries} inquiries + ${m.counts.messages} messages`,
      value: `${seconds(m.syncMs)} (${Math.round(rows / (m.syncMs / 1000))} rows/s; core's own ${seconds(m.coreSyncMs)})`,
      target: '≥ 0.5× raw',
      reference: `raw limit ${seconds(m.raw.ms)} (${Math.round(rawRows / (m.raw.ms / 1000))} rows/s, HTTP ${seconds(m.raw.fetchMs)}) → ${ratio.toFixed(2)}×`,
      met: ratio >= 0.5,
    },
    {
      figure: `Incremental sync, nothing changed (${m.shops} shops, p50)`,
      value: `${ms(incremental)} (p95 ${ms(incrementalStats.p95)}, n=${incrementalStats.n})`,
      target: '≤ 50 ms',
      reference: `one empty feed round trip ${ms(m.emptyTrip)} (× ${m.shops} shops = ${ms(m.emptyTrip * m.shops)})`,
      met: incremental <= 50,
    },
    {
      figure: `Search, ${m.search.length} shapes incl. JA/ZH full text (store)`,
      value: `worst p95 ${ms(worstSearch.store.p95)} (${worstSearch.shape})`,
      target: 'p95 ≤ 20 ms, ≤ 2× bare SQL',
      reference: `bare SQL p95 of that shape ${ms(worstSearch.bareSql.p95)}; every shape: ${searchStrict ? 'both met' : searchMet ? 'one of the two met' : 'missed'} (table below)`,
      met: searchStrict,
    },
    {
      figure: 'Open conversation (j, Enter → thread painted)',
      value: dist(m.open),
      target: 'p95 ≤ 50 ms',
      reference: '—',
      met: p95(m.open) <= 50,
    },
    {
      figure: 'Search typed in the box → list painted',
      value: dist(m.typed.map((t) => t.ms)),
      target: 'p95 ≤ 100 ms',
      reference: `its total shown: ${dist(m.typed.map((t) => t.totalMs))}`,
      met: p95(m.typed.map((t) => t.ms)) <= 100,
    },
    {
      figure: 'Send → shown as queued (outbox row committed first)',
      value: dist(m.send),
      target: 'p95 ≤ 50 ms',
      reference: '—',
      met: p95(m.send) <= 50,
    },
    {
      figure: `Cold start → first list painted (${m.counts.inquiries} cached)`,
      value: `worst ${seconds(coldWorst)} of ${m.cold.length} (shell up ${ms(worst?.shellMs ?? 0)}, new tab ${ms(tab)}, page ${ms(worst?.pageMs ?? 0)}); all: ${m.cold.map((c) => seconds(c.totalMs)).join(', ')}`,
      target: '≤ 1.5 s',
      reference: '— (browser already running)',
      met: coldWorst <= 1500,
    },
    {
      figure: 'Longest main-thread block during initial sync',
      value: `${ms(syncBlock)} (shell main thread busy ${ms(m.mainThreadBusyMax)}, ${seconds(m.mainThreadBusyAt)} after "Log in"${m.mainThreadBusyOnCpu === null ? '' : `, on a CPU ${ms(m.mainThreadBusyOnCpu)} of it`}${m.mainThreadBusyWait === null ? '' : `, waiting for one ${ms(m.mainThreadBusyWait)}`}; renderer long tasks ${m.syncLongTasks.length}${renderer === '' ? '' : `: ${renderer}`})`,
      target: '≤ 50 ms',
      reference: `core worker: event-loop delay ${ms(m.workerLoopMax)}, longest apply slice ${ms(m.longestSlice)}`,
      met: syncBlock <= 50,
    },
    {
      figure: `Scrolling the list (${m.scroll.seconds} s of wheel, ${m.scroll.rowsScrolled} rows)`,
      value: `${scrollFps.toFixed(1)} fps, frame p95 ${ms(p95(m.scroll.frames))}; long tasks ${m.scroll.longTasks.length}, max ${ms(scrollLong)}`,
      target: '≥ 55 fps, no long task > 50 ms',
      reference: `idle page ${fps(m.scroll.idleFrames).toFixed(1)} fps`,
      met: scrollFps >= 55 && scrollLong <= 50,
    },
    {
      figure: `Renderer JS heap (${m.rowsLoaded} rows loaded in the list), after GC`,
      value: mb(m.heap),
      target: '≤ 150 MB',
      reference: '—',
      met: m.heap <= 150e6,
    },
    {
      figure: 'Cache size on disk',
      value: mb(m.cacheBytes),
      target: 'report',
      reference: `${Math.round(m.cacheBytes / m.counts.inquiries)} bytes per inquiry`,
      met: null,
    },
  ];
}

/** Search and open p95 at each size, with the growth factor against the smallest size. */
export function growthTable(points: readonly GrowthPoint[]): string {
  const first = points[0];
  if (first === undefined) return '(skipped)';
  const shapes = first.shapes.map((s) => s.shape);
  const factor = (v: number, base: number): string => `${(v / base).toFixed(1)}×`;
  return markdownTable(
    ['inquiries', 'messages', 'build', ...shapes.map((s) => `${s} p95`), 'open p95'],
    points.map((p) => [
      `${p.inquiries} (${factor(p.inquiries, first.inquiries)})`,
      p.messages,
      `${p.buildSeconds.toFixed(1)} s`,
      ...p.shapes.map(
        (s, i) =>
          `${ms(s.ms.p95)} (${factor(s.ms.p95, first.shapes[i]?.ms.p95 ?? s.ms.p95)}; ${s.total} rows)`,
      ),
      `${ms(p.open.p95)} (${factor(p.open.p95, first.open.p95)})`,
    ]),
  );
}

/** Every search shape: the store's p50/p95 next to the same query in bare SQL. */
export function searchShapesTable(search: readonly SearchBenchRow[]): string {
  return markdownTable(
    ['search shape', 'rows', 'p50', 'p95', 'bare SQL p50', 'bare SQL p95', 'p95 ratio'],
    search.map((s) => [
      s.shape,
      s.total,
      ms(s.store.p50),
      ms(s.store.p95),
      ms(s.bareSql.p50),
      ms(s.bareSql.p95),
      (s.store.p95 / s.bareSql.p95).toFixed(2),
    ]),
  );
}
