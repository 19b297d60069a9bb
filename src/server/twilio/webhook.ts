import { type Authorize, createGuard, errorResponse, type GuardOptions, refuse } from '../guard'
import { isValidTwilioSignature, publicUrlOf } from './signature'

/** Options of {@link createTwilioWebhook}. */
export interface TwilioWebhookOptions<TIdentity> extends GuardOptions<TIdentity> {
  /** Path of the Media Streams socket on this host. Default `/media-stream`. */
  streamPath?: string
  /** The socket's full URL instead (`wss://calls.example.com/media-stream`). Default: built from the request's host. */
  streamUrl?: (request: Request) => string
  /**
   * The Twilio auth token: when set, a request without a valid `X-Twilio-Signature` is refused
   * (401 when missing, 403 when wrong), and that check stands in for `authorize` in production.
   */
  authToken?: string
  /** `<Parameter>`s for the stream, from the webhook's form (`From`, `To`, `CallSid`...); they reach the agent's context. */
  parameters?: (form: Record<string, string>, identity: TIdentity) => Record<string, string>
  /** Larger bodies are refused (413). Default 16 KiB. */
  maxBodyBytes?: number
}

const escapeXml = (value: string) =>
  value.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  )

/** `<Response><Connect><Stream url=...>` with `<Parameter>`s, escaped. */
export function streamTwiml(url: string, parameters: Record<string, string> = {}): string {
  const params = Object.entries(parameters)
    .map(([name, value]) => `<Parameter name="${escapeXml(name)}" value="${escapeXml(value)}"/>`)
    .join('')
  return `<?xml version="1.0" encoding="UTF-8"?><Response><Connect><Stream url="${escapeXml(url)}">${params}</Stream></Connect></Response>`
}

/** Twilio's signature as an `authorize` step: missing 401, wrong 403, else the app's own check. */
export function twilioAuthorize<TIdentity>(
  authToken: string | undefined,
  scheme: 'http' | 'ws',
  params: (request: Request) => Record<string, string>,
  then: Authorize<TIdentity> | undefined,
): Authorize<TIdentity> | undefined {
  if (!authToken) return then
  return (request) => {
    const signature = request.headers.get('x-twilio-signature')
    if (!signature) return refuse(401, 'The request has no X-Twilio-Signature.')
    if (!isValidTwilioSignature(authToken, signature, publicUrlOf(request, scheme), params(request)))
      return refuse(403, 'The X-Twilio-Signature does not match this request.')
    return then ? then(request) : (true as TIdentity)
  }
}

const forms = new WeakMap<Request, Record<string, string>>()

/**
 * Twilio's voice webhook (`POST /incoming-call`): answers with TwiML that connects the call to the
 * Media Streams socket of this host. Fetch-standard; serve it from Node with `toNodeHandler`.
 * @example
 * app.post('/incoming-call', toNodeHandler(createTwilioWebhook({ authToken: process.env.TWILIO_AUTH_TOKEN })))
 */
export function createTwilioWebhook<TIdentity = true>(
  options: TwilioWebhookOptions<TIdentity> = {},
): (request: Request) => Promise<Response> {
  const authorize = twilioAuthorize(options.authToken, 'http', (r) => forms.get(r) ?? {}, options.authorize)
  const guard = createGuard<TIdentity>('Twilio webhook', {
    ...options,
    ...(authorize ? { authorize } : {}),
  })
  const maxBody = options.maxBodyBytes ?? 16 * 1024
  const path = options.streamPath ?? '/media-stream'
  return async (request) => {
    if (request.method !== 'POST')
      return errorResponse(405, 'method_not_allowed', 'Twilio posts its voice webhook.', { allow: 'POST' })
    const body = await request.text().catch(() => '')
    if (body.length > maxBody)
      return errorResponse(413, 'body_too_large', `The body is over ${maxBody} bytes.`)
    const form = Object.fromEntries(new URLSearchParams(body))
    // The signature covers the form, which the body stream can only give once: keep it for authorize.
    forms.set(request, form)
    const verdict = await guard(request)
    if (!verdict.ok) return verdict.response
    const url = options.streamUrl?.(request) ?? publicUrlOf(request, 'ws', path)
    return new Response(streamTwiml(url, options.parameters?.(form, verdict.identity) ?? {}), {
      status: 200,
      headers: { 'content-type': 'text/xml', 'cache-control': 'no-store' },
    })
  }
}
