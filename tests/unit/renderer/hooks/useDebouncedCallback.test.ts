// @vitest-environment jsdom
// The debounce behind the list's and the counters' refreshes
// (src/renderer/hooks/useDebouncedCallback.ts).
import { renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDebouncedCallback } from '../../../../src/renderer/hooks/useDebouncedCallback.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Calls `debounced` every `every` ms, `times` times; returns when each call of `fn` came. */
function stream(maxWait: number | undefined, every: number, times: number): number[] {
  const ran: number[] = [];
  const { result } = renderHook(() =>
    useDebouncedCallback(() => ran.push(performance.now()), 300, maxWait),
  );
  const start = performance.now();
  for (let i = 0; i < times; i++) {
    result.current();
    vi.advanceTimersByTime(every);
  }
  vi.advanceTimersByTime(1000);
  return ran.map((t) => t - start);
}

describe('a debounced callback', () => {
  it('runs once a burst pauses', () => {
    expect(stream(undefined, 100, 5)).toEqual([700]);
  });

  it('without a wait limit, runs only when a steady stream of calls ends', () => {
    expect(stream(undefined, 200, 20)).toEqual([4100]);
  });

  it('with one, runs at least that often while the stream lasts', () => {
    // Calls at 0, 200, … 3800 ms: the one at 3800 is run at 4000, a second after the call at
    // 3000 that began what was pending.
    expect(stream(1000, 200, 20)).toEqual([1000, 2000, 3000, 4000]);
    expect(stream(1000, 200, 3)).toEqual([700]);
  });

  it('drops what is pending on unmount', () => {
    const fn = vi.fn();
    const { result, unmount } = renderHook(() => useDebouncedCallback(fn, 300, 1000));
    result.current();
    unmount();
    vi.advanceTimersByTime(2000);
    expect(fn).not.toHaveBeenCalled();
  });
});
