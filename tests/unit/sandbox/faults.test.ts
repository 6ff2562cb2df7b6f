import { describe, expect, it } from 'vitest';
import { Faults, NO_FAULTS, formatFaults, parseFaults } from '../../../src/sandbox/faults.js';

describe('parseFaults', () => {
  it('reads the --faults spec', () => {
    expect(parseFaults('latency=200,jitter=50,error=0.05,drop=0.01,ratelimit=5')).toEqual({
      latencyMs: 200,
      jitterMs: 50,
      error: 0.05,
      drop: 0.01,
      ratelimit: 5,
    });
    expect(parseFaults('')).toEqual(NO_FAULTS);
    expect(parseFaults(formatFaults({ ...NO_FAULTS, error: 0.5 }))).toEqual({
      ...NO_FAULTS,
      error: 0.5,
    });
  });

  it.each([
    'error=1.5',
    'drop=-0.1',
    'latency=abc',
    'latency=',
    'latency',
    'ratelimit=2.5',
    'nope=1',
    'error=0.1=2',
  ])('refuses %s', (spec) => {
    expect(() => parseFaults(spec)).toThrow(/fault/);
  });
});

describe('Faults.decide', () => {
  it('limits each key to N calls per one-second window and says when to retry', () => {
    const f = new Faults({ ...NO_FAULTS, ratelimit: 2 }, 1);
    const t = 1_000_000_000_250;
    expect(f.decide('a', t).retryAfterMs).toBeNull();
    expect(f.decide('a', t + 10).retryAfterMs).toBeNull();
    expect(f.decide('a', t + 20).retryAfterMs).toBe(730);
    expect(f.decide('b', t + 20).retryAfterMs).toBeNull();
    expect(f.decide('a', t + 750).retryAfterMs).toBeNull();
  });

  it('strikes errors and drops at the configured rates, before or after the call', () => {
    const f = new Faults({ ...NO_FAULTS, error: 0.25, drop: 1 }, 7);
    const decisions = Array.from({ length: 4000 }, (_, i) => f.decide('k', i * 1000));
    const errors = decisions.filter((d) => d.error !== null).length / decisions.length;
    expect(errors).toBeGreaterThan(0.2);
    expect(errors).toBeLessThan(0.3);
    expect(decisions.every((d) => d.drop !== null)).toBe(true);
    expect(new Set(decisions.map((d) => d.drop))).toEqual(new Set(['before', 'after']));
    expect(new Faults(NO_FAULTS, 1).decide('k', 0)).toEqual({
      delayMs: 0,
      retryAfterMs: null,
      error: null,
      drop: null,
    });
  });

  it('adds jitter within [latency, latency + jitter]', () => {
    const f = new Faults({ ...NO_FAULTS, latencyMs: 100, jitterMs: 20 }, 3);
    const delays = Array.from({ length: 500 }, () => f.decide('k', 0).delayMs);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...delays)).toBeLessThanOrEqual(120);
    expect(new Set(delays).size).toBeGreaterThan(5);
  });
});
