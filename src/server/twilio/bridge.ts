import {
  type Clock,
  type RealtimeAgent,
  type RealtimeRunConfig,
  type RealtimeRunOptions,
  type RealtimeSession,
  systemClock,
} from '../../core'
import { type CallSocket, TwilioCall } from './call'
import type { TwilioCallInfo } from './protocol'

/** Options of {@link createTwilioBridge}. */
export interface TwilioBridgeOptions<TContext> {
  /** The agent that answers: the same one the browser uses (tools, handoffs, guardrails). */
  agent: RealtimeAgent<TContext>
  /** Model settings and guardrails; the audio formats are set to `g711_ulaw` for the phone. */
  config?: RealtimeRunConfig<TContext>
  /**
   * Credentials and connection of each call's session (`{ apiKey }` on OpenAI; `{ apiKey, url }`
   * or `{ apiKey, transport }` on the simulator).
   */
  run: (call: TwilioCallInfo) => Omit<RealtimeRunOptions<TContext>, 'context' | 'playbackTracker'>
  /** The agent's context for a call; default `{ call }` (the stream, call ids and custom parameters). */
  context?: (call: TwilioCallInfo) => TContext
  /** The agent speaks first. Default true. */
  greet?: boolean
  /**
   * A key the caller pressed. Default: the model is told (`The caller pressed 3.`) and answers, so
   * a digit can drive a tool like anything the caller says.
   */
  onDtmf?: (digit: string, session: RealtimeSession<TContext>, call: TwilioCallInfo) => void
  /** Each call's session once it is up: to log transcripts, watch tools, update the agent. */
  onSession?: (session: RealtimeSession<TContext>, call: TwilioCallInfo) => void
  /** One line per call event (start, end and why). Default `console.info`. */
  log?: (line: string) => void
  /** How long a socket may wait for `start`, ms. Default 10 000. */
  startTimeoutMs?: number
  /**
   * How much of the caller's audio goes in one `input_audio_buffer.append`, ms. Twilio sends 20 ms
   * frames; joining a few saves socket writes (more calls per process) at the price of up to this
   * much added latency. Default 40.
   */
  inputBatchMs?: number
  clock?: Clock
}

/** A Media Streams bridge: `accept` one Twilio socket per call. */
export interface TwilioBridge<TContext> {
  /** Takes a new Twilio WebSocket; feed it frames with `receive` and tell it when the socket closed. */
  accept(socket: CallSocket): TwilioCall<TContext>
  /** Calls in progress. */
  readonly calls: ReadonlySet<TwilioCall<TContext>>
  /** Hangs up every call. */
  close(): void
}

/** Tells the model about a key press and lets it answer. */
export function dtmfAsMessage<TContext>(digit: string, session: RealtimeSession<TContext>): void {
  session.sendMessage(`The caller pressed ${digit}.`)
}

/**
 * Bridges Twilio Media Streams to realtime sessions: one session per call, running `agent`.
 * @example
 * const bridge = createTwilioBridge({ agent, run: () => ({ apiKey: process.env.OPENAI_API_KEY }) })
 * wss.on('connection', (socket) => {
 *   const call = bridge.accept(socket)
 *   socket.on('message', (data) => call.receive(String(data)))
 *   socket.on('close', () => call.socketClosed())
 * })
 */
export function createTwilioBridge<TContext = { call: TwilioCallInfo }>(
  options: TwilioBridgeOptions<TContext>,
): TwilioBridge<TContext> {
  const calls = new Set<TwilioCall<TContext>>()
  const setup = {
    agent: options.agent,
    config: options.config ?? {},
    run: options.run,
    // Without a context function the context is the call itself (TContext's default).
    context: options.context ?? ((call: TwilioCallInfo) => ({ call }) as TContext),
    greet: options.greet ?? true,
    onDtmf: options.onDtmf ?? dtmfAsMessage,
    ...(options.onSession ? { onSession: options.onSession } : {}),
    log: options.log ?? ((line: string) => console.info(line)),
    clock: options.clock ?? systemClock,
    startTimeoutMs: options.startTimeoutMs ?? 10_000,
    inputBatchMs: options.inputBatchMs ?? 40,
    ended: (call: TwilioCall<TContext>) => calls.delete(call),
  }
  return {
    accept(socket) {
      const call = new TwilioCall(socket, setup)
      calls.add(call)
      return call
    },
    calls,
    close() {
      for (const call of [...calls]) call.hangUp('the bridge closed')
    },
  }
}
