// Where the renderer's main thread spends its time, from a Chromium trace: self time per event
// (script, style recalculation, layout, paint, GC...). The CPU profile shows only JavaScript;
// the rest ("(program)" there) is here.
import { readFileSync } from 'node:fs';

/** What the timeline and the user-timing marks need ('blink.user_timing' for the measures). */
export const TRACE_CATEGORIES = ['devtools.timeline', 'blink.user_timing'];

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { functionName?: string } };
}

/** The trace's complete events on the page's main thread(s), and all its events. */
function loadTrace(tracePath: string): { all: TraceEvent[]; main: TraceEvent[] } {
  const { traceEvents } = JSON.parse(readFileSync(tracePath, 'utf8')) as {
    traceEvents: TraceEvent[];
  };
  const mainThreads = new Set(
    traceEvents
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const main = traceEvents.filter(
    (e) => e.ph === 'X' && e.dur !== undefined && mainThreads.has(`${e.pid}:${e.tid}`),
  );
  return { all: traceEvents, main };
}

/** Self milliseconds per event name of nested complete events of one thread. */
function selfTimes(events: readonly TraceEvent[]): Map<string, number> {
  const spans = [...events].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const stack: { end: number; name: string; self: number }[] = [];
  const close = (until: number): void => {
    while (stack.length > 0 && (stack.at(-1)?.end ?? 0) <= until) {
      const done = stack.pop();
      if (done !== undefined) self.set(done.name, (self.get(done.name) ?? 0) + done.self / 1000);
    }
  };
  for (const e of spans) {
    const dur = e.dur ?? 0;
    close(e.ts);
    const parent = stack.at(-1);
    if (parent !== undefined) parent.self -= dur;
    stack.push({ end: e.ts + dur, name: e.name, self: dur });
  }
  close(Number.POSITIVE_INFINITY);
  return self;
}

/** Self milliseconds per event name on the page's main thread, largest first. */
export function mainThreadSelfTimes(tracePath: string): [string, number][] {
  return [...selfTimes(loadTrace(tracePath).main).entries()].sort((a, b) => b[1] - a[1]);
}

const KINDS: [RegExp, string][] = [
  [/GC/, 'gc'],
  [/^(FunctionCall|EvaluateScript|v8\.|TimerFire|FireAnimationFrame|EventDispatch)/, 'script'],
  [/^(UpdateLayoutTree|ParseAuthorStyleSheet)/, 'style'],
  [/^(Layout|UpdateLayer|HitTest)/, 'layout'],
  [/^(Paint|PrePaint|Layerize|Commit|RasterTask)/, 'paint'],
];
const kindOf = (name: string): string => KINDS.find(([re]) => re.test(name))?.[1] ?? 'other';

/**
 * For each window of the user-timing measure `name`: the main thread's busy milliseconds by
 * kind (script, style, layout, paint, gc, other) and the idle rest, which is waiting (on the
 * core, the bridge, the next frame). Needs the 'blink.user_timing' trace category.
 */
export function measureBreakdown(tracePath: string, name: string): Record<string, number>[] {
  const { all, main } = loadTrace(tracePath);
  const ends = all.filter((e) => e.name === name && e.ph === 'e').map((e) => e.ts);
  const begins = all.filter((e) => e.name === name && e.ph === 'b').map((e) => e.ts);
  return begins.map((from, i) => {
    const to = ends[i] ?? from;
    const inside = main.filter((e) => e.ts >= from && e.ts + (e.dur ?? 0) <= to);
    const total = (to - from) / 1000;
    const out: Record<string, number> = { total };
    let busy = 0;
    for (const [n, ms] of selfTimes(inside)) {
      const kind = kindOf(n);
      out[kind] = (out[kind] ?? 0) + ms;
      busy += ms;
    }
    out.idle = total - busy;
    return out;
  });
}

const SHORT_NAMES: [RegExp, string][] = [
  [/^UpdateLayoutTree$/, 'style'],
  [/^FireAnimationFrame$/, 'rAF'],
  [/^EventDispatch$/, 'event'],
  [/^RunPostTaskCallback$/, 'postTask'],
];

/** What a top-level main-thread event was: React's work, a message handler, a frame's stage. */
function labelOf(e: TraceEvent, inner: TraceEvent | undefined): string {
  const fn = (e.name === 'FunctionCall' ? e : inner)?.args?.data?.functionName ?? '';
  if (fn === 'performWorkUntilDeadline') return 'React';
  if (e.name === 'FunctionCall') return fn === '' ? 'script' : fn;
  return SHORT_NAMES.find(([re]) => re.test(e.name))?.[1] ?? e.name;
}

/**
 * For each window of the user-timing measure `name`: its main thread's top-level events of at
 * least `minMs` (and every message handler), as `label@start+duration` in ms from the window's
 * start — when the answer came, what ran before it, React's work, the frame that showed it.
 */
export function measureTimelines(tracePath: string, name: string, minMs = 0.4): string[] {
  const { all, main } = loadTrace(tracePath);
  const sorted = [...main].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const top: TraceEvent[] = [];
  let busyUntil = 0;
  for (const e of sorted)
    if (e.ts >= busyUntil) {
      top.push(e);
      busyUntil = e.ts + (e.dur ?? 0);
    }
  const firstCall = (e: TraceEvent): TraceEvent | undefined =>
    sorted.find(
      (c) => c.name === 'FunctionCall' && c.ts >= e.ts && c.ts < e.ts + (e.dur ?? 0) && c !== e,
    );
  const begins = all.filter((e) => e.name === name && e.ph === 'b').map((e) => e.ts);
  const ends = all.filter((e) => e.name === name && e.ph === 'e').map((e) => e.ts);
  return begins.map((from, i) => {
    const to = ends[i] ?? from;
    // The page's own steps inside the window (markStep), as zero-length events.
    const steps = all.filter(
      (e) => e.name.startsWith(`${name}:`) && e.ph !== 'b' && e.ph !== 'e' && e.ph !== 'X',
    );
    const parts = [...top, ...steps.map((e) => ({ ...e, dur: 0 }))]
      .sort((a, b) => a.ts - b.ts)
      .filter((e) => e.ts >= from && e.ts <= to)
      .map((e) => ({ e, label: labelOf(e, firstCall(e)), ms: (e.dur ?? 0) / 1000 }))
      .filter(({ e, label, ms }) => ms >= minMs || /onmessage/.test(label) || e.dur === 0)
      .map(({ e, label, ms }) => `${label}@${((e.ts - from) / 1000).toFixed(1)}+${ms.toFixed(1)}`);
    return `${((to - from) / 1000).toFixed(1).padStart(6)} ms | ${parts.join(' ')}`;
  });
}
