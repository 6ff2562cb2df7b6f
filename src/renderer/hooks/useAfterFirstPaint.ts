// Widgets a screen's first paint can do without: heavy antd parts (selects, the menu) whose
// first render on a cold JIT held up the inbox on every start.
import { startTransition, useEffect, useState } from 'react';
import { afterPaint } from '../perf.js';

/**
 * False in the first render, true once the browser has painted it: then as a transition, so
 * what mounts yields to the browser instead of running as one long task. Until then a screen
 * shows a still stand-in of the same size (no role: tests and assistive technology wait for
 * the real widget).
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => afterPaint(() => startTransition(() => setPainted(true))), []);
  return painted;
}
