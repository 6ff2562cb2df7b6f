// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterPaint } from '../../../src/renderer/perf.js';

describe('afterPaint', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('runs the callback in a task posted from the next animation frame, ahead of the queue', () => {
    const frames: FrameRequestCallback[] = [];
    const posted: { cb: () => void; priority: string }[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    vi.stubGlobal('scheduler', {
      postTask: (cb: () => void, o: { priority: string }) => {
        posted.push({ cb, priority: o.priority });
        return Promise.resolve();
      },
    });
    const cb = vi.fn();
    afterPaint(cb);
    expect(posted).toHaveLength(0); // not before the frame
    frames[0]?.(0);
    expect(cb).not.toHaveBeenCalled(); // not inside the frame (before its paint) either
    expect(posted.map((p) => p.priority)).toEqual(['user-blocking']);
    posted[0]?.cb();
    expect(cb).toHaveBeenCalledOnce();
  });

  it('falls back to a message where the Scheduler API is missing', async () => {
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => cb(0));
    vi.stubGlobal('scheduler', undefined);
    const ran = new Promise<void>((resolve) => afterPaint(resolve));
    await expect(ran).resolves.toBeUndefined();
  });
});
