// Another process's main thread, watched from outside through Linux's scheduler statistics: for
// a stretch of time (a long task the page reported), how much of it the thread ran on a CPU and
// how much it was ready to run but waited for one. A long task of 70 ms can be 30 ms of work and
// 40 ms of waiting while other processes had both cores; the cure differs.
import { performance } from 'node:perf_hooks';
import type { Browser } from '@playwright/test';
import { schedStat, type SchedStat } from './main-thread.js';

/** How often the thread's counters are read (ms): a long task is at least 50. Each read is a
 *  small file read in the suite's own process, which shares the CPUs with what it watches. */
const EVERY_MS = 4;

interface Sample extends SchedStat {
  /** Wall-clock time (epoch ms). */
  at: number;
}

export interface SchedShare {
  cpuMs: number;
  waitMs: number;
}

export interface ThreadWatch {
  /** What the thread did between two wall-clock times (epoch ms); null outside the samples. */
  within(from: number, to: number): SchedShare | null;
  stop(): void;
}

function read(pid: number): Sample | null {
  const s = schedStat(`/proc/${String(pid)}/task/${String(pid)}/schedstat`);
  return s === null ? null : { at: performance.timeOrigin + performance.now(), ...s };
}

/** The counters at `t`, read off the line between the samples around it. */
function at(samples: readonly Sample[], t: number): Sample | null {
  const i = samples.findIndex((s) => s.at >= t);
  if (i <= 0) return null;
  const a = samples[i - 1];
  const b = samples[i];
  if (a === undefined || b === undefined) return null;
  const f = b.at === a.at ? 0 : (t - a.at) / (b.at - a.at);
  return { at: t, cpu: a.cpu + f * (b.cpu - a.cpu), wait: a.wait + f * (b.wait - a.wait) };
}

/** Samples `pid`'s main thread (a process's main thread has the process's id) until stopped. */
export function watchThread(pid: number): ThreadWatch {
  const samples: Sample[] = [];
  const first = read(pid);
  if (first !== null) samples.push(first);
  const timer =
    first === null
      ? null
      : setInterval(() => {
          const s = read(pid);
          if (s !== null) samples.push(s);
        }, EVERY_MS);
  return {
    within(from, to) {
      const a = at(samples, from);
      const b = at(samples, to);
      return a === null || b === null ? null : { cpuMs: b.cpu - a.cpu, waitMs: b.wait - a.wait };
    },
    stop() {
      if (timer !== null) clearInterval(timer);
    },
  };
}

/**
 * The process id of the browser's busiest renderer so far, as its DevTools protocol lists them:
 * once a page has loaded, its renderer (a spare one has done next to nothing).
 */
export async function busiestRendererPid(browser: Browser): Promise<number | null> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
    const renderers = processInfo.filter((p) => p.type === 'renderer');
    return renderers.sort((a, b) => b.cpuTime - a.cpuTime)[0]?.id ?? null;
  } finally {
    await cdp.detach();
  }
}
