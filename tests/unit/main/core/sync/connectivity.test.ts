import { describe, expect, it } from 'vitest';
import { createConnectivity } from '../../../../../src/main/core/sync/connectivity.js';
import type { Emit } from '../../../../../src/main/core/sync/events.js';

describe('connectivity', () => {
  it('emits and notifies only on changes', () => {
    const emitted: unknown[] = [];
    const emit: Emit = (name, payload) => emitted.push([name, payload]);
    const c = createConnectivity(emit);
    const seen: boolean[] = [];
    const off = c.onChange((o) => seen.push(o));
    c.report(true);
    c.report(false);
    c.report(false);
    c.report(true);
    off();
    c.report(false);
    expect(seen).toEqual([false, true]);
    expect(emitted).toEqual([
      ['connectivity', { online: false }],
      ['connectivity', { online: true }],
      ['connectivity', { online: false }],
    ]);
    expect(c.online).toBe(false);
  });
});
