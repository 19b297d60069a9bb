import { defaultRateLimitKey, MemoryRateLimitStore, type RateLimitOptions } from './rateLimit'

const REFUSAL = Symbol('refusal')

/** What `authorize` returns to refuse a request with a status other than 401. */
export interface Refusal {
  readonly [REFUSAL]: true
  readonly status: 401 | 403
  readonly message: string
}

/** Refuses a request from `authorize`: 401 (who are you?) or 403 (you may not). */
export function refuse(status: 401 | 403, message?: string): Refusal {
  return {
    [REFUSAL]: true,
    status,
    message: message ?? (status === 401 ? 'Sign in first.' : 'You may not use this endpoint.'),
  }
}

function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && REFUSAL in value
}

/**
 * Decides who a request comes from: an identity (any value but null/undefined/false), `null` for
 * 401, or {@link refuse} for 401/403. It sees the whole request (cookies, headers, URL).
 */
export type Authorize<TIdentity> = (
  request: Request,
) => TIdentity | Refusal | null | undefined | false | Promise<TIdentity | Refusal | null | undefined | false>

/** The safety options every server entry point of the kit takes. */
export interface GuardOptions<TIdentity> {
  /** Who is calling; required in production unless `allowAnonymous` is set. */
  authorize?: Authorize<TIdentity>
  /** Opts out of `authorize` explicitly: anyone who reaches the endpoint may use it. */
  allowAnonymous?: boolean
  /**
   * Origins a browser may call from (`https://app.example.com`), or a test. A request whose
   * `Origin` header is not allowed gets 403; requests without one (servers, Twilio) pass.
   */
  allowedOrigins?: readonly string[] | ((origin: string) => boolean)
  /** A per-identity request limit; over it, 429 with `retry-after`. */
  rateLimit?: RateLimitOptions<TIdentity>
  /** Production refuses to start without `authorize` or `allowAnonymous`. Default: `NODE_ENV === 'production'`. */
  production?: boolean
  /** Milliseconds since the epoch, for the rate limit; default `Date.now`. */
  now?: () => number
}

/** A guard's verdict: the caller's identity, or the response that refuses them. */
export type GuardResult<TIdentity> = { ok: true; identity: TIdentity } | { ok: false; response: Response }

/** Where the server helpers' responses are built: JSON, never cached. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
  })
}

/** A JSON error body `{ error: { code, message } }`. */
export const errorResponse = (
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
) => jsonResponse(status, { error: { code, message } }, headers)

function isProduction(): boolean {
  return typeof process !== 'undefined' && process.env?.NODE_ENV === 'production'
}

/**
 * Builds the check every entry point runs first: origin (403), identity (401/403), rate limit
 * (429). Throws at creation in production when nothing authorizes and the app did not opt out.
 * @example
 * const guard = createGuard('client secrets', { authorize: (req) => userOf(req.headers.get('cookie')) })
 */
export function createGuard<TIdentity = true>(
  endpoint: string,
  options: GuardOptions<TIdentity>,
): (request: Request) => Promise<GuardResult<TIdentity>> {
  const production = options.production ?? isProduction()
  if (production && !options.authorize && !options.allowAnonymous)
    throw new TypeError(
      `The ${endpoint} endpoint has no \`authorize\` in production: anyone could use it. Pass \`authorize\` (who may call) or \`allowAnonymous: true\` to accept that.`,
    )
  const origins = options.allowedOrigins
  const originAllowed =
    typeof origins === 'function' ? origins : origins ? (o: string) => origins.includes(o) : () => true
  const limit = options.rateLimit
  const store = limit?.store ?? new MemoryRateLimitStore()
  const windowMs = limit?.windowMs ?? 60_000
  const keyOf = limit?.key ?? defaultRateLimitKey
  const now = options.now ?? Date.now

  return async (request) => {
    const origin = request.headers.get('origin')
    if (origin !== null && !originAllowed(origin))
      return {
        ok: false,
        response: errorResponse(403, 'origin_not_allowed', `Origin ${origin} may not call this endpoint.`),
      }
    let identity: TIdentity
    if (options.authorize) {
      let verdict: Awaited<ReturnType<Authorize<TIdentity>>>
      try {
        verdict = await options.authorize(request)
      } catch {
        return {
          ok: false,
          response: errorResponse(500, 'authorize_failed', 'The server could not check who is calling.'),
        }
      }
      if (isRefusal(verdict))
        return {
          ok: false,
          response: errorResponse(
            verdict.status,
            verdict.status === 401 ? 'unauthorized' : 'forbidden',
            verdict.message,
          ),
        }
      if (verdict === null || verdict === undefined || verdict === false)
        return { ok: false, response: errorResponse(401, 'unauthorized', 'Sign in first.') }
      identity = verdict
    } else {
      // Without authorize every caller is the same anonymous identity.
      identity = true as TIdentity
    }
    if (limit) {
      const at = now()
      const hit = await store.hit(keyOf(identity, request), windowMs, at)
      if (hit.count > limit.limit) {
        const seconds = Math.max(1, Math.ceil((hit.resetAt - at) / 1000))
        return {
          ok: false,
          response: errorResponse(429, 'rate_limited', `Too many requests; try again in ${seconds} s.`, {
            'retry-after': String(seconds),
          }),
        }
      }
    }
    return { ok: true, identity }
  }
}
