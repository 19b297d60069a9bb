import type { WireSessionConfig } from '../core'
import { createGuard, errorResponse as fail, type GuardOptions, jsonResponse as json } from './guard'

/** The OpenAI API's base URL, where client secrets are minted. */
export const OPENAI_API_BASE = 'https://api.openai.com/v1'

/** Options of {@link createClientSecretHandler}. */
export interface ClientSecretHandlerOptions<TIdentity = true> extends GuardOptions<TIdentity> {
  /** The standard API key; it never leaves the server. */
  apiKey: string
  /**
   * The session the secret is for, fixed here: a client cannot change instructions, tools or model.
   * A function builds it per caller from the identity `authorize` returned.
   */
  session:
    | WireSessionConfig
    | ((identity: TIdentity, request: Request) => WireSessionConfig | Promise<WireSessionConfig>)
  /** Lifetime of the secret, 10..7200 s. Default 600. */
  expiresAfterSeconds?: number
  /** Default `https://api.openai.com/v1`. */
  baseUrl?: string
  fetch?: typeof fetch
  /** Larger request bodies are refused (413); the endpoint needs none. Default 1024 bytes. */
  maxBodyBytes?: number
}

/** What the handler answers: the secret and when it expires (seconds since the epoch, as the API says). */
export interface ClientSecretResponse {
  value: string
  expiresAt: number
}

/**
 * A fetch-standard handler that mints an ephemeral client secret (`POST /v1/realtime/client_secrets`)
 * for a session configured on the server. Works as a Next.js route handler, in Hono, Cloudflare
 * Workers, Deno and Bun as is, and in Express through `toNodeHandler`.
 * @example
 * export const POST = createClientSecretHandler({
 *   apiKey: process.env.OPENAI_API_KEY!,
 *   authorize: async (request) => (await userFromCookie(request)) ?? null, // null: 401
 *   allowedOrigins: ['https://app.example.com'],
 *   rateLimit: { limit: 10, windowMs: 60_000 },
 *   session: (user) => ({ type: 'realtime', instructions: `You help ${user.name}.` }),
 * })
 */
export function createClientSecretHandler<TIdentity = true>(
  options: ClientSecretHandlerOptions<TIdentity>,
): (request: Request) => Promise<Response> {
  if (!options.apiKey)
    throw new TypeError(
      'createClientSecretHandler needs `apiKey` (your standard OpenAI key, kept on the server).',
    )
  const seconds = Math.min(7200, Math.max(10, Math.round(options.expiresAfterSeconds ?? 600)))
  const maxBody = options.maxBodyBytes ?? 1024
  const guard = createGuard('client secret', options)
  const url = `${(options.baseUrl ?? OPENAI_API_BASE).replace(/\/$/, '')}/realtime/client_secrets`

  return async (request) => {
    if (request.method !== 'POST')
      return fail(405, 'method_not_allowed', 'Use POST to get a client secret.', { allow: 'POST' })
    const verdict = await guard(request)
    if (!verdict.ok) return verdict.response
    const declared = Number(request.headers.get('content-length') ?? 0)
    if (declared > maxBody)
      return fail(
        413,
        'body_too_large',
        `The request body is over ${maxBody} bytes; this endpoint needs none.`,
      )
    // Read what came (bounded) but use none of it: the session is fixed on the server.
    const body = await request.arrayBuffer().catch(() => new ArrayBuffer(0))
    if (body.byteLength > maxBody)
      return fail(
        413,
        'body_too_large',
        `The request body is over ${maxBody} bytes; this endpoint needs none.`,
      )

    let session: WireSessionConfig
    try {
      session =
        typeof options.session === 'function'
          ? await options.session(verdict.identity, request)
          : options.session
    } catch {
      return fail(500, 'session_config_failed', 'The server could not build the session configuration.')
    }
    let upstream: Response
    try {
      // Resolved per call: test tools and platforms may replace fetch after this handler was made.
      upstream = await (options.fetch ?? globalThis.fetch)(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${options.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ expires_after: { anchor: 'created_at', seconds }, session }),
      })
    } catch {
      return fail(502, 'upstream_unreachable', 'The Realtime API could not be reached; try again shortly.')
    }
    // Upstream messages are not passed on: they can quote (part of) the key.
    if (upstream.status === 401 || upstream.status === 403)
      return fail(502, 'upstream_auth_failed', "The server's OpenAI API key was refused.")
    if (upstream.status === 429) {
      const retry = upstream.headers.get('retry-after')
      return fail(
        429,
        'rate_limited',
        'Too many sessions right now; try again shortly.',
        retry ? { 'retry-after': retry } : {},
      )
    }
    if (upstream.status === 400 || upstream.status === 422)
      return fail(
        500,
        'session_config_rejected',
        "The Realtime API rejected the server's session configuration.",
      )
    if (!upstream.ok)
      return fail(502, 'upstream_failed', `The Realtime API answered ${upstream.status}; try again shortly.`)
    const data = (await upstream.json().catch(() => null)) as { value?: unknown; expires_at?: unknown } | null
    if (typeof data?.value !== 'string' || typeof data.expires_at !== 'number')
      return fail(502, 'upstream_invalid', 'The Realtime API answered with an unexpected body.')
    return json(200, { value: data.value, expiresAt: data.expires_at } satisfies ClientSecretResponse)
  }
}
