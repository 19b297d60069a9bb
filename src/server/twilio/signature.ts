import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Twilio's request signature: HMAC-SHA1 with the account's auth token over the full URL followed by
 * each POST parameter's name and value, sorted by name; base64.
 */
export function twilioSignature(authToken: string, url: string, params: Record<string, string> = {}): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => acc + key + params[key], url)
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64')
}

/** True when `signature` (the `X-Twilio-Signature` header) is Twilio's for this URL and parameters. */
export function isValidTwilioSignature(
  authToken: string,
  signature: string,
  url: string,
  params: Record<string, string> = {},
): boolean {
  const expected = Buffer.from(twilioSignature(authToken, url, params))
  const given = Buffer.from(signature)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/**
 * The URL Twilio called, as it signed it: behind a tunnel or proxy the request reaches this server
 * as `http://localhost`, so the scheme comes from `x-forwarded-proto` and the host from `Host`.
 */
export function publicUrlOf(request: Request, scheme: 'http' | 'ws', path?: string): string {
  const url = new URL(request.url)
  const forwarded = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim()
  const secure = forwarded
    ? forwarded === 'https' || forwarded === 'wss'
    : url.protocol === 'https:' || url.protocol === 'wss:'
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? url.host
  const protocol = scheme === 'http' ? (secure ? 'https' : 'http') : secure ? 'wss' : 'ws'
  return `${protocol}://${host}${path ?? `${url.pathname}${url.search}`}`
}
