import {
  type ClientEvent,
  type RawServerEvent,
  RealtimeError,
  type RealtimeTransport,
  type TransportConnectOptions,
  type TransportHandlers,
} from '../core'
import { attachSimulator, type ConnectionOptions } from './connection'
import { ManualClock } from './manualClock'
import type { RealtimeSimulator } from './simulator'

const NORMAL_CLOSE = 1000
/** The code a WebSocket reports when the connection is lost without a closing handshake. */
const ABNORMAL_CLOSE = 1006

/** Options of a {@link SimulatorTransport}: the simulator's, the credential check, and failures to inject. */
export interface SimulatorTransportOptions extends ConnectionOptions {
  /**
   * Makes `connect()` reject with `connection_failed`, as when the server cannot be reached: `true`
   * for every attempt, or a function of the attempt number (1 for the first `connect()`).
   */
  refuse?: boolean | ((attempt: number) => boolean)
}

type CloseInfo = Parameters<TransportHandlers['onClose']>[0]

/** One connection: a simulator, the session's handlers, and how far its closing has gone. */
interface Link {
  readonly handlers: TransportHandlers
  simulator: RealtimeSimulator | null
  /** The client may send; false once either side ends the connection. */
  open: boolean
  /** Server messages reach the client; false once the client closed or `onClose` was called. */
  delivering: boolean
  /** `onClose` is queued or done: it happens once per connection. */
  ending: boolean
}

function unexpectedClose(code: number, reason: string): CloseInfo {
  return {
    code,
    reason,
    error: new RealtimeError(
      'connection_closed',
      `The connection closed unexpectedly (code ${code}${reason ? `: ${reason}` : ''}).`,
      { details: { code, reason } },
    ),
  }
}

/**
 * A transport that connects a session straight to a {@link RealtimeSimulator} in memory: no socket,
 * no msw. Messages go both ways in order, each in its own microtask (never a timer), so a test on
 * a {@link ManualClock} decides when time passes. Each `connect()` opens a fresh simulator with the
 * same options, as a real server starts a fresh session; `drop()` simulates a lost connection.
 * @example
 * const clock = new ManualClock()
 * const transport = new SimulatorTransport({ clock, scenario: { turns: [{ replies: [say('Hi!')] }] } })
 * const session = await new RealtimeRunner(agent).run({ apiKey: 'test', transport, clock })
 * session.sendMessage('Hello')
 * await clock.runAll()
 * expect(session.history.at(-1)).toMatchObject({ role: 'assistant', text: 'Hi!' })
 */
export class SimulatorTransport implements RealtimeTransport {
  /** Every server event sent to the client, across connections, in order. */
  readonly serverEvents: RawServerEvent[] = []
  /** Every client event the session sent, across connections, in order. */
  readonly clientEvents: ClientEvent[] = []
  readonly #options: SimulatorTransportOptions
  #link: Link | null = null
  #attempts = 0
  #connections = 0

  constructor(options: SimulatorTransportOptions = {}) {
    this.#options = options
  }

  /** True when the simulator plays audio as a media track (the `audioOverMedia` option): WebRTC's behaviour. */
  get audioOverMedia(): boolean {
    return this.#options.audioOverMedia === true
  }

  /** The simulator of the latest connection (kept after it closed, for inspection), or null. */
  get simulator(): RealtimeSimulator | null {
    return this.#link?.simulator ?? null
  }

  /** How many connections opened (refused attempts not counted). */
  get connections(): number {
    return this.#connections
  }

  /** True while a connection is open. */
  get connected(): boolean {
    return this.#link?.open === true
  }

  /**
   * Opens a connection to a new simulator after the same credential check as the msw handlers
   * (a refused credential gets the API's `invalid_api_key` error, then a 1008 close). A connection
   * still open is replaced without reporting its close.
   */
  async connect({ auth, signal }: TransportConnectOptions, handlers: TransportHandlers): Promise<void> {
    if (signal?.aborted) {
      throw new RealtimeError('aborted', 'The connection was aborted before it opened.', {
        cause: signal.reason,
      })
    }
    const attempt = ++this.#attempts
    const { refuse } = this.#options
    if (refuse === true || (typeof refuse === 'function' && refuse(attempt))) {
      throw new RealtimeError(
        'connection_failed',
        `The simulator refused connection attempt ${attempt} (the transport's \`refuse\` option).`,
      )
    }
    const previous = this.#link
    if (previous && !previous.ending) {
      previous.open = false
      previous.delivering = false
      previous.ending = true
      previous.simulator?.dispose()
    }
    const link: Link = { handlers, simulator: null, open: true, delivering: true, ending: false }
    this.#link = link
    const connection = ++this.#connections
    const prefix = this.#options.idPrefix ?? 'sim'
    link.simulator = attachSimulator(
      {
        send: (data) => this.#toClient(link, data),
        close: (code, reason) => this.#end(link, unexpectedClose(code, reason)),
      },
      auth.value,
      { ...this.#options, idPrefix: connection === 1 ? prefix : `${prefix}${connection}` },
    )
  }

  /** Sends a client event to the simulator (in a microtask); throws `session_closed` when no connection is open. */
  send(event: ClientEvent): void {
    const link = this.#link
    if (!link?.open) {
      throw new RealtimeError('session_closed', `Cannot send \`${event.type}\`: the connection is not open.`)
    }
    const data = JSON.stringify(event)
    this.clientEvents.push(structuredClone(event))
    queueMicrotask(() => {
      if (link.open) link.simulator?.receive(data)
    })
  }

  /** Closes the connection: nothing more is delivered, and `onClose` follows in a microtask, once. */
  close(code: number = NORMAL_CLOSE, reason = ''): void {
    const link = this.#link
    if (!link || link.ending) return
    // The client hung up: what the server still had in flight is not read.
    link.delivering = false
    this.#end(link, { code, reason, error: null })
  }

  /**
   * Simulates a lost connection: the simulator stops, what it already sent still arrives, then
   * `onClose` reports a `connection_closed` error (code 1006 unless given), as the WebSocket
   * transport does, and the session may reconnect.
   */
  drop(options: { code?: number; reason?: string } = {}): void {
    const link = this.#link
    if (!link || link.ending) {
      throw new Error('SimulatorTransport.drop(): no connection is open; drop it after connect().')
    }
    this.#end(link, unexpectedClose(options.code ?? ABNORMAL_CLOSE, options.reason ?? ''))
  }

  #toClient(link: Link, data: string): void {
    if (!link.delivering) return
    const event: RawServerEvent = JSON.parse(data)
    this.serverEvents.push(event)
    queueMicrotask(() => {
      if (link.delivering) link.handlers.onMessage(data)
    })
  }

  // Queued behind the messages already on their way, so the client reads them before the close.
  #end(link: Link, info: CloseInfo): void {
    if (link.ending) return
    link.ending = true
    link.open = false
    link.simulator?.dispose()
    queueMicrotask(() => {
      link.delivering = false
      link.handlers.onClose(info)
    })
  }
}

/**
 * A {@link SimulatorTransport} and the {@link ManualClock} its simulator runs on: pass both to
 * `runner.run()` so the session and the simulator share one time.
 * @example
 * const { transport, clock } = createSimulatorTransport({ scenario })
 * const session = await runner.run({ apiKey: 'test', transport, clock })
 */
export function createSimulatorTransport(options: Omit<SimulatorTransportOptions, 'clock'> = {}): {
  transport: SimulatorTransport
  clock: ManualClock
} {
  const clock = new ManualClock()
  return { transport: new SimulatorTransport({ ...options, clock }), clock }
}
