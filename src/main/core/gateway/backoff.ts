// Retry timing shared by the gateway (per request) and the outbox (per action): exponential
// backoff with "full jitter" (a uniform draw in [0, min(cap, base·2^n)]), which spreads clients
// that failed together instead of having them retry in lock-step.

export interface BackoffPolicy {
  /** First retry's ceiling (ms). */
  baseMs: number;
  /** No delay is ever longer than this (ms). */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 200, capMs: 5_000 };

/** Delay before retry number `attempt` (0 = the first retry). `random` returns [0, 1). */
export function fullJitterDelay(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}

/**
 * The delay to wait when the server named one (Retry-After, or the wire error's hint): never
 * less than the hint, plus a little jitter so a crowd does not come back in the same millisecond.
 */
export function hintedDelay(hintMs: number, policy: BackoffPolicy, random = Math.random): number {
  return Math.min(Math.max(policy.capMs, hintMs), hintMs + Math.floor(random() * policy.baseMs));
}

/** Sleep that an AbortSignal can cut short (rejects with the signal's reason). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
