// Fault injection for QAPI calls (never for the admin API): latency with jitter, 5xx answers,
// dropped connections and a per-key rate limit. Errors and drops strike either before the
// call runs (nothing happened) or after it committed (it happened, the answer is lost) —
// the second case is the one that proves a client's retries are exactly-once.
import { Rng } from './generator/rng.js';

export interface FaultConfig {
  latencyMs: number;
  jitterMs: number;
  /** Probability of an HTTP 5xx answer. */
  error: number;
  /** Probability of a destroyed connection. */
  drop: number;
  /** Requests per second per key; 0 = unlimited. */
  ratelimit: number;
}

export const NO_FAULTS: FaultConfig = {
  latencyMs: 0,
  jitterMs: 0,
  error: 0,
  drop: 0,
  ratelimit: 0,
};

/** Parses `latency=MS,jitter=MS,error=P,drop=P,ratelimit=N`; throws with a clear message. */
export function parseFaults(spec: string): FaultConfig {
  const out = { ...NO_FAULTS };
  for (const part of spec
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')) {
    const [name, value, extra] = part.split('=');
    const n = Number(value);
    if (
      value === undefined ||
      extra !== undefined ||
      value.trim() === '' ||
      !Number.isFinite(n) ||
      n < 0
    ) {
      throw new Error(`fault "${part}": expected name=non-negative number`);
    }
    switch (name) {
      case 'latency':
        out.latencyMs = n;
        break;
      case 'jitter':
        out.jitterMs = n;
        break;
      case 'error':
      case 'drop':
        if (n > 1) throw new Error(`fault "${part}": a probability is between 0 and 1`);
        out[name] = n;
        break;
      case 'ratelimit':
        if (!Number.isInteger(n))
          throw new Error(`fault "${part}": requests per second is an integer`);
        out.ratelimit = n;
        break;
      default:
        throw new Error(
          `unknown fault "${String(name)}" (latency, jitter, error, drop, ratelimit)`,
        );
    }
  }
  return out;
}

export const formatFaults = (f: FaultConfig): string =>
  `latency=${f.latencyMs},jitter=${f.jitterMs},error=${f.error},drop=${f.drop},ratelimit=${f.ratelimit}`;

export type Strike = 'before' | 'after' | null;

export interface FaultDecision {
  delayMs: number;
  /** Milliseconds until the key's rate window reopens, or null when within the limit. */
  retryAfterMs: number | null;
  error: Strike;
  drop: Strike;
}

export class Faults {
  private config: FaultConfig;
  private readonly rng: Rng;
  private readonly windows = new Map<string, { second: number; count: number }>();

  constructor(config: FaultConfig = NO_FAULTS, seed = Date.now()) {
    this.config = config;
    this.rng = new Rng(seed);
  }

  get current(): FaultConfig {
    return { ...this.config };
  }

  set(config: FaultConfig): void {
    this.config = config;
    this.windows.clear();
  }

  decide(key: string, now: number): FaultDecision {
    const c = this.config;
    const strike = (p: number): Strike =>
      p > 0 && this.rng.chance(p) ? (this.rng.chance(0.5) ? 'before' : 'after') : null;
    return {
      delayMs: c.latencyMs + (c.jitterMs > 0 ? this.rng.int(c.jitterMs + 1) : 0),
      retryAfterMs: this.rateLimit(key, now),
      error: strike(c.error),
      drop: strike(c.drop),
    };
  }

  /** A fixed one-second window per key: the (N+1)th call within a second is refused. */
  private rateLimit(key: string, now: number): number | null {
    if (this.config.ratelimit <= 0) return null;
    const second = Math.floor(now / 1000);
    const w = this.windows.get(key);
    if (w?.second !== second) {
      if (this.windows.size > 10_000) this.windows.clear();
      this.windows.set(key, { second, count: 1 });
      return null;
    }
    w.count += 1;
    return w.count > this.config.ratelimit ? (second + 1) * 1000 - now : null;
  }
}
