import { RealtimeError, type WireSessionConfig } from '../../core'
import { OPENAI_API_BASE } from '../clientSecretHandler'

/** Options of {@link createCallsClient}. */
export interface CallsClientOptions {
  apiKey: string
  /** Default `https://api.openai.com/v1`. */
  baseUrl?: string
  fetch?: typeof fetch
}

/** The Realtime API's call control: `/v1/realtime/calls/{call_id}/accept|reject|refer|hangup`. */
export interface CallsClient {
  /** Answers a ringing call with the session that will handle it. */
  accept(callId: string, session: WireSessionConfig): Promise<void>
  /** Declines a ringing call with a SIP status (default 603 Decline). */
  reject(callId: string, options?: { statusCode?: number }): Promise<void>
  /** Transfers the call (`tel:+14155550123` or `sip:agent@example.com`). */
  refer(callId: string, targetUri: string): Promise<void>
  hangup(callId: string): Promise<void>
}

/**
 * A small client of the calls endpoints, on `fetch`. A refusal throws a `RealtimeError`
 * (`server_error`, with the HTTP status in `details` and the API's code in `serverCode`); the key is
 * never quoted.
 */
export function createCallsClient(options: CallsClientOptions): CallsClient {
  if (!options.apiKey)
    throw new TypeError('createCallsClient needs `apiKey` (your standard OpenAI key, kept on the server).')
  const base = `${(options.baseUrl ?? OPENAI_API_BASE).replace(/\/$/, '')}/realtime/calls`
  async function post(callId: string, verb: string, body?: unknown): Promise<void> {
    let response: Response
    try {
      response = await (options.fetch ?? globalThis.fetch)(`${base}/${encodeURIComponent(callId)}/${verb}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${options.apiKey}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
    } catch (cause) {
      throw new RealtimeError(
        'connection_failed',
        `Could not reach the Realtime API to ${verb} call ${callId}.`,
        {
          cause,
        },
      )
    }
    if (response.ok) return
    const error = ((await response.json().catch(() => null)) as { error?: { code?: string } } | null)?.error
    throw new RealtimeError(
      'server_error',
      `The Realtime API refused to ${verb} call ${callId} (HTTP ${response.status}).`,
      {
        serverCode: error?.code ?? null,
        details: { status: response.status, callId },
      },
    )
  }
  return {
    accept: (callId, session) => post(callId, 'accept', session),
    reject: (callId, rejectOptions = {}) =>
      post(callId, 'reject', { status_code: rejectOptions.statusCode ?? 603 }),
    refer: (callId, targetUri) => post(callId, 'refer', { target_uri: targetUri }),
    hangup: (callId) => post(callId, 'hangup'),
  }
}
