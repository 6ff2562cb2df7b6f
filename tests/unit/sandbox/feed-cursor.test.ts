import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../../src/sandbox/feed-cursor.js';
import { QapiError } from '../../../src/sandbox/envelope.js';

const resync = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof QapiError && e.code === 'RESYNC_REQUIRED';
  }
  return false;
};

describe('change-feed cursors', () => {
  it('round-trip for the shop and epoch that issued them', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Za-z-]{1,20}$/), fc.nat(1_000_000), (shop, seq) => {
        expect(decodeCursor('s1', shop, encodeCursor('s1', shop, seq), seq)).toBe(seq);
      }),
    );
    expect(decodeCursor('s1', '100001', '', 5)).toBe(0);
    expect(decodeCursor('s1', '100001', undefined, 5)).toBe(0);
  });

  it('are unknown to another epoch, another shop, ahead of the feed, or when altered', () => {
    const c = encodeCursor('s1', '100001', 10);
    expect(resync(() => decodeCursor('s2', '100001', c, 10))).toBe(true);
    expect(resync(() => decodeCursor('s1', '100002', c, 10))).toBe(true);
    expect(resync(() => decodeCursor('s1', '100001', c, 9))).toBe(true);
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (junk) => {
        fc.pre(junk !== c);
        expect(resync(() => decodeCursor('s1', '100001', junk, 10))).toBe(true);
      }),
    );
  });
});
