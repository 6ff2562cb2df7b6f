// Debian's Chromium driven by Playwright for the benchmarks (never `npx playwright install`),
// and the page-side instruments they read: the app's own performance measures, long tasks,
// frame times and the JS heap.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../chromium.js';
import { printedAddress } from './printed-address.js';

/**
 * The switches Playwright's own headless launch gives Chromium (playwright-core's
 * chromiumSwitches, less those for Edge, Windows and macOS), so that a page runs as it did
 * when Playwright started the browser: no paint holding, no background throttling, the same
 * pointer and hover media features, nothing that reaches beyond 127.0.0.1.
 */
const PLAYWRIGHT_LAUNCH_SWITCHES = [
  '--disable-field-trial-config',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-back-forward-cache',
  '--disable-breakpad',
  '--disable-component-extensions-with-background-pages',
  '--no-default-browser-check',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-extensions',
  '--disable-features=' +
    [
      'AvoidUnnecessaryBeforeUnloadCheckSync',
      'DestroyProfileOnBrowserClose',
      'HttpsUpgrades',
      'HttpsFirstBalancedModeAutoEnable',
      'LensOverlay',
      'MediaRouter',
      'PaintHolding',
      'ThirdPartyStoragePartitioning',
      'AvoidCorsURLLoaderRestartOnRedirect',
      'OptimizationHints',
      'NetworkTimeServiceQuerying',
      'AimEnabled',
      'PreconnectToSearch',
    ].join(','),
  '--enable-features=CDPScreenshotNewSurface,SkipListAccountsWithoutGaiaCookies',
  '--allow-pre-commit-input',
  '--disable-hang-monitor',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--force-color-profile=srgb',
  '--metrics-recording-only',
  '--password-store=basic',
  '--use-mock-keychain',
  '--no-service-autorun',
  '--disable-search-engine-choice-screen',
  '--unsafely-disable-devtools-self-xss-warnings',
  '--enable-unsafe-swiftshader',
  '--disable-stack-profiler',
  '--disable-infobars',
  '--hide-scrollbars',
  '--mute-audio',
  '--blink-settings=primaryHoverType=2,availableHoverTypes=2,primaryPointerType=4,availablePointerTypes=4',
  '--no-startup-window',
];

/**
 * Debian's Chromium, started by the suite itself and driven over CDP. Playwright's own launch
 * starts the browser in a session of its own (setsid). With the kernel's autogroup scheduling
 * (on here: /proc/sys/kernel/sched_autogroup_enabled) each session is a group, and the CPUs are
 * shared between groups before any thread's nice value counts: the browser's group and the
 * suite's (the shell, its core, the sandbox) each got a CPU when both were busy, so the core
 * thread's nice 10 ranked it only against the sandbox, never against the page. An Electron app
 * is one session, its main process being the browser; started here, so is the suite.
 */
export async function launchChromium(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'toiawase-bench-chromium-'));
  const child = spawn(
    CHROMIUM_PATH,
    [
      ...CHROMIUM_ARGS,
      ...PLAYWRIGHT_LAUNCH_SWITCHES,
      `--user-data-dir=${profile}`,
      '--remote-debugging-address=127.0.0.1',
      '--remote-debugging-port=0',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = once(child, 'exit');
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
    await exited;
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const endpoint = printedAddress(
      child,
      child.stderr,
      /DevTools listening on (ws:\/\/\S+)/,
      'Chromium',
      30_000,
    );
    const browser = await chromium.connectOverCDP(await endpoint);
    const disconnect = browser.close.bind(browser);
    // Closing a browser Playwright connected to only disconnects from it: the browser is asked
    // to quit first, so that it ends its own processes (a killed one leaves them to init).
    browser.close = async (options) => {
      await browser
        .newBrowserCDPSession()
        .then((cdp) => cdp.send('Browser.close'))
        .catch(() => undefined); // gone already: stop() below ends what is left
      await disconnect(options);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      await stop();
    };
    return browser;
  } catch (e) {
    await stop();
    throw e;
  }
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

/**
 * Collects long tasks (> 50 ms on the renderer's main thread) from the first script on, and the
 * long animation frames (> 50 ms) that say what each was made of: the scripts it ran (those of 5
 * ms or more), and when the rendering and its style and layout began.
 */
export const LONG_TASK_RECORDER = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ at: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  window.__longFrames = [];
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame'))
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        window.__longFrames.push({
          at: e.startTime,
          ms: e.duration,
          renderStart: e.renderStart,
          styleAndLayoutStart: e.styleAndLayoutStart,
          scripts: e.scripts.map((s) => ({
            ms: s.duration,
            invoker: s.invoker,
            source: (s.sourceFunctionName || '?') + '@' + (s.sourceURL.split('/').pop() || '?'),
            forcedLayoutMs: s.forcedStyleAndLayoutDuration,
          })),
        });
    }).observe({ type: 'long-animation-frame', buffered: true });
`;

export interface LongTask {
  at: number;
  ms: number;
}

/** A long animation frame as LONG_TASK_RECORDER keeps it (times in page ms; 0: none). */
interface RecordedFrame extends LongTask {
  renderStart: number;
  styleAndLayoutStart: number;
  scripts: { ms: number; invoker: string; source: string; forcedLayoutMs: number }[];
}

/** What a long frame was made of, in ms. */
export interface LongFrame extends LongTask {
  /** The tasks before the rendering: scripts, and what the listed scripts do not cover. */
  beforeRenderMs: number;
  /** Animation-frame and observer callbacks of the rendering, before style and layout (the rest
   *  of the frame when it reported no style and layout). */
  renderCallbacksMs: number;
  /** Style, layout and paint (0 when the frame reported none). */
  styleLayoutPaintMs: number;
  /** Scripts of 5 ms or more, longest first: "invoker source ms". */
  scripts: string[];
}

const framePart = (f: RecordedFrame): LongFrame => {
  const end = f.at + f.ms;
  const render = f.renderStart > 0 ? f.renderStart : end;
  const style = f.styleAndLayoutStart > 0 ? f.styleAndLayoutStart : end;
  return {
    at: f.at,
    ms: f.ms,
    beforeRenderMs: render - f.at,
    renderCallbacksMs: style - render,
    styleLayoutPaintMs: end - style,
    scripts: [...f.scripts]
      .sort((a, b) => b.ms - a.ms)
      .map(
        (s) =>
          `${s.invoker} ${s.source} ${s.ms.toFixed(0)}` +
          (s.forcedLayoutMs > 0 ? ` (forced layout ${s.forcedLayoutMs.toFixed(0)})` : ''),
      ),
  };
};

/** What LONG_TASK_RECORDER kept in `window[key]` that started at or after `since` (page ms). */
function recordedSince<T extends { at: number }>(
  page: Page,
  key: '__longTasks' | '__longFrames',
  since: number,
): Promise<T[]> {
  return page.evaluate(
    ([k, t]) =>
      ((window as unknown as Record<string, T[] | undefined>)[k] ?? []).filter((e) => e.at >= t),
    [key, since] as const,
  );
}

/** Long tasks that started at or after `since` (page time, ms). */
export const longTasksSince = (page: Page, since: number): Promise<LongTask[]> =>
  recordedSince(page, '__longTasks', since);

/** Long animation frames that started at or after `since` (page time, ms), taken apart. */
export async function longFramesSince(page: Page, since: number): Promise<LongFrame[]> {
  return (await recordedSince<RecordedFrame>(page, '__longFrames', since)).map(framePart);
}

/** A long frame in a line of the suite's log, `at` as given. */
export const describeFrame = (f: LongFrame): string =>
  `${f.ms.toFixed(0)} ms = before rendering ${f.beforeRenderMs.toFixed(0)}, rendering callbacks ` +
  `${f.renderCallbacksMs.toFixed(0)}, style/layout/paint ${f.styleLayoutPaintMs.toFixed(0)}; ` +
  `scripts: ${f.scripts.join('; ') || 'none of 5 ms'}`;

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
