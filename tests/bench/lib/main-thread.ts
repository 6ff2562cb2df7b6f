// Watching an event loop while work runs. Two views of a block: how late a short interval fires
// (what a user feels, but on a loaded machine it also counts time the OS gave to other
// processes), and how long the loop was *busy running JavaScript* between two ticks (event-loop
// utilization: being descheduled while idle does not count), which is the block the code causes.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

export const PROBE_MS = 5;

export interface LoopWatch {
  /** Longest gap beyond its period seen by a setInterval probe (ms). */
  probeMaxMs: number;
  /** monitorEventLoopDelay's max and p99 (ms). */
  loopMaxMs: number;
  loopP99Ms: number;
  /** Longest stretch the loop spent running code between two probe ticks (ms). */
  busyMaxMs: number;
  /** Share of the time the loop was busy (0–1). */
  utilization: number;
}

/** Starts watching this thread's event loop; `stop()` returns what was seen since. */
export function watchEventLoop(): { stop(): LoopWatch } {
  const loop = monitorEventLoopDelay({ resolution: PROBE_MS });
  const elu = performance.eventLoopUtilization;
  const start = elu();
  let lastElu = start;
  let last = performance.now();
  let probeMax = 0;
  let busyMax = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    probeMax = Math.max(probeMax, now - last - PROBE_MS);
    last = now;
    const e = elu();
    busyMax = Math.max(busyMax, elu(e, lastElu).active);
    lastElu = e;
  }, PROBE_MS);
  loop.enable();
  return {
    stop() {
      loop.disable();
      clearInterval(probe);
      return {
        probeMaxMs: probeMax,
        loopMaxMs: loop.max / 1e6,
        loopP99Ms: loop.percentile(99) / 1e6,
        busyMaxMs: busyMax,
        utilization: elu(start).utilization,
      };
    },
  };
}

/** Runs `work` under watchEventLoop. */
export async function measureLoop<T>(
  work: () => Promise<T>,
): Promise<LoopWatch & { value: T; elapsed: number }> {
  const watch = watchEventLoop();
  const t0 = performance.now();
  const value = await work();
  const elapsed = performance.now() - t0;
  return { value, elapsed, ...watch.stop() };
}
