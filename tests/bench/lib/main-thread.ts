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
  /** Share of the time the loop was busy (0–1). */
  utilization: number;
}

/** This thread's time on a CPU so far (ms), from Linux's schedstat; null elsewhere. */
function onCpuMs(): number | null {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
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
  let busyMaxOnCpu: number | null = null;
  let lastCpu = onCpuMs();
  const probe = setInterval(() => {
    const now = performance.now();
    probeMax = Math.max(probeMax, now - last - PROBE_MS);
    last = now;
    const e = elu();
    const active = elu(e, lastElu).active;
    const cpu = lastCpu === null ? null : onCpuMs();
    if (active > busyMax) {
      busyMax = active;
      busyMaxAt = now - began;
      busyMaxOnCpu = cpu === null || lastCpu === null ? null : cpu - lastCpu;
    }
    lastElu = e;
    lastCpu = cpu;
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
        busyMaxOnCpuMs: busyMaxOnCpu,
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
