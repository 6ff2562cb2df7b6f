// The quiet at the start of a session restored from the cache: the core answers the window from
// the cache and stays off the network for a moment, so the window's first paint has the machine
// to itself. On a two-core laptop the restored start's network work (Node's HTTP client loading,
// the login's confirmation, the first sync pass, the parsing of their answers) competed with the
// page's start-up for the CPU: a cold start at 100k painted its list up to ~0.3 s later with it.

export interface Quiet {
  /** Resolves when the quiet is over: after its time, or when something ended it. */
  readonly over: Promise<void>;
  /** Ends the quiet now (something needs the server: a reply, a thread, Sync now). */
  readonly end: () => void;
}

/** A quiet of `ms` (none when ms ≤ 0). Its timer never keeps the process alive. */
export function quietFor(ms: number): Quiet {
  let end: () => void = () => undefined;
  const over = new Promise<void>((resolve) => {
    end = resolve;
  });
  if (ms <= 0) {
    end();
  } else {
    const timer = setTimeout(end, ms);
    timer.unref();
    void over.then(() => clearTimeout(timer));
  }
  return { over, end };
}

/** Hosts with a window (the shells): covers a cold start's first paint at 100k (1.5–2 s). */
export const STARTUP_QUIET_MS = 2_000;
