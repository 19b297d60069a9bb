import type { RealtimeRunner, RealtimeRunOptions, RealtimeSession } from '../core'
import { createGuard, errorResponse, type GuardOptions, jsonResponse } from './guard'
import { attachToCall } from './sip/attach'

/** Options of {@link createSidebandHandler}. */
export interface SidebandHandlerOptions<TContext, TIdentity> extends GuardOptions<TIdentity> {
  /** Runs the server's agent (with the tools, secrets and databases) on the call. */
  runner: RealtimeRunner<TContext>
  /** Credentials and connection for the attached session (`{ apiKey }`; `url` for the simulator). */
  run: (identity: TIdentity, callId: string) => Omit<RealtimeRunOptions<TContext>, 'url'> & { url?: string }
  /** The attached session, to watch or update it; it lives as long as the call. */
  onSession?: (session: RealtimeSession<TContext>, identity: TIdentity, callId: string) => void
}

const CALL_ID = /^rtc_[A-Za-z0-9_-]{1,128}$/

/**
 * The endpoint a browser calls with its WebRTC call's id (`POST { "callId": "rtc_..." }`): the
 * server attaches a session of its own agent to the same call, so tools run here while the browser
 * shows the conversation (run the browser's session with `remoteTools: true`). Browser-facing, so
 * it takes the guard: `authorize`, `allowedOrigins`, `rateLimit`.
 * @example
 * app.post('/sideband', toNodeHandler(createSidebandHandler({
 *   runner: new RealtimeRunner(agent), run: () => ({ apiKey }), authorize: userOf, allowedOrigins: [origin],
 * })))
 */
export function createSidebandHandler<TContext, TIdentity = true>(
  options: SidebandHandlerOptions<TContext, TIdentity>,
): (request: Request) => Promise<Response> {
  const guard = createGuard<TIdentity>('sideband', options)
  return async (request) => {
    if (request.method !== 'POST')
      return errorResponse(405, 'method_not_allowed', 'POST the call id to attach to it.', { allow: 'POST' })
    const verdict = await guard(request)
    if (!verdict.ok) return verdict.response
    const text = await request.text().catch(() => '')
    let callId: unknown
    try {
      callId = text.length <= 1024 ? (JSON.parse(text) as { callId?: unknown }).callId : undefined
    } catch {
      callId = undefined
    }
    if (typeof callId !== 'string' || !CALL_ID.test(callId))
      return errorResponse(400, 'invalid_call_id', 'Send `{ "callId": "rtc_..." }` with the id of your call.')
    let session: RealtimeSession<TContext>
    try {
      session = await attachToCall(options.runner, callId, options.run(verdict.identity, callId))
    } catch {
      return errorResponse(
        502,
        'attach_failed',
        `Could not attach to call ${callId}; is it still in progress?`,
      )
    }
    options.onSession?.(session, verdict.identity, callId)
    return jsonResponse(200, { attached: true, callId })
  }
}
