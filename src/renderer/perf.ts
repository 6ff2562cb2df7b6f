// Performance marks the benchmark reads (tests/bench drives the real app and collects
// `performance.getEntriesByType('measure')`), so it never has to guess with sleeps.

interface TaskScheduler {
  postTask(cb: () => void, options: { priority: 'user-blocking' }): Promise<unknown>;
}

/** Runs `cb` in a task of its own, ahead of the tasks already queued where the browser can. */
function postUrgentTask(cb: () => void): void {
  const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
  if (scheduler !== undefined) {
    void scheduler.postTask(cb, { priority: 'user-blocking' });
    return;
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    cb();
  };
  channel.port2.postMessage(null);
}

/**
 * Run `cb` once the browser has painted the frame that is being built now: the rAF callback
 * runs before the paint, a task posted from it after. The task jumps the queue: as a plain
 * message it waited behind work queued meanwhile (React's next slices, a WebSocket message),
 * and a traced send's 'painted' mark came 3-17 ms after the paint it was to mark.
 */
export function afterPaint(cb: () => void): void {
  requestAnimationFrame(() => postUrgentTask(cb));
}

// Marks are diagnostics: an environment without the User Timing API must not break the UI.
const timing = (): Performance | null =>
  typeof performance !== 'undefined' && typeof performance.mark === 'function' ? performance : null;

/** Starts the clocks of `names`, all at this moment. */
export function markStart(...names: string[]): void {
  const performance = timing();
  if (!performance) return;
  const startTime = performance.now();
  for (const name of names) {
    performance.clearMarks(`${name}:start`);
    performance.mark(`${name}:start`, { startTime });
  }
}

/** Like markStart, but keeps an earlier start (a keystroke that already started the clock). */
export function markStartOnce(...names: string[]): void {
  const performance = timing();
  if (!performance) return;
  const startTime = performance.now();
  for (const name of names)
    if (performance.getEntriesByName(`${name}:start`, 'mark').length === 0)
      performance.mark(`${name}:start`, { startTime });
}

/** Marks `<name>:<step>` now: a step inside a measure's window, for a trace to show. */
export function markStep(name: string, step: string): void {
  const performance = timing();
  if (!performance) return;
  performance.clearMarks(`${name}:${step}`); // the last one only: marks are never dropped
  performance.mark(`${name}:${step}`);
}

/** Mark `<name>:painted` after the next paint and measure from `<name>:start` when present. */
export function markPainted(name: string): void {
  const performance = timing();
  if (!performance) return;
  afterPaint(() => {
    performance.mark(`${name}:painted`);
    if (performance.getEntriesByName(`${name}:start`, 'mark').length > 0) {
      performance.measure(name, `${name}:start`, `${name}:painted`);
      performance.clearMarks(`${name}:start`);
    }
  });
}

let firstListPaintDone = false;
/** 'list:first-paint' once per page load: the first time rows are on screen. */
export function markFirstListPaint(): void {
  if (firstListPaintDone) return;
  firstListPaintDone = true;
  afterPaint(() => timing()?.mark('list:first-paint'));
}
