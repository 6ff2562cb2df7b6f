// The window goes first: as the seller's window changes screens (the log-in answered, a shop
// picked: the inbox mounting), the sync's requests for pages, its write slices and its search
// documents wait while the window is still asking for things, so the page renders its new screen
// with the machine to itself. On a two-core laptop a log-in's first sync (its writes, and the
// server's pages it asks for meanwhile) took most of both cores just as the inbox mounted: the
// page's first layout, 48 ms of its own CPU, took 121 ms of wall time (traced at 100k).
// Only a screen change arms it: the calls the page makes *because of* the sync (its status when
// a shop is done, the list refreshed with the news) must not hold that sync back, or every pass
// would wait on its own echo. And the sync is never starved: after a pause of MAX_PAUSE_MS it
// runs for MIN_RUN_MS whatever the window does.
import type { InboxMethod } from '../../../shared/api.js';

/** The calls after which the window draws a new screen. */
const SCREEN_CHANGES: ReadonlySet<InboxMethod> = new Set(['login', 'selectShop']);
/** How long after a screen change the window's calls hold the sync back. */
export const SCREEN_MS = 1_000;
/** How long after the window's last call the sync keeps waiting (the answer is being drawn). */
export const QUIET_MS = 150;
/** The longest the sync waits in one go. */
export const MAX_PAUSE_MS = 600;
/** After a pause that long, how long the sync runs before it waits again. */
export const MIN_RUN_MS = 300;

export interface WindowFirst {
  /** The window asked for `method` (and is about to draw the answer). */
  touch(method: InboxMethod): void;
  /** Resolves when the sync may go on: the window is quiet, or the sync has waited enough. */
  clear(): Promise<void>;
}

interface Options {
  now?: () => number;
}

export function createWindowFirst(options: Options = {}): WindowFirst {
  const now = options.now ?? (() => performance.now());
  let screenUntil = Number.NEGATIVE_INFINITY;
  let lastTouch = Number.NEGATIVE_INFINITY;
  let pausedSince: number | null = null;
  let runUntil = Number.NEGATIVE_INFINITY;

  /** How long the sync should still wait from `t` (0: go). */
  function waitFrom(t: number): number {
    const quietIn = lastTouch + QUIET_MS - t;
    if (quietIn <= 0 || t < runUntil) {
      pausedSince = null;
      return 0;
    }
    pausedSince ??= t;
    const pauseLeft = pausedSince + MAX_PAUSE_MS - t;
    if (pauseLeft <= 0) {
      pausedSince = null;
      runUntil = t + MIN_RUN_MS;
      return 0;
    }
    return Math.min(quietIn, pauseLeft);
  }

  return {
    touch(method) {
      const t = now();
      if (SCREEN_CHANGES.has(method)) screenUntil = t + SCREEN_MS;
      if (t < screenUntil) lastTouch = t;
    },
    async clear() {
      for (let ms = waitFrom(now()); ms > 0; ms = waitFrom(now()))
        await new Promise((resolve) => setTimeout(resolve, ms));
    },
  };
}

/** No window to give way to (the CLI, tests of the sync alone). */
export const NO_WINDOW: WindowFirst = { touch: () => undefined, clear: () => Promise.resolve() };
