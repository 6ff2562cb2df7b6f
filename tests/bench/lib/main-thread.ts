// Watching an event loop while work runs. Two views of a block: how late a short interval fires
// (what a user feels, but on a loaded machine it also counts time the OS gave to other
// processes), and how long the loop was *busy running JavaScript* between two ticks (event-loop
// utilization: being descheduled while idle does not count), which is the block the code causes.
// A busy stretch still counts the time the thread was ready to run but waited for a CPU; on
// Linux the thread's own scheduler statistics tell the two apart.
import { readFileSync } from 'node:fs';
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
  /** When that stretch ended, ms after the watch began. */
  busyMaxAtMs: number;
  /** Of that stretch, the time the thread was on a CPU (ms; null where the OS does not say). */
  busyMaxOnCpuMs: number | null;
  /** Of that stretch, the time it was ready to run but waited for a CPU (ms; null likewise).
   *  The rest of it the thread slept: a lock, a page fault, a garbage collection's helpers. */
  busyMaxWaitMs: number | null;
  /** Share of the time the loop was busy (0–1). */
  utilization: number;
}

export interface SchedStat {
  /** Time on a CPU so far (ms). */
  cpu: number;
  /** Time ready to run, waiting for a CPU, so far (ms). */
  wait: number;
}

/**
 * A thread's scheduler statistics so far, from Linux's schedstat (this thread's by default);
 * null elsewhere, or when the thread is gone.
 */
export function schedStat(path = '/proc/thread-self/schedstat'): SchedStat | null {
  try {
    const [cpu, wait] = readFileSync(path, 'utf8').split(' ').map(Number);
    return { cpu: (cpu ?? 0) / 1e6, wait: (wait ?? 0) / 1e6 };
  } catch {
    return null;
  }
}

/** Starts watching this thread's event loop; `stop()` returns what was seen since. */
export function watchEventLoop(): { stop(): LoopWatch } {
  const loop = monitorEventLoopDelay({ resolution: PROBE_MS });
  const elu = performance.eventLoopUtilization;
  const start = elu();
  let lastElu = start;
  const began = performance.now();
  let last = began;
  let probeMax = 0;
  let busyMax = 0;
  let busyMaxAt = 0;
  let busyMaxSched: SchedStat | null = null;
  let lastSched = schedStat();
  const probe = setInterval(() => {
    const now = performance.now();
    probeMax = Math.max(probeMax, now - last - PROBE_MS);
    last = now;
    const e = elu();
    const active = elu(e, lastElu).active;
    const sched = lastSched === null ? null : schedStat();
    if (active > busyMax) {
      busyMax = active;
      busyMaxAt = now - began;
      busyMaxSched =
        sched === null || lastSched === null
          ? null
          : { cpu: sched.cpu - lastSched.cpu, wait: sched.wait - lastSched.wait };
    }
    lastElu = e;
    lastSched = sched;
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
        busyMaxAtMs: busyMaxAt,
        busyMaxOnCpuMs: busyMaxSched?.cpu ?? null,
        busyMaxWaitMs: busyMaxSched?.wait ?? null,
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
