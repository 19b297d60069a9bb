/** One caller's use of a fixed window: how many requests so far and when the window resets (ms since the epoch). */
export interface RateLimitHit {
  count: number
  resetAt: number
}

/**
 * Where request counts live. The in-memory default suits one process; several processes behind a
 * load balancer share a store (Redis `INCR` + `PEXPIRE`, say) by implementing this one method.
 */
export interface RateLimitStore {
  /** Counts one request of `key` in a window of `windowMs` starting at its first request. */
  hit(key: string, windowMs: number, now: number): RateLimitHit | Promise<RateLimitHit>
}

/** Fixed windows in a Map; expired windows are swept as new ones open, so memory follows active callers. */
export class MemoryRateLimitStore implements RateLimitStore {
  readonly #windows = new Map<string, RateLimitHit>()
  #nextSweep = 0

  hit(key: string, windowMs: number, now: number): RateLimitHit {
    if (now >= this.#nextSweep) {
      for (const [k, w] of this.#windows) if (w.resetAt <= now) this.#windows.delete(k)
      this.#nextSweep = now + windowMs
    }
    let window = this.#windows.get(key)
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowMs }
      this.#windows.set(key, window)
    }
    window.count++
    return { count: window.count, resetAt: window.resetAt }
  }

  /** Callers with an open window (for tests and metrics). */
  get size(): number {
    return this.#windows.size
  }
}

/** A per-identity limit: at most `limit` requests per `windowMs`. */
export interface RateLimitOptions<TIdentity> {
  limit: number
  /** Default 60 000 (a minute). */
  windowMs?: number
  /** Default: a new {@link MemoryRateLimitStore}. */
  store?: RateLimitStore
  /**
   * The key a caller is counted under. Default: a string identity itself, else its `id`, else one
   * key shared by all anonymous callers (headers such as `x-forwarded-for` are the caller's to forge,
   * so counting by address is left to an app that knows its proxy).
   */
  key?: (identity: TIdentity, request: Request) => string
}

/** The default key: see {@link RateLimitOptions.key}. */
export function defaultRateLimitKey(identity: unknown): string {
  if (typeof identity === 'string' || typeof identity === 'number') return `id:${identity}`
  if (identity && typeof identity === 'object' && 'id' in identity) return `id:${String(identity.id)}`
  return 'anonymous'
}
