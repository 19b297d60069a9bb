import type { Webhook } from 'standardwebhooks'
import type { WireSessionConfig } from '../../core'
import { createGuard, errorResponse, type GuardOptions, jsonResponse, refuse } from '../guard'
import { type CallsClient, createCallsClient } from './calls'

/** A phone call ringing at the project (`realtime.call.incoming`), with its controls. */
export interface IncomingCall {
  callId: string
  sipHeaders: { name: string; value: string }[]
  /** A SIP header's value (`From`, `To`, ...), case-insensitive; null when absent. */
  header(name: string): string | null
  accept(session: WireSessionConfig): Promise<void>
  reject(options?: { statusCode?: number }): Promise<void>
  refer(targetUri: string): Promise<void>
  hangup(): Promise<void>
}

/** Options of {@link createSipWebhook}. */
export interface SipWebhookOptions<TIdentity> extends GuardOptions<TIdentity> {
  /** The webhook's signing secret (`whsec_...`) from the project's webhook settings. */
  secret: string
  /** The key for the calls endpoints (or pass `calls`). */
  apiKey?: string
  calls?: CallsClient
  baseUrl?: string
  fetch?: typeof fetch
  /**
   * A call rings: accept (then attach a session with `attachToCall`), reject or refer it. Runs after
   * the webhook answered 200, so a slow answer does not make the API retry; errors go to `log`.
   */
  onIncomingCall: (call: IncomingCall, identity: TIdentity) => void | Promise<void>
  /** Default `console.error`. */
  log?: (line: string) => void
  /** Larger bodies are refused (413). Default 64 KiB. */
  maxBodyBytes?: number
}

const bodies = new WeakMap<Request, string>()

/**
 * The webhook the Realtime API calls for SIP calls: checks the standard-webhooks signature
 * (`webhook-id`, `webhook-timestamp`, `webhook-signature`; missing 401, wrong or stale 403), then
 * hands each `realtime.call.incoming` to `onIncomingCall` with accept / reject / refer / hang-up.
 * @example
 * export const POST = createSipWebhook({
 *   secret: process.env.OPENAI_WEBHOOK_SECRET!, apiKey: process.env.OPENAI_API_KEY!,
 *   onIncomingCall: async (call) => {
 *     await call.accept(await sessionConfigForAgent(agent, modelSettings))
 *     const session = await attachToCall(runner, call.callId, { apiKey })
 *     session.sendRawEvent({ type: 'response.create' })
 *   },
 * })
 */
export function createSipWebhook<TIdentity = true>(
  options: SipWebhookOptions<TIdentity>,
): (request: Request) => Promise<Response> {
  if (!options.secret)
    throw new TypeError('createSipWebhook needs `secret`: the webhook signing secret (whsec_...).')
  // Loaded on first use: the package is an optional peer, needed only by apps that take SIP calls.
  let verifier: Promise<Webhook> | undefined
  const verifierOf = () => {
    verifier ??= import('standardwebhooks').then(({ Webhook }) => new Webhook(options.secret))
    return verifier
  }
  const calls =
    options.calls ??
    createCallsClient({
      apiKey: options.apiKey ?? '',
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    })
  const log = options.log ?? ((line: string) => console.error(line))
  const maxBody = options.maxBodyBytes ?? 64 * 1024
  const guard = createGuard<TIdentity>('SIP webhook', {
    ...options,
    // The signature is the caller's proof of identity: the Realtime API, for this project.
    authorize: async (request) => {
      const headers = {
        'webhook-id': request.headers.get('webhook-id') ?? '',
        'webhook-timestamp': request.headers.get('webhook-timestamp') ?? '',
        'webhook-signature': request.headers.get('webhook-signature') ?? '',
      }
      if (!headers['webhook-id'] || !headers['webhook-timestamp'] || !headers['webhook-signature'])
        return refuse(401, 'The request carries no webhook signature.')
      const webhook = await verifierOf()
      try {
        webhook.verify(bodies.get(request) ?? '', headers)
      } catch {
        return refuse(403, 'The webhook signature does not match, or the request is too old.')
      }
      return options.authorize ? options.authorize(request) : (true as TIdentity)
    },
  })

  return async (request) => {
    if (request.method !== 'POST')
      return errorResponse(405, 'method_not_allowed', 'Webhooks are posted.', { allow: 'POST' })
    const body = await request.text().catch(() => '')
    if (body.length > maxBody)
      return errorResponse(413, 'body_too_large', `The body is over ${maxBody} bytes.`)
    bodies.set(request, body)
    const verdict = await guard(request)
    if (!verdict.ok) return verdict.response
    let event: { type?: unknown; data?: { call_id?: unknown; sip_headers?: unknown } }
    try {
      event = JSON.parse(body)
    } catch {
      return errorResponse(400, 'invalid_json', 'The webhook body is not JSON.')
    }
    // Other event types are acknowledged and left alone: the project may send more than calls.
    if (event.type !== 'realtime.call.incoming') return jsonResponse(200, { ok: true })
    const callId = event.data?.call_id
    if (typeof callId !== 'string' || !callId)
      return errorResponse(400, 'invalid_event', '`realtime.call.incoming` without `data.call_id`.')
    const sipHeaders = Array.isArray(event.data?.sip_headers)
      ? event.data.sip_headers.filter(
          (h): h is { name: string; value: string } =>
            typeof h?.name === 'string' && typeof h?.value === 'string',
        )
      : []
    const call: IncomingCall = {
      callId,
      sipHeaders,
      header: (name) => sipHeaders.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value ?? null,
      accept: (session) => calls.accept(callId, session),
      reject: (rejectOptions) => calls.reject(callId, rejectOptions),
      refer: (target) => calls.refer(callId, target),
      hangup: () => calls.hangup(callId),
    }
    void Promise.resolve()
      .then(() => options.onIncomingCall(call, verdict.identity))
      .catch((error) =>
        log(
          `[sip ${callId}] onIncomingCall failed: ${error instanceof Error ? error.message : String(error)}`,
        ),
      )
    return jsonResponse(200, { ok: true })
  }
}
