import { HttpResponse, http, ws } from 'msw'
import type { WireSessionConfig } from '../core'
import { type CallAttachment, SimulatedCalls } from './calls'
import { credentialOf } from './connection'
import { REALTIME_WS_URL } from './msw'
import { checkAgainstSchema } from './validation'

/** Options of {@link createCallsHandlers}. */
export interface CallsHandlerOptions {
  /** Default `https://api.openai.com/v1`. */
  baseUrl?: string
  /** Default the Realtime API's WebSocket URL. */
  wsUrl?: string
  /** Accepts or refuses a credential (the API key); default: any non-empty one. */
  authorize?: (credential: string) => boolean
}

/** A body the official schema accepts is a session config. */
const isSessionConfig = (_body: unknown, problem: string | null): _body is WireSessionConfig =>
  problem === null

const apiError = (status: number, message: string, code: string | null = null) =>
  HttpResponse.json({ error: { message, type: 'invalid_request_error', param: null, code } }, { status })

/**
 * msw handlers for the Realtime API's calls: `POST /realtime/calls/{call_id}/accept|reject|refer|hangup`
 * and sockets that attach to a call with `?call_id=`. Connections without a `call_id` are left to
 * `createSimulatorHandlers`.
 * @example
 * const calls = new SimulatedCalls({ scenario })
 * const server = setupServer(...createCallsHandlers(calls))
 */
export function createCallsHandlers(
  calls: SimulatedCalls = new SimulatedCalls(),
  options: CallsHandlerOptions = {},
) {
  const base = (options.baseUrl ?? 'https://api.openai.com/v1').replace(/\/$/, '')
  const authorize = options.authorize ?? ((c: string) => c.length > 0)
  const authorized = (request: Request) => {
    const credential = credentialOf(undefined, request.headers.get('authorization'))
    return credential !== null && authorize(credential)
  }
  const action = (
    verb: 'accept' | 'reject' | 'refer' | 'hangup',
    run: (
      call: NonNullable<ReturnType<SimulatedCalls['get']>>,
      body: Record<string, unknown>,
    ) => Response | boolean,
  ) =>
    http.post(`${base}/realtime/calls/:callId/${verb}`, async ({ request, params }) => {
      if (!authorized(request)) return apiError(401, 'Incorrect API key provided.', 'invalid_api_key')
      const call = calls.get(String(params.callId))
      if (!call) return apiError(404, `Call ${String(params.callId)} not found.`, 'call_not_found')
      const text = await request.text()
      let body: Record<string, unknown> = {}
      try {
        body = text ? JSON.parse(text) : {}
      } catch {
        return apiError(400, 'The body is not valid JSON.')
      }
      const result = run(call, body)
      if (result instanceof Response) return result
      return result
        ? new HttpResponse(null, { status: 200 })
        : apiError(409, `Call ${call.id} is ${call.state}; it cannot be ${verb}ed now.`, 'call_state_invalid')
    })

  return [
    action('accept', (call, body) => {
      const problem = checkAgainstSchema('RealtimeSessionCreateRequestGA', body)
      return isSessionConfig(body, problem)
        ? call.accept(body)
        : apiError(400, `Invalid session config: ${problem}.`, 'invalid_value')
    }),
    action('reject', (call, body) =>
      call.reject(typeof body.status_code === 'number' ? body.status_code : 603),
    ),
    action('refer', (call, body) =>
      typeof body.target_uri === 'string' && body.target_uri
        ? call.refer(body.target_uri)
        : apiError(400, 'Missing required parameter: target_uri.', 'missing_required_parameter'),
    ),
    action('hangup', (call) => call.hangup()),
    ws.link(options.wsUrl ?? REALTIME_WS_URL).addEventListener('connection', ({ client, info }) => {
      const callId = client.url.searchParams.get('call_id')
      if (!callId) return
      const credential = credentialOf(info.protocols)
      const socket = {
        send: (data: string) => client.send(data),
        close: (code: number, reason: string) => client.close(code, reason),
      }
      if (!credential || !authorize(credential)) {
        client.close(1008, 'invalid_api_key')
        return
      }
      const call = calls.get(callId)
      let attachment: CallAttachment | null = null
      if (!call) {
        client.send(
          JSON.stringify({
            type: 'error',
            event_id: 'event_sim_call',
            error: {
              type: 'invalid_request_error',
              code: 'call_not_found',
              message: `No call with id ${callId}.`,
              param: null,
              event_id: null,
            },
          }),
        )
        client.close(1008, 'call_not_found')
        return
      }
      attachment = call.attach(socket)
      if (!attachment) return
      client.addEventListener('message', (event) => attachment?.receive(String(event.data)))
      client.addEventListener('close', () => attachment?.closed())
    }),
  ]
}
