// What a seller does, done by Playwright against the real renderer, each step timed by the
// app's own performance measures (src/renderer/perf.ts): no sleeps, no guessing.
import type { Page } from '@playwright/test';
import { frameIntervals, longTasksSince, nextMeasure, pageNow } from './browser.js';
import type { LongTask } from './browser.js';

export const DEMO = { user: 'demo', password: 'demo1234' } as const;

/** Records the start time of the newest 'search:start' mark (the keystroke that started it). */
export const SEARCH_START_RECORDER = `
  window.__lastSearchStart = -1;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.name === 'search:start') window.__lastSearchStart = e.startTime;
  }).observe({ type: 'mark' });
`;

const grid = (page: Page) => page.locator('[role="grid"]');
const searchBox = (page: Page) => page.getByRole('textbox', { name: 'Search text' });

/**
 * Logs in through the login screen (remembered, so a restart restores it), picks all shops.
 * `beforeSubmit` runs with the form filled, right before "Log in" is clicked.
 */
export async function loginThroughUi(
  page: Page,
  url: string,
  beforeSubmit: () => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  await page.goto(url);
  await page.getByRole('radio', { name: 'Sandbox' }).check();
  await page.getByLabel('ID or e-mail').fill(DEMO.user);
  await page.getByLabel('Password').fill(DEMO.password);
  await page.getByRole('checkbox', { name: 'Save login information' }).check();
  await beforeSubmit();
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('radio', { name: 'All shops' }).check();
  await page.getByRole('button', { name: 'Selection complete' }).click();
  await grid(page).waitFor();
}

const FIRST_PAINT_PREFIX = 'toiawase-bench:list:first-paint ';

/**
 * Reports the app's 'list:first-paint' mark on the console as it is made. A cold start is timed
 * by listening for it: waiting with waitForFunction has Playwright evaluate its injected script
 * in the page (some 60 ms of the main thread, traced) in the middle of the start it times.
 */
export const FIRST_PAINT_REPORTER = `
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.name === 'list:first-paint') console.debug('${FIRST_PAINT_PREFIX}' + e.startTime);
  }).observe({ type: 'mark' });
`;

/**
 * Opens `url` in `page` (its context has FIRST_PAINT_REPORTER) and waits for the first list
 * painted, without running anything of the harness in the page meanwhile; returns the mark's
 * time since navigation (ms).
 */
export async function coldListPaint(page: Page, url: string, timeout = 60_000): Promise<number> {
  const reported = page.waitForEvent('console', {
    predicate: (m) => m.text().startsWith(FIRST_PAINT_PREFIX),
    timeout,
  });
  reported.catch(() => undefined); // a failed goto is the error to report
  await page.goto(url);
  return Number((await reported).text().slice(FIRST_PAINT_PREFIX.length));
}

/** Waits for the app's 'list:first-paint' mark; returns its time since navigation (ms). */
export async function firstListPaint(page: Page, timeout = 60_000): Promise<number> {
  const handle = await page.waitForFunction(
    () => performance.getEntriesByName('list:first-paint', 'mark')[0]?.startTime,
    undefined,
    { timeout, polling: 'raf' },
  );
  return Number(await handle.jsonValue());
}

const selectedId = (page: Page): Promise<string | null> =>
  page.evaluate(
    () =>
      document
        .querySelector('[aria-selected="true"][data-inquiry-id]')
        ?.getAttribute('data-inquiry-id') ?? null,
  );

/** j until a row not opened before is selected (the list may have moved under the cursor). */
async function selectNext(page: Page, opened: Set<string>): Promise<void> {
  for (let tries = 0; tries < 10; tries++) {
    await page.keyboard.press('j');
    const id = await selectedId(page);
    if (id !== null && !opened.has(id)) {
      opened.add(id);
      return;
    }
  }
  throw new Error('no unopened inquiry below the selection');
}

const openedIds = new WeakMap<Page, Set<string>>();
const openedOn = (page: Page): Set<string> => {
  const set = openedIds.get(page) ?? new Set<string>();
  openedIds.set(page, set);
  return set;
};

/** Selects the next unopened row, then Enter: keypress → conversation painted. */
async function openNext(page: Page): Promise<number> {
  await grid(page).focus();
  await selectNext(page, openedOn(page));
  const painted = nextMeasure(page, 'thread-open');
  await page.keyboard.press('Enter');
  return painted;
}

/** j (next row) then Enter (open), `n` times: Enter → conversation painted, each. */
export async function openConversations(page: Page, n: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) samples.push(await openNext(page));
  return samples;
}

/**
 * Waits until the list shows the answer to the newest keystroke, and then its total; returns
 * both measures (the total comes with the rows or after them, see useSearch; NaN for a build
 * that does not time it).
 */
async function searchSettled(page: Page): Promise<{ ms: number; totalMs: number }> {
  const measureOf = (name: string) =>
    page.waitForFunction(
      ([name, list]) => {
        const start = (window as unknown as { __lastSearchStart: number }).__lastSearchStart;
        const done = performance
          .getEntriesByName(name, 'measure')
          .find((m) => Math.abs(m.startTime - start) < 0.001);
        const busy = list && document.querySelector('[role="grid"]')?.getAttribute('aria-busy');
        if (done !== undefined) return busy === 'true' ? null : done.duration;
        // A build that keeps no clock of this name (ui-ab's older builds: no 'search-total').
        // (-1: waitForFunction waits on until its value is truthy, which NaN is not.)
        return performance.getEntriesByName(`${name}:start`, 'mark').length > 0 ? null : -1;
      },
      [name, name === 'search'] as const,
      { timeout: 30_000, polling: 'raf' },
    );
  const duration = async (name: string): Promise<number> => {
    const value = Number(await (await measureOf(name)).jsonValue());
    return value < 0 ? NaN : value;
  };
  const ms = await duration('search');
  return { ms, totalMs: await duration('search-total') };
}

// What sellers look for: Japanese and Chinese words (IME commits), buyer IDs typed key by key.
// Each round has words of its own, and the warm-up others again: the core remembers a search's
// total until the data changes, and a seller's next word is rarely one just searched. (With
// the same seven words every round, all but the warm-up's first pass found their totals
// remembered.)
export const WARMUP_QUERIES = ['配送', '商品', '注文', '关于', '咨询'];
export const QUERY_ROUNDS = [
  ['配送状況', '返品', 'サイズ', '什么时候', '发货', 'yuki', 'momo'],
  ['追跡番号', '在庫', '交換', '退货', '订单', 'kenji', 'sakura'],
  ['不良品', '支払い', '領収書', '破损', '付款', 'qoo', 'lily'],
  ['再入荷', 'クーポン', '色味', '发票', '取消', 'mimi', 'yuki77'],
];

/** Milliseconds between keystrokes of a fast typist (about 12 keys a second). */
const KEY_INTERVAL_MS = 80;
const isAscii = (text: string): boolean => /^[\x20-\x7e]*$/.test(text);
const readingMs = (text: string): number =>
  isAscii(text) ? KEY_INTERVAL_MS : 2 * text.length * KEY_INTERVAL_MS;

/** A word typed: → its list painted (`ms`), → its total shown (`totalMs`). */
export interface TypedSearch {
  query: string;
  ms: number;
  totalMs: number;
}

/**
 * Enters each query into the search box as a seller would, after clearing it: Japanese and
 * Chinese arrive whole when the IME commits the conversion (one input event); letters and
 * digits one key at a time at a fast typist's pace, the list answering as they go. The figure
 * is the last input → the list painted for the full query.
 */
export async function typedSearches(
  page: Page,
  queries: readonly string[],
): Promise<TypedSearch[]> {
  const out: TypedSearch[] = [];
  for (const query of queries) {
    await searchBox(page).focus();
    if ((await searchBox(page).inputValue()) !== '') {
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.press('Backspace');
      await searchSettled(page);
    }
    // The seller's hands between clearing the box and the word: the first key's interval, or
    // the reading typed into the IME (about two romaji keys a character) before it commits.
    // Typed at once, a word's clock started while the list still scrolled back to the
    // selection after the clear, which no seller is fast enough to overlap.
    await page.waitForTimeout(readingMs(query));
    if (isAscii(query)) await page.keyboard.type(query, { delay: KEY_INTERVAL_MS });
    else await page.keyboard.insertText(query);
    out.push({ query, ...(await searchSettled(page)) });
  }
  await searchBox(page).fill('');
  await searchSettled(page);
  return out;
}

/** Opens the next conversation and sends a reply, `n` times: Send confirmed → shown as queued. */
export async function sendReplies(page: Page, n: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    await openNext(page);
    await page.keyboard.press('r');
    await page.keyboard.type(`ベンチマークの返信 ${i + 1}: ご連絡ありがとうございます。`);
    await page.keyboard.press('Control+Enter');
    const queued = nextMeasure(page, 'send');
    await page.getByRole('dialog').getByRole('button', { name: 'Send', exact: true }).click();
    samples.push(await queued);
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  }
  return samples;
}

export interface ScrollRun {
  seconds: number;
  frames: number[];
  idleFrames: number[];
  longTasks: LongTask[];
  rowsScrolled: number;
}

/** Wheel-scrolls the list for `seconds` (pages load as it goes); idle frames as the reference. */
export async function scrollList(page: Page, seconds: number): Promise<ScrollRun> {
  const list = grid(page);
  await list.evaluate((el) => el.scrollTo({ top: 0 }));
  const idleFrames = await frameIntervals(page, () => page.waitForTimeout(2_000));
  const box = await list.boundingBox();
  if (box === null) throw new Error('the list is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const since = await pageNow(page);
  const frames = await frameIntervals(page, async () => {
    const end = Date.now() + seconds * 1000;
    while (Date.now() < end) await page.mouse.wheel(0, 240);
  });
  const longTasks = await longTasksSince(page, since);
  const top = await list.evaluate((el) => el.scrollTop);
  return { seconds, frames, idleFrames, longTasks, rowsScrolled: Math.round(top / 36) };
}
