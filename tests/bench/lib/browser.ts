// Debian's Chromium driven by Playwright for the benchmarks (never `npx playwright install`),
// and the page-side instruments they read: the app's own performance measures, long tasks,
// frame times and the JS heap.
import { spawnSync } from 'node:child_process';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../chromium.js';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
}

/**
 * The font families fontconfig offers for Japanese text. The sellers' machines have CJK fonts;
 * without any, every kanji or kana the page lays out is a fallback search that finds nothing
 * (and is drawn as a box), which is not the layout being measured. Empty when there are none
 * (install fonts-noto-cjk) or fontconfig is missing.
 */
export function cjkFontFamilies(): string[] {
  const listed = spawnSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' });
  if (listed.status !== 0) return [];
  const families = listed.stdout.split('\n').flatMap((line) => line.split(',')[0]?.trim() || []);
  return [...new Set(families)].sort();
}

/** Collects long tasks (> 50 ms on the renderer's main thread) from the first script on. */
export const LONG_TASK_RECORDER = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ at: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
`;

export interface LongTask {
  at: number;
  ms: number;
}

/** Long tasks that started at or after `since` (page time, ms). */
export function longTasksSince(page: Page, since: number): Promise<LongTask[]> {
  return page.evaluate(
    (t) =>
      ((window as unknown as { __longTasks?: LongTask[] }).__longTasks ?? []).filter(
        (e) => e.at >= t,
      ),
    since,
  );
}

export const pageNow = (page: Page): Promise<number> => page.evaluate(() => performance.now());

const MEASURE_PREFIX = 'toiawase-bench:measure ';

/**
 * Reports each of the app's measures on the console as it is made, so that waiting for one
 * runs nothing in the page. Waiting with waitForFunction polled in the page at every frame of
 * the window it timed, and its call landed on the page's thread just after the key or click
 * that began the window, next to the app's own work.
 */
export const MEASURE_REPORTER = `
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      console.debug('${MEASURE_PREFIX}' + JSON.stringify([e.name, e.duration]));
  }).observe({ type: 'measure' });
`;

/**
 * The duration of the app's next `name` measure (ms), as MEASURE_REPORTER (in the context's
 * init scripts) reports it. Call it before the action that starts the measure, await it after.
 */
export function nextMeasure(page: Page, name: string, timeout = 30_000): Promise<number> {
  const tag = `${MEASURE_PREFIX}${JSON.stringify([name]).slice(0, -1)},`;
  return page.waitForEvent('console', { predicate: (m) => m.text().startsWith(tag), timeout }).then(
    (m) => (JSON.parse(m.text().slice(MEASURE_PREFIX.length)) as [string, number])[1],
    (e: unknown) => {
      throw new Error(`no '${name}' measure reported (is MEASURE_REPORTER installed?)`, {
        cause: e,
      });
    },
  );
}

/** Frame intervals (ms) recorded by requestAnimationFrame while `action` runs. */
export async function frameIntervals(page: Page, action: () => Promise<void>): Promise<number[]> {
  // A string, not a function: tsx's name-keeping helper (__name) does not exist in the page.
  await page.evaluate(`
    window.__frames = [];
    window.__framing = true;
    requestAnimationFrame(function tick(t) {
      window.__frames.push(t);
      if (window.__framing) requestAnimationFrame(tick);
    });
  `);
  await action();
  const stamps = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __framing: boolean };
    w.__framing = false;
    return w.__frames;
  });
  return stamps.slice(1).map((t, i) => t - (stamps[i] ?? t));
}

/** The renderer's live JS heap after a full garbage collection (bytes). */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach();
  }
}
