// `npx tsx tests/bench/ui-ab.ts --a DIR --b DIR [--phase open|search|send|scroll] [--rounds N]`:
// two renderer builds side by side under the same load, set up as the suite is (`npm run build`
// first). Each gets its own shell over the same generated shop; their rounds alternate, so a
// busy machine slows both alike. Prints each build's figures next to the other's. Build a
// variant with `npx vite build -c vite.renderer.config.ts --outDir "$PWD/out/renderer-b"` (the
// config's root is src/renderer).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import { LONG_TASK_RECORDER, MEASURE_REPORTER, launchChromium } from './lib/browser.js';
import { startBenchSandbox } from './lib/sandbox-process.js';
import { buildShellChild, builtCoreWorker } from './lib/shell-build.js';
import { ShellHost, type ShellProcess } from './lib/shell-process.js';
import { syncDone } from './lib/shell-sync.js';
import { ms, summarize } from './lib/stats.js';
import {
  SEARCH_START_RECORDER,
  firstListPaint,
  loginThroughUi,
  openConversations,
  scrollList,
  sendReplies,
  typedSearches,
  QUERY_ROUNDS,
  WARMUP_QUERIES,
} from './lib/ui-phases.js';

const { values } = parseArgs({
  options: {
    a: { type: 'string' },
    b: { type: 'string' },
    inquiries: { type: 'string', default: '3000' },
    phase: { type: 'string', default: 'open' },
    rounds: { type: 'string', default: '6' },
    // Conversations opened (j, Enter) before the rounds: the suite opens 45, which leaves the
    // list scrolled down, so each new query jumps it back to the top (useNewAnswerAtTop).
    opens: { type: 'string', default: '3' },
  },
});
if (values.a === undefined || values.b === undefined) throw new Error('--a and --b are required');

/** One round of the phase on a page: its samples in ms (and, typing, each word's total shown). */
async function round(
  page: Page,
  phase: string,
  i: number,
): Promise<{ samples: number[]; totals?: number[] }> {
  if (phase === 'open') return { samples: await openConversations(page, 5) };
  if (phase === 'scroll') {
    // Frame intervals, and each long task as a sample of its own length: the max tells.
    const run = await scrollList(page, 2);
    console.log(
      `  scroll: ${run.frames.length} frames, long tasks ${run.longTasks.map((t) => t.ms.toFixed(0)).join(' ') || 'none'}`,
    );
    return { samples: run.frames };
  }
  if (phase === 'send') return { samples: await sendReplies(page, 2) };
  // Words new to each side's core in every round (see QUERY_ROUNDS): two words a round.
  const words = QUERY_ROUNDS.flat();
  const queries = [words[(2 * i) % words.length] ?? '', words[(2 * i + 1) % words.length] ?? ''];
  const typed = await typedSearches(page, queries);
  return { samples: typed.map((r) => r.ms), totals: typed.map((r) => r.totalMs) };
}

// As the suite runs it: the sandbox in a process of its own, each side's shell in another with
// the built core worker (`npm run build` first), on a cache of its own.
const WORKER = builtCoreWorker();
const work = mkdtempSync(join(tmpdir(), 'toiawase-ui-ab-'));
const sandbox = await startBenchSandbox(work, Number(values.inquiries));
const childEntry = await buildShellChild();
const browser = await launchChromium();
const shells: ShellProcess[] = [];
try {
  const sides = [];
  for (const [i, dir] of [values.a, values.b].entries()) {
    const host = new ShellHost(
      {
        serverUrl: sandbox.url,
        dataDir: join(work, `cache-${String(i)}`),
        workerEntry: WORKER,
        rendererDir: resolve(dir),
      },
      childEntry,
    );
    const shell = await host.start();
    shells.push(shell);
    const context = await browser.newContext({
      locale: 'en-US',
      viewport: { width: 1440, height: 900 },
    });
    await context.addInitScript(LONG_TASK_RECORDER + MEASURE_REPORTER + SEARCH_START_RECORDER);
    const page = await context.newPage();
    const synced = syncDone(shell);
    await loginThroughUi(page, shell.url);
    await firstListPaint(page);
    await synced;
    // The page refreshes its list once the sync has ended (a 300 ms debounce): warming up in the
    // middle of that moved the selection under the keys now and then, as in app.bench.ts.
    await page.waitForTimeout(2_000);
    await openConversations(page, Number(values.opens)).catch(async (e: unknown) => {
      console.error(`warm-up failed on ${dir}`);
      await page.screenshot({ path: resolve('bench-results/ui-ab-failure.png') });
      console.error(
        await page
          .locator('.tw-pane-col')
          .innerText()
          .catch(() => '?'),
      );
      throw e;
    }); // warm-up
    if (values.phase === 'search') await typedSearches(page, WARMUP_QUERIES);
    sides.push({ dir, page, samples: [] as number[], totals: [] as number[] });
  }
  for (let i = 0; i < Number(values.rounds); i++)
    for (const side of i % 2 === 0 ? sides : [...sides].reverse()) {
      const { samples, totals = [] } = await round(side.page, values.phase, i);
      side.samples.push(...samples);
      side.totals.push(...totals);
    }
  for (const side of sides) {
    const s = summarize(side.samples);
    console.log(
      `${values.phase} ${side.dir}: n=${s.n} mean ${ms(s.mean)} p50 ${ms(s.p50)} p95 ${ms(s.p95)} max ${ms(s.max)}`,
    );
    const shown = side.totals.filter((v) => !Number.isNaN(v));
    if (shown.length > 0) {
      const t = summarize(shown);
      console.log(`  its total shown: mean ${ms(t.mean)} p50 ${ms(t.p50)} p95 ${ms(t.p95)}`);
    }
  }
} finally {
  await browser.close();
  for (const shell of shells) await shell.close();
  await sandbox.stop();
  rmSync(work, { recursive: true, force: true });
}
