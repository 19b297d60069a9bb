import {
  DEFAULT_REALTIME_URL,
  type RealtimeRunner,
  type RealtimeRunOptions,
  type RealtimeSession,
} from '../../core'

/** The socket URL of a call: the Realtime API's, with `call_id`. */
export function callUrl(callId: string, url: string = DEFAULT_REALTIME_URL): string {
  const parsed = new URL(url)
  parsed.searchParams.set('call_id', callId)
  return parsed.toString()
}

/**
 * Attaches a server-side session to a call in progress (a SIP call the app accepted, or a browser's
 * WebRTC call): the runner's agent runs its tools here, where secrets and databases are, and may
 * update the session. The connection does not reconnect by default: a call that ended is gone.
 * @example
 * const session = await attachToCall(new RealtimeRunner(agent), callId, { apiKey: process.env.OPENAI_API_KEY })
 */
export function attachToCall<TContext>(
  runner: RealtimeRunner<TContext>,
  callId: string,
  options: RealtimeRunOptions<TContext>,
): Promise<RealtimeSession<TContext>> {
  return runner.run({ reconnect: false, ...options, url: callUrl(callId, options.url) })
}
