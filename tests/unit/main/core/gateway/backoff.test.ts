import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  fullJitterDelay,
  hintedDelay,
  sleep,
} from '../../../../../src/main/core/gateway/backoff.js';

describe('backoff', () => {
  it('full jitter stays within [0, min(cap, base·2^n)]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        (attempt, base, cap, r) => {
          const d = fullJitterDelay(attempt, { baseMs: base, capMs: cap }, () => r);
          return d >= 0 && d <= Math.min(cap, base * 2 ** attempt);
        },
      ),
    );
  });

  it('grows the ceiling exponentially until the cap', () => {
    const top = (n: number) => fullJitterDelay(n, { baseMs: 100, capMs: 1000 }, () => 0.999999);
    expect([0, 1, 2, 3, 4, 10].map(top)).toEqual([99, 199, 399, 799, 999, 999]);
  });

  it('never waits less than a server hint', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (hint) => {
        return hintedDelay(hint, { baseMs: 200, capMs: 5000 }, () => 0.5) >= hint;
      }),
    );
  });

  it('sleep can be cut short by an abort signal', async () => {
    const ac = new AbortController();
    const p = sleep(10_000, ac.signal);
    ac.abort(new Error('stop'));
    await expect(p).rejects.toThrow('stop');
  });
});
