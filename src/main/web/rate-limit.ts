// A token bucket per connection: bursts (a search typed quickly, a page opening) pass, a page
// or script that floods the socket gets RATE_LIMITED answers instead of queueing core work.
export interface RateLimit {
  /** Calls allowed in a burst. */
  burst: number;
  /** Sustained calls per second. */
  perSecond: number;
}

export class TokenBucket {
  #tokens: number;
  #last: number;
  readonly #limit: RateLimit;
  readonly #now: () => number;

  constructor(limit: RateLimit, now: () => number = () => performance.now()) {
    this.#limit = limit;
    this.#now = now;
    this.#tokens = limit.burst;
    this.#last = now();
  }

  take(): boolean {
    const t = this.#now();
    const refill = ((t - this.#last) / 1000) * this.#limit.perSecond;
    this.#tokens = Math.min(this.#limit.burst, this.#tokens + refill);
    this.#last = t;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}
