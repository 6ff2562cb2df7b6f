import { useCallback, useEffect, useMemo, useRef } from 'react';

export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  /** Run the pending call now, if any. */
  flush: () => void;
  /** Drop the pending call. */
  cancel: () => void;
}

/**
 * A stable debounced wrapper around the latest `fn`; pending calls are dropped on unmount. With
 * `maxWait`, a stream of calls that never pauses for `ms` still runs it once that long after the
 * stream's first unrun call (a sync announces changes more often than every 300 ms for as long
 * as it runs: a plain debounce left a 100k log-in's list empty until its sync ended).
 */
export function useDebouncedCallback<A extends unknown[]>(
  fn: (...args: A) => void,
  ms: number,
  maxWait?: number,
): Debounced<A> {
  const fnRef = useRef(fn);
  fnRef.current = fn;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<A | null>(null);
  /** When the first call not yet run came (performance.now()). */
  const since = useRef(0);

  const cancel = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
  }, []);
  const flush = useCallback(() => {
    const args = pending.current;
    cancel();
    if (args) fnRef.current(...args);
  }, [cancel]);

  useEffect(() => cancel, [cancel]);

  return useMemo(() => {
    const debounced = (...args: A): void => {
      const now = performance.now();
      if (pending.current === null) since.current = now;
      pending.current = args;
      if (timer.current !== null) clearTimeout(timer.current);
      const wait = maxWait === undefined ? ms : Math.min(ms, since.current + maxWait - now);
      timer.current = setTimeout(flush, Math.max(0, wait));
    };
    return Object.assign(debounced, { flush, cancel });
  }, [ms, maxWait, flush, cancel]);
}
