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

  it('reads a wire date as Date.UTC does, and refuses what it would not round-trip', () => {
    const two = (n: number): string => String(n).padStart(2, '0');
    // Days up to 31 in every month, so that impossible dates come up as often as real ones.
    const fields = fc.tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
      fc.integer({ min: 0, max: 24 }),
      fc.integer({ min: 0, max: 60 }),
      fc.integer({ min: 0, max: 60 }),
    );
    fc.assert(
      fc.property(fields, ([y, mo, d, h, mi, s]) => {
        const text = `${String(y).padStart(4, '0')}-${two(mo)}-${two(d)} ${two(h)}:${two(mi)}:${two(s)}`;
        const utc = Date.UTC(y, mo - 1, d, h, mi, s);
        const back = new Date(utc);
        const real =
          back.getUTCFullYear() === y &&
          back.getUTCMonth() === mo - 1 &&
          back.getUTCDate() === d &&
          h < 24 &&
          mi < 60 &&
          s < 60;
        expect(parseWireDate(text)).toBe(real ? utc - 9 * 3600 * 1000 : null);
      }),
      { numRuns: 2000 },
    );
  });

  it('knows the leap years and the years Date.UTC reads as 19xx', () => {
    const jst = (y: number, mo: number, d: number): number =>
      Date.UTC(y, mo - 1, d) - 9 * 3600 * 1000;
    expect(parseWireDate('2000-02-29 00:00:00')).toBe(jst(2000, 2, 29));
    expect(parseWireDate('2024-02-29 00:00:00')).toBe(jst(2024, 2, 29));
    expect(parseWireDate('0100-03-01 00:00:00')).toBe(jst(100, 3, 1));
    expect(parseWireDate('9999-12-31 00:00:00')).toBe(jst(9999, 12, 31));
    for (const no of ['2100-02-29 00:00:00', '2023-02-29 00:00:00', '0099-12-31 23:59:59'])
      expect(parseWireDate(no)).toBeNull();
  });

  it('rejects malformed and impossible dates', () => {
    for (const bad of [
      '2026-02-30 00:00:00',
      '2026-13-01 00:00:00',
      '2026-1-01 00:00:00',
      '2026-01-01T00:00:00',
      '2026-01-01 00:00:0x',
      '２０２６-01-01 00:00:00',
      '2026-01-01 00:00:00 ',
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
