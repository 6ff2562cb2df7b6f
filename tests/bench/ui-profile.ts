// `npx tsx tests/bench/ui-profile.ts [--inquiries N] [--phase open|search|send|sync|cold]
// [--trace [--cpu] [--categories a,b]] [--sends N]`:
// where the renderer's time goes in one of the suite's phases. Builds the renderer unminified (so the
// profile names React components and our functions), runs the phase under the Chrome DevTools
// profiler and prints the top functions by self time; the .cpuprofile lands in bench-results/
// (open it in Chrome DevTools). `--phase cold` profiles a start of the page on a synced cache
// with a remembered login (navigation → 'list:first-paint'); with `--dirs A,B` it instead times
// cold starts of several renderer builds on that cache, alternated (`--starts N` each).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { startShell, type Shell } from '../../src/main/web/shell.js';
import {
  LONG_TASK_RECORDER,
  MEASURE_REPORTER,
  launchChromium,
  longTasksSince,
} from './lib/browser.js';
import { startBenchSandbox } from './lib/sandbox-process.js';
import { syncDone } from './lib/shell-sync.js';
import { summarize } from './lib/stats.js';
import {
  TRACE_CATEGORIES,
  mainThreadSelfTimes,
  measureBreakdown,
  measureTimelines,
} from './lib/trace-summary.js';
import { memoryVault } from '../integration/core/helpers.js';
import {
  SEARCH_START_RECORDER,
  coldListPaint,
  FIRST_PAINT_REPORTER,
  firstListPaint,
  loginThroughUi,
  openConversations,
  sendReplies,
  typedSearches,
} from './lib/ui-phases.js';

const { values } = parseArgs({
  options: {
    inquiries: { type: 'string', default: '3000' },
    phase: { type: 'string', default: 'open' },
    // Conversations opened before the phase (the suite opens 45 before it types).
    opens: { type: 'string', default: '3' },
    trace: { type: 'boolean', default: false },
    cpu: { type: 'boolean', default: false },
    // More trace categories, comma-separated (e.g. v8,disabled-by-default-v8.compile).
    categories: { type: 'string', default: '' },
    sends: { type: 'string', default: '8' },
    dirs: { type: 'string' },
    renderer: { type: 'string' },
    starts: { type: 'string', default: '5' },
  },
});
const ROOT = resolve(import.meta.dirname, '../..');
// A renderer build of one's own (--renderer), or the unminified one built here.
const rendererDir =
  values.renderer === undefined ? join(ROOT, 'out', 'renderer-profile') : resolve(values.renderer);
if (values.renderer === undefined) {
  const built = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '-c',
      'vite.renderer.config.ts',
      '--minify',
      'false',
      '--outDir',
      rendererDir,
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (built.status !== 0) throw new Error('the unminified renderer build failed');
}

const CATEGORIES = [
  ...TRACE_CATEGORIES,
  // JavaScript samples in the trace itself (slower; shown in DevTools' Performance panel).
  ...(values.cpu ? ['disabled-by-default-v8.cpu_profiler'] : []),
  ...values.categories.split(',').filter(Boolean),
];

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const phase = values.phase;
const out = join(ROOT, 'bench-results');
mkdirSync(out, { recursive: true });
const tracePath = join(out, `ui-${phase}.trace.json`);
// A cache that outlives the shell, and a sandbox at a fixed address (the account a remembered
// login restores is the server's), so the cold phase can start a second shell on them.
const work = mkdtempSync(join(tmpdir(), 'toiawase-ui-profile-'));
const dataDir = join(work, 'cache');
const vault = memoryVault();
const sandbox = await startBenchSandbox(work, Number(values.inquiries));
// Once its core is up: the phases here time the page alone (the suite times a whole start).
const shellOn = async (dir: string, cache = dataDir, keys = vault): Promise<Shell> => {
  const started = await startShell({
    serverUrl: sandbox.url,
    rendererDir: dir,
    vault: keys,
    dataDir: cache,
  });
  await started.core;
  return started;
};
let shell = await shellOn(rendererDir);
const browser = await launchChromium();
try {
  const context = await browser.newContext({
    locale: 'en-US',
    viewport: { width: 1440, height: 900 },
  });
  await context.addInitScript(
    LONG_TASK_RECORDER + MEASURE_REPORTER + SEARCH_START_RECORDER + FIRST_PAINT_REPORTER,
  );
  if (phase === 'sync' && values.dirs !== undefined) {
    await timeSyncBlocks(context, values.dirs.split(','), Number(values.starts));
  }
  let page = await context.newPage();
  let cdp = await profilerOn(page);
  const start = (): Promise<unknown> =>
    values.trace
      ? browser.startTracing(page, { path: tracePath, categories: CATEGORIES })
      : cdp.send('Profiler.start');
  if (phase === 'sync') await start();
  const synced = syncDone(shell);
  await loginThroughUi(page, shell.url);
  await firstListPaint(page);
  if (phase === 'cold') {
    await synced;
    await page.close();
    await shell.close();
  }
  if (phase === 'cold' && values.dirs !== undefined) {
    await timeColdStarts(context, values.dirs.split(','), Number(values.starts));
  } else if (phase === 'cold') {
    shell = await shellOn(rendererDir);
    page = await context.newPage();
    cdp = await profilerOn(page);
    await start();
    await page.goto(shell.url);
    const ms = await firstListPaint(page).catch(async (e: unknown) => {
      await page.screenshot({ path: join(out, 'ui-cold-failure.png') });
      throw e;
    });
    await page.evaluate(() => performance.measure('cold', { start: 0, end: 'list:first-paint' }));
    console.log(`cold start: list painted ${ms.toFixed(0)} ms after navigation`);
  } else if (phase !== 'sync') {
    await synced; // as in the suite: the phases run on a synced cache
    await openConversations(page, Number(values.opens)); // warm-up
    await start();
  }
  if (phase === 'open') await openConversations(page, 20);
  else if (phase === 'search')
    await typedSearches(page, ['配送状況', '返品', 'サイズ', '什么时候', '发货']);
  else if (phase === 'send') await sendReplies(page, Number(values.sends));
  else if (phase === 'sync') await page.waitForTimeout(5_000);
  if (values.dirs !== undefined) {
    // timed only, not profiled
  } else if (values.trace) {
    await browser.stopTracing();
    console.log(`phase ${phase}: main-thread self time by trace event (${tracePath})`);
    for (const [name, ms] of mainThreadSelfTimes(tracePath).slice(0, 12))
      console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
    const measure = { open: 'thread-open', search: 'search', send: 'send', cold: 'cold' }[phase];
    if (measure !== undefined) {
      printBreakdown(measure, measureBreakdown(tracePath, measure));
      console.log(`\n'${measure}' windows, event by event (label@ms from its start+ms):`);
      for (const line of measureTimelines(tracePath, measure)) console.log(line);
    }
  } else {
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    writeFileSync(join(out, `ui-${phase}.cpuprofile`), JSON.stringify(profile));
    printTopFunctions(phase, profile);
  }
} finally {
  await browser.close();
  await shell.close();
  await sandbox.stop();
  rmSync(work, { recursive: true, force: true });
}

async function profilerOn(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  return cdp;
}

/**
 * Log-ins with each renderer build on a fresh cache, alternated: the renderer's long tasks from
 * "Log in" to the end of the initial sync (the suite's main-thread block, at this size).
 */
async function timeSyncBlocks(
  context: BrowserContext,
  dirs: readonly string[],
  runs: number,
): Promise<void> {
  const blocks = new Map<string, number[][]>(dirs.map((d) => [d, []]));
  for (let i = 0; i < runs; i++)
    for (const dir of i % 2 === 0 ? dirs : [...dirs].reverse()) {
      const s = await shellOn(
        resolve(dir),
        join(work, `sync-${String(i)}-${String(dirs.indexOf(dir))}`),
        memoryVault(), // nothing remembered: the login screen
      );
      const synced = syncDone(s);
      const p = await context.newPage();
      let since = 0;
      await loginThroughUi(p, s.url, async () => {
        since = await p.evaluate(() => performance.now());
      }).catch(async (e: unknown) => {
        await p.screenshot({ path: join(out, 'ui-sync-failure.png') });
        throw e;
      });
      await synced;
      const tasks = await longTasksSince(p, since);
      blocks.get(dir)?.push(tasks.map((t) => t.ms).sort((a, b) => b - a));
      await p.close();
      await s.close();
    }
  for (const [dir, all] of blocks) {
    const worst = all.map((t) => t[0] ?? 0);
    console.log(
      `sync ${dir}: longest task per run ${worst.map((m) => m.toFixed(0)).join(' ')} ms; long tasks per run ${all.map((t) => t.length).join(' ')}`,
    );
  }
}

/**
 * Cold starts of each renderer build on the synced cache, alternated so a busy machine slows
 * all alike: navigation → 'list:first-paint' (ms), a fresh shell (new origin, nothing cached)
 * each time.
 */
async function timeColdStarts(
  context: BrowserContext,
  dirs: readonly string[],
  starts: number,
): Promise<void> {
  const samples = new Map<string, number[]>(dirs.map((d) => [d, []]));
  const blocks = new Map<string, number[]>(dirs.map((d) => [d, []]));
  for (let i = 0; i < starts; i++)
    for (const dir of i % 2 === 0 ? dirs : [...dirs].reverse()) {
      const s = await shellOn(resolve(dir));
      const p = await context.newPage();
      samples.get(dir)?.push(await coldListPaint(p, s.url));
      const tasks = await longTasksSince(p, 0);
      blocks.get(dir)?.push(Math.max(0, ...tasks.map((t) => t.ms)));
      await p.close();
      await s.close();
    }
  for (const [dir, ms] of samples) {
    const st = summarize(ms);
    console.log(
      `cold ${dir}: n=${st.n} mean ${st.mean.toFixed(0)} p50 ${st.p50.toFixed(0)} max ${st.max.toFixed(0)} ms (${ms.map((m) => m.toFixed(0)).join(' ')})`,
    );
    const longest = blocks.get(dir) ?? [];
    console.log(
      `  longest task until then, each start: ${longest.map((m) => m.toFixed(0)).join(' ')} ms`,
    );
  }
}

/** The top functions by self time. */
function printTopFunctions(phase: string, profile: Profile): void {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  );
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}`;
    byName.set(key, (byName.get(key) ?? 0) + (self.get(node.id) ?? 0));
  }
  const total = [...byName.values()].reduce((a, b) => a + b, 0);
  console.log(`phase ${phase}: ${(total / 1000).toFixed(0)} ms sampled`);
  for (const [name, us] of [...byName.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${name}`);
}

/** Each measure's window split into busy kinds and idle, then their means. */
function printBreakdown(measure: string, windows: Record<string, number>[]): void {
  const kinds = ['total', 'script', 'style', 'layout', 'paint', 'gc', 'other', 'idle'];
  console.log(`\n'${measure}' windows (ms): ${kinds.join(' / ')}`);
  const row = (w: Record<string, number>): string =>
    kinds.map((k) => (w[k] ?? 0).toFixed(1).padStart(6)).join(' ');
  for (const w of windows) console.log(row(w));
  const mean: Record<string, number> = {};
  for (const k of kinds)
    mean[k] = windows.reduce((a, w) => a + (w[k] ?? 0), 0) / Math.max(1, windows.length);
  console.log(`${row(mean)}  (mean of ${windows.length})`);
}
