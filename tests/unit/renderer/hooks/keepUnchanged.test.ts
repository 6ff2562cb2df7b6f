import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keepUnchangedItems, sameContent } from '../../../../src/renderer/hooks/keepUnchanged.js';

const row = (id: string, body: string) => ({ id, body, tags: [body.length] });

describe('keepUnchangedItems', () => {
  it('keeps the previous object of an unchanged item and takes the changed one', () => {
    const prev = [row('a', 'x'), row('b', 'y')];
    const next = [row('a', 'x'), row('b', 'changed'), row('c', 'z')];
    const out = keepUnchangedItems(prev, next, (r) => r.id);
    expect(out[0]).toBe(prev[0]);
    expect(out[1]).toBe(next[1]);
    expect(out[2]).toBe(next[2]);
  });

  it('returns the previous array when nothing changed', () => {
    const prev = [row('a', 'x'), row('b', 'y')];
    expect(keepUnchangedItems(prev, [row('a', 'x'), row('b', 'y')], (r) => r.id)).toBe(prev);
  });

  it('returns a new array when the order changed', () => {
    const prev = [row('a', 'x'), row('b', 'y')];
    const out = keepUnchangedItems(prev, [row('b', 'y'), row('a', 'x')], (r) => r.id);
    expect(out).not.toBe(prev);
    expect(out.map((r) => r.id)).toEqual(['b', 'a']);
  });

  it('always has the content of the new list', () => {
    const item = fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd'), body: fc.string() });
    fc.assert(
      fc.property(fc.array(item), fc.array(item), (prev, next) => {
        const out = keepUnchangedItems(prev, next, (r) => r.id);
        expect(out).toEqual(next);
        out.forEach((r, i) => {
          if (r !== next[i]) expect(prev).toContain(r);
        });
      }),
    );
  });
});

describe('sameContent', () => {
  it('compares plain data by content', () => {
    expect(sameContent({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toBe(true);
    expect(sameContent({ a: [1] }, { a: [2] })).toBe(false);
    expect(sameContent(null, null)).toBe(true);
  });
});
