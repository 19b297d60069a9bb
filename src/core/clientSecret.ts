import { isRecord } from './guards'

/** Options of {@link createClientSecretFetcher}. */
export interface ClientSecretFetcherOptions {
  /** Fetch a new secret this long before the current one expires. Default 60 000 ms. */
  refreshBeforeMs?: number
  fetch?: typeof fetch
  init?: RequestInit
  now?: () => number
}

/**
 * A `getClientSecret` for `runner.run()` that asks your endpoint (see `realtime-agent-kit/server`)
 * and reuses the secret until shortly before it expires, so reconnections get a valid one.
 * @example
 * runner.run({ getClientSecret: createClientSecretFetcher('/session') })
 */
export function createClientSecretFetcher(
  url: string,
  options: ClientSecretFetcherOptions = {},
): () => Promise<string> {
  const refreshBefore = options.refreshBeforeMs ?? 60_000
  const now = options.now ?? Date.now
  let cached: { value: string; expiresAtMs: number } | null = null
  let pending: Promise<string> | null = null
  return () => {
    if (cached && cached.expiresAtMs - refreshBefore > now()) return Promise.resolve(cached.value)
    pending ??= (async () => {
      try {
        const response = await (options.fetch ?? fetch)(url, { method: 'POST', ...options.init })
        const json: unknown = await response.json().catch(() => null)
        const body = isRecord(json) ? json : {}
        if (!response.ok || typeof body.value !== 'string') {
          const message = isRecord(body.error) ? body.error.message : undefined
          throw new Error(
            typeof message === 'string' ? message : `The client secret endpoint answered ${response.status}.`,
          )
        }
        cached = {
          value: body.value,
          expiresAtMs: typeof body.expiresAt === 'number' ? body.expiresAt * 1000 : now() + refreshBefore * 2,
        }
        return body.value
      } finally {
        pending = null
      }
    })()
    return pending
  }
}
