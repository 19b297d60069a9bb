import { expect, it } from 'vitest'
import { type GuardOptions, refuse } from '../../src/server'

/** An entry point under test: built from the guard options, answering one request. */
export type EntryPoint = (guard: GuardOptions<{ id: string }>) => (request: Request) => Promise<Response>

const users: Record<string, { id: string }> = { 'token-ann': { id: 'ann' }, 'token-bob': { id: 'bob' } }
/** Bearer token → user; no token → null (401); a banned one → 403. */
const authorize = (request: Request) => {
  const token = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? ''
  if (token === 'token-banned') return refuse(403, 'This account is suspended.')
  return users[token] ?? null
}

/**
 * The refusals every server entry point makes, as the same tests: 401 without the identity the app
 * requires, 403 for a refused identity and for a foreign origin, 429 with `retry-after` over the
 * per-identity limit (other identities unaffected), and no start in production without `authorize`.
 * `request(headers)` builds a request the entry point would otherwise accept.
 */
export function refusalTests(
  make: EntryPoint,
  request: (headers: Record<string, string>) => Request,
  /** The sender signs every request (a webhook secret is required): that stands in for authorize. */
  { signedBySender = false } = {},
) {
  const as = (token: string, extra: Record<string, string> = {}) =>
    request({ authorization: `Bearer ${token}`, ...extra })

  it('answers 401 without the identity the app requires, 403 when authorize refuses', async () => {
    const handler = make({ authorize })
    const none = await handler(request({}))
    expect(none.status).toBe(401)
    expect((await none.json()).error.code).toBe('unauthorized')
    const banned = await handler(as('token-banned'))
    expect(banned.status).toBe(403)
    expect((await banned.json()).error.message).toBe('This account is suspended.')
  })

  it('answers 403 to a browser on a foreign origin, and serves the allowed one', async () => {
    const handler = make({ authorize, allowedOrigins: ['https://app.example'] })
    const foreign = await handler(as('token-ann', { origin: 'https://evil.example' }))
    expect(foreign.status).toBe(403)
    expect((await foreign.json()).error.code).toBe('origin_not_allowed')
    expect((await handler(as('token-ann', { origin: 'https://app.example' }))).status).toBeLessThan(400)
  })

  it('answers 429 with retry-after to a caller over its limit; others are counted apart', async () => {
    let now = 1_000_000
    const handler = make({ authorize, rateLimit: { limit: 2, windowMs: 10_000 }, now: () => now })
    expect((await handler(as('token-ann'))).status).toBeLessThan(400)
    expect((await handler(as('token-ann'))).status).toBeLessThan(400)
    now += 2_500
    const over = await handler(as('token-ann'))
    expect(over.status).toBe(429)
    expect(over.headers.get('retry-after')).toBe('8')
    expect((await handler(as('token-bob'))).status).toBeLessThan(400)
    now += 7_500 // the window is over
    expect((await handler(as('token-ann'))).status).toBeLessThan(400)
  })

  it('refuses to start in production without authorize, unless the app opts out', () => {
    if (signedBySender) expect(() => make({ production: true })).not.toThrow()
    else expect(() => make({ production: true })).toThrow(/no `authorize` in production/)
    expect(() => make({ production: true, allowAnonymous: true })).not.toThrow()
    expect(() => make({ production: true, authorize })).not.toThrow()
  })
}
