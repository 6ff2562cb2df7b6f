// `npx tsx tests/bench/ui-profile.ts [--inquiries N] [--phase open|search|send|sync]`: where
// the renderer's time goes in one of the suite's phases. Builds the renderer unminified (so the
// profile names React components and our functions), runs the phase under the Chrome DevTools
// profiler and prints the top functions by self time; the .cpuprofile lands in bench-results/
// (open it in Chrome DevTools).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startShell } from '../../src/main/web/shell.js';
import { LONG_TASK_RECORDER, launchChromium } from './lib/browser.js';
import { mainThreadSelfTimes, measureBreakdown } from './lib/trace-summary.js';
import { memoryVault } from '../integration/core/helpers.js';
import {
  SEARCH_START_RECORDER,
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
    trace: { type: 'boolean', default: false },
  },
});
const ROOT = resolve(import.meta.dirname, '../..');
const rendererDir = join(ROOT, 'out', 'renderer-profile');
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

const TRACE_CATEGORIES = ['devtools.timeline', 'blink.user_timing'];

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const shell = await startShell({
  inquiries: Number(values.inquiries),
  rendererDir,
  vault: memoryVault(),
});
const browser = await launchChromium();
try {
  const context = await browser.newContext({
    locale: 'en-US',
    viewport: { width: 1440, height: 900 },
  });
  await context.addInitScript(LONG_TASK_RECORDER + SEARCH_START_RECORDER);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  const phase = values.phase;
  const out = join(ROOT, 'bench-results');
  mkdirSync(out, { recursive: true });
  const tracePath = join(out, `ui-${phase}.trace.json`);
  const start = (): Promise<unknown> =>
    values.trace
      ? browser.startTracing(page, { path: tracePath, categories: TRACE_CATEGORIES })
      : cdp.send('Profiler.start');
  if (phase === 'sync') await start();
  await loginThroughUi(page, shell.url);
  await firstListPaint(page);
  if (phase !== 'sync') {
    await openConversations(page, 3); // warm-up
    await start();
  }
  if (phase === 'open') await openConversations(page, 20);
  else if (phase === 'search')
    await typedSearches(page, ['配送状況', '返品', 'サイズ', '什么时候', '发货']);
  else if (phase === 'send') await sendReplies(page, 8);
  else if (phase === 'sync') await page.waitForTimeout(5_000);
  if (values.trace) {
    await browser.stopTracing();
    console.log(`phase ${phase}: main-thread self time by trace event (${tracePath})`);
    for (const [name, ms] of mainThreadSelfTimes(tracePath).slice(0, 12))
      console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
    const measure = { open: 'thread-open', search: 'search', send: 'send' }[phase];
    if (measure !== undefined) printBreakdown(measure, measureBreakdown(tracePath, measure));
  } else {
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    writeFileSync(join(out, `ui-${phase}.cpuprofile`), JSON.stringify(profile));
    printTopFunctions(phase, profile);
  }
} finally {
  await browser.close();
  await shell.close();
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
