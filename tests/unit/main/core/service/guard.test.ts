import { describe, expect, it } from 'vitest';
import type { InboxMethod } from '../../../../../src/shared/api.js';
import { makeCaller } from '../../../../../src/main/core/service/guard.js';
import type { WindowFirst } from '../../../../../src/main/core/sync/window-first.js';

function recordingWindow(log: string[]): WindowFirst {
  return {
    touch: (method: InboxMethod) => log.push(`touch ${method}`),
    clear: () => Promise.resolve(),
  };
}

describe('calls and the window-first sync', () => {
  it('a call tells the sync what the window asked, as it comes and as its answer goes', async () => {
    const log: string[] = [];
    const call = makeCaller(undefined, recordingWindow(log));
    const res = await call('getSession', {}, async () => {
      log.push('run');
      await Promise.resolve();
      return null;
    });
    expect(res).toEqual({ ok: true, value: null });
    expect(log).toEqual(['touch getSession', 'run', 'touch getSession']);
  });

  it('a failed call too: the window draws its error', async () => {
    const log: string[] = [];
    const call = makeCaller(undefined, recordingWindow(log));
    const res = await call('selectShop', { shopId: 'all' }, () => {
      throw new Error('boom');
    });
    expect(res.ok).toBe(false);
    expect(log).toEqual(['touch selectShop', 'touch selectShop']);
  });
});
