import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  jstDayBounds,
  parseQueryDate,
  parseWireDate,
  toIsoJst,
  toQueryDate,
  toWireDate,
} from '../../../src/shared/jst.js';

describe('JST wire dates', () => {
  it('formats an instant in Japan Standard Time', () => {
    const ms = Date.UTC(2026, 10, 27, 15, 30, 5); // 2026-11-27 15:30:05Z = 2026-11-28 00:30:05 JST
    expect(toWireDate(ms)).toBe('2026-11-28 00:30:05');
    expect(toIsoJst(ms)).toBe('2026-11-28T00:30:05+09:00');
    expect(toQueryDate(ms)).toBe('20261128');
    expect(toQueryDate(ms, true)).toBe('20261128003005');
  });

  it('round-trips every second-aligned instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000 }), (sec) => {
        const ms = sec * 1000;
        expect(parseWireDate(toWireDate(ms))).toBe(ms);
        expect(parseQueryDate(toQueryDate(ms, true))).toBe(ms);
      }),
    );
  });

  it('rejects malformed and impossible dates', () => {
    for (const bad of [
      '2026-02-30 00:00:00',
      '2026-13-01 00:00:00',
      '2026-1-01 00:00:00',
      '',
      'x',
    ]) {
      expect(parseWireDate(bad)).toBeNull();
    }
    for (const bad of ['20260230', '2026011', '20260101246000', '2026-01-01']) {
      expect(parseQueryDate(bad)).toBeNull();
    }
  });

  it('expands a bare day to its first or last JST second', () => {
    const start = parseQueryDate('20261128')!;
    const end = parseQueryDate('20261128', true)!;
    expect(toWireDate(start)).toBe('2026-11-28 00:00:00');
    expect(toWireDate(end)).toBe('2026-11-28 23:59:59');
    expect(jstDayBounds('2026-11-28')).toEqual([start, end + 999]);
    expect(jstDayBounds('2026-11-31')).toBeNull();
  });
});
