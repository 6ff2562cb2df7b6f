// The core's thread runs the sync: pages parsed, rows written, search documents built, work no
// seller waits on while it runs, next to a window they are looking at. On a two-core laptop a
// log-in's first sync took most of both cores just as the inbox mounted, and the page's first
// layout (20-25 ms of its own CPU) took 50-150 ms. On Linux a thread's nice value is its own
// (setpriority on the calling thread), so the core's thread can give way to the window's threads
// and to the host's event loop whenever they want a CPU, and still have every CPU they leave
// idle. Elsewhere the same call would lower the whole host process (Electron's main process
// with it), so it is left alone there. It is lowered as the first sync pass begins, not at
// start-up: a cold start's first screen waits on this thread's answers while the page's own
// threads take the CPUs, and at the lower priority they came 150-300 ms later (one full run at
// 100k). It cannot be raised again without a privilege, so from then on it stays.
import { setPriority } from 'node:os';

/** The core thread's nice value on Linux: 0 is the default, 19 the lowest priority. */
export const CORE_THREAD_NICE = 10;

/**
 * Lowers the calling thread's CPU priority where that is per thread (Linux). Returns whether it
 * did; a system that refuses (a sandbox without the permission) leaves it as it was.
 */
export function yieldCpuToTheWindow(
  platform: NodeJS.Platform = process.platform,
  set: (pid: number, priority: number) => void = setPriority,
): boolean {
  if (platform !== 'linux') return false;
  try {
    set(0, CORE_THREAD_NICE);
    return true;
  } catch {
    return false;
  }
}
