// The sandbox's notion of "now". The admin API can move it forward, which is how tests reach a
// key's expiry or the edge of the 30-day counters without waiting.
export interface Clock {
  now(): number;
  /** Shifts "now" by `ms` relative to the real clock (0 = real time). */
  setOffset(ms: number): void;
  offset(): number;
}

export function systemClock(): Clock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    setOffset: (ms) => {
      offset = ms;
    },
    offset: () => offset,
  };
}
