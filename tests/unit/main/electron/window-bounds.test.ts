import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SIZE,
  MIN_SIZE,
  restoreBounds,
} from '../../../../src/main/electron/window-bounds.js';

const primary = { x: 0, y: 0, width: 1920, height: 1040 };
const left = { x: -1280, y: 0, width: 1280, height: 1024 };

describe('restoreBounds', () => {
  it('opens at the default size without saved bounds', () => {
    expect(restoreBounds(undefined, [primary])).toEqual({ ...DEFAULT_SIZE, maximized: false });
  });

  it('restores bounds that are visible, also on a second monitor', () => {
    const saved = { x: -1000, y: 100, width: 1000, height: 700, maximized: false };
    expect(restoreBounds(saved, [primary, left])).toEqual(saved);
  });

  it('falls back when the monitor the window was on is gone', () => {
    const saved = { x: -1000, y: 100, width: 1000, height: 700, maximized: true };
    expect(restoreBounds(saved, [primary])).toEqual({ ...DEFAULT_SIZE, maximized: true });
  });

  it('enforces the minimum size and fits the default into a small screen', () => {
    const tiny = { x: 10, y: 10, width: 200, height: 100, maximized: false };
    expect(restoreBounds(tiny, [primary])).toMatchObject(MIN_SIZE);
    expect(restoreBounds(undefined, [{ x: 0, y: 0, width: 1024, height: 700 }])).toEqual({
      width: 1024,
      height: 700,
      maximized: false,
    });
  });
});
