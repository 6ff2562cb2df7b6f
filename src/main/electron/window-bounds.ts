// Restoring the window where the seller left it, but never off-screen: a monitor may have been
// unplugged since, or the resolution changed.
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SavedBounds extends Rect {
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 800 } as const;
export const MIN_SIZE = { width: 900, height: 600 } as const;
/** How much of the window must stay on some display to count as visible. */
const MIN_VISIBLE_PX = 100;

function overlap(a: Rect, b: Rect): { w: number; h: number } {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { w: Math.max(0, w), h: Math.max(0, h) };
}

/**
 * The bounds to open with: the saved ones when a usable part of the window lands on one of the
 * displays' work areas, otherwise the default size centred on the primary work area.
 */
export function restoreBounds(
  saved: SavedBounds | undefined,
  workAreas: readonly Rect[],
): SavedBounds | { width: number; height: number; maximized: boolean } {
  const primary = workAreas[0];
  const fallback = {
    width: Math.min(DEFAULT_SIZE.width, primary?.width ?? DEFAULT_SIZE.width),
    height: Math.min(DEFAULT_SIZE.height, primary?.height ?? DEFAULT_SIZE.height),
    maximized: saved?.maximized ?? false,
  };
  if (!saved) return fallback;
  const width = Math.max(MIN_SIZE.width, Math.round(saved.width));
  const height = Math.max(MIN_SIZE.height, Math.round(saved.height));
  const rect = { x: Math.round(saved.x), y: Math.round(saved.y), width, height };
  const visible = workAreas.some((area) => {
    const o = overlap(rect, area);
    return o.w >= MIN_VISIBLE_PX && o.h >= MIN_VISIBLE_PX;
  });
  return visible ? { ...rect, maximized: saved.maximized } : fallback;
}
