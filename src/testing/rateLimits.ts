/** One of the limits the live API reports in `rate_limits.updated`. */
export interface RateLimit {
  name: 'requests' | 'tokens'
  limit: number
  remaining: number
  reset_seconds: number
}

/**
 * The rate limits the simulated account has left. The live API reports them after every response
 * (as one `tokens` limit in the GA capture); here each response spends its tokens, and the budget
 * refills as on a per-minute limit.
 */
export class RateLimits {
  readonly #limit: number
  #remaining: number

  constructor(limit = 40_000) {
    this.#limit = limit
    this.#remaining = limit
  }

  /** A response used `tokens`. */
  spend(tokens: number): void {
    this.#remaining = Math.max(0, this.#remaining - tokens)
  }

  snapshot(): RateLimit[] {
    const used = this.#limit - this.#remaining
    // The live API's reset: the time the used tokens take to refill at limit/60 s.
    const reset = Math.round((used / this.#limit) * 60 * 1000) / 1000
    return [{ name: 'tokens', limit: this.#limit, remaining: this.#remaining, reset_seconds: reset }]
  }
}
