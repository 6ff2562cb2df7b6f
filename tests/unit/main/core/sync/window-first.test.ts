import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createWindowFirst,
  MAX_PAUSE_MS,
  MIN_RUN_MS,
  QUIET_MS,
  SCREEN_MS,
  type WindowFirst,
} from '../../../../../src/main/core/sync/window-first.js';

// The gate reads the same clock its timers run on: vitest's fake one.
let gate: WindowFirst;
beforeEach(() => {
  vi.useFakeTimers();
  gate = createWindowFirst({ now: () => Date.now() });
});
afterEach(() => {
  vi.useRealTimers();
});

/** When `clear()` resolves, in fake ms from now, with `during` run at each ms of the wait. */
async function clearedAfter(during: (ms: number) => void = () => undefined): Promise<number> {
  const t0 = Date.now();
  const cleared = { yet: false };
  void gate.clear().then(() => {
    cleared.yet = true;
  });
  for (let ms = 0; ms <= 10 * MAX_PAUSE_MS; ms++) {
    await vi.advanceTimersByTimeAsync(ms === 0 ? 0 : 1);
    if (cleared.yet) return Date.now() - t0;
    during(Date.now() - t0);
  }
  throw new Error('clear() never resolved');
}

describe('the window goes first', () => {
  it('lets the sync go on at once while no screen is changing', async () => {
    expect(await clearedAfter()).toBe(0);
    // Calls that are not a new screen (a refresh after the sync's news, its status) hold
    // nothing back: the sync would otherwise wait on its own echo.
    gate.touch('search');
    gate.touch('syncStatus');
    expect(await clearedAfter()).toBe(0);
  });

  it('holds the sync after a screen change until the window has been quiet for QUIET_MS', async () => {
    gate.touch('selectShop');
    await vi.advanceTimersByTimeAsync(50);
    expect(await clearedAfter()).toBe(QUIET_MS - 50);
  });

  it("keeps holding while the new screen's calls go on, and not after SCREEN_MS", async () => {
    gate.touch('login');
    // The shop picker asks for something 100 ms into the wait: quiet QUIET_MS after that.
    const waited = await clearedAfter((ms) => {
      if (ms === 100) gate.touch('listShops');
    });
    expect(waited).toBe(100 + QUIET_MS);
    await vi.advanceTimersByTimeAsync(SCREEN_MS);
    gate.touch('search'); // the screen is drawn: an ordinary call again
    expect(await clearedAfter()).toBe(0);
  });

  it('never starves the sync: a pause ends after MAX_PAUSE_MS, then it runs for MIN_RUN_MS', async () => {
    const busy = (): void => gate.touch('selectShop'); // a window that never stops
    busy();
    expect(await clearedAfter(busy)).toBe(MAX_PAUSE_MS);
    busy();
    expect(await clearedAfter(busy)).toBe(0); // its run: no wait however busy the window is
    await vi.advanceTimersByTimeAsync(MIN_RUN_MS);
    busy();
    expect(await clearedAfter(busy)).toBe(MAX_PAUSE_MS); // and the next pause
  });
});
