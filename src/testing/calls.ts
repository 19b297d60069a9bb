import type {
  ClientEvent,
  RealtimeTransport,
  TransportConnectOptions,
  TransportHandlers,
  WireSessionConfig,
} from '../core'
import { RealtimeError } from '../core'
import { errorEvent } from './apiErrors'
import type { SimulatedConnection } from './connection'
import type { SimulatorOptions } from './options'
import { RealtimeSimulator } from './simulator'

/** Where a call is: ringing until the app accepts, rejects or refers it; ended after a hang-up. */
export type SimulatedCallState = 'ringing' | 'accepted' | 'rejected' | 'referred' | 'ended'

/** The side of a socket attached to a call that reads client events. */
export interface CallAttachment {
  receive(data: string): void
  closed(): void
}

/**
 * One Realtime API call (a SIP phone call or a browser's WebRTC call) as the simulator serves it:
 * one conversation that several connections share, as the API lets a server attach to a call by
 * its id (`wss://.../v1/realtime?call_id=`). Every connection sees every server event; any of them
 * may send client events. Audio travels as media (the phone line, the browser's track), so the
 * sockets get no audio deltas.
 */
export class SimulatedCall {
  readonly id: string
  readonly sipHeaders: { name: string; value: string }[]
  state: SimulatedCallState = 'ringing'
  /** The SIP status a rejection answered with. */
  rejectedWith: number | null = null
  /** Where a refer sent the call. */
  referredTo: string | null = null
  /** The session config the call was accepted with. */
  acceptedWith: WireSessionConfig | null = null
  readonly #options: SimulatorOptions
  readonly #sockets = new Set<SimulatedConnection>()
  #simulator: RealtimeSimulator | null = null

  constructor(id: string, sipHeaders: { name: string; value: string }[], options: SimulatorOptions) {
    this.id = id
    this.sipHeaders = sipHeaders
    this.#options = options
  }

  /** Connections attached now. */
  get connections(): number {
    return this.#sockets.size
  }

  /** Answers the call with a session config; false unless it was ringing. */
  accept(session: WireSessionConfig): boolean {
    if (this.state !== 'ringing') return false
    this.state = 'accepted'
    this.acceptedWith = session
    this.#simulator = new RealtimeSimulator(
      (event) => {
        const data = JSON.stringify(event)
        for (const socket of this.#sockets) socket.send(data)
      },
      { ...this.#options, audioOverMedia: true, idPrefix: this.id },
    )
    this.#simulator.receive(JSON.stringify({ type: 'session.update', session }))
    return true
  }

  reject(statusCode = 603): boolean {
    if (this.state !== 'ringing') return false
    this.state = 'rejected'
    this.rejectedWith = statusCode
    return true
  }

  refer(targetUri: string): boolean {
    if (this.state !== 'accepted') return false
    this.state = 'referred'
    this.referredTo = targetUri
    this.#end()
    return true
  }

  hangup(): boolean {
    if (this.state === 'ended' || this.state === 'rejected') return false
    this.state = 'ended'
    this.#end()
    return true
  }

  #end(): void {
    this.#simulator?.dispose()
    for (const socket of [...this.#sockets]) socket.close(1000, 'call ended')
    this.#sockets.clear()
  }

  /**
   * Attaches a connection: it gets `session.created` (the call's session), then every event. A call
   * that is not in progress refuses with the API's error and a 1008 close.
   */
  attach(socket: SimulatedConnection): CallAttachment | null {
    const simulator = this.#simulator
    if (this.state !== 'accepted' || !simulator) {
      socket.send(
        JSON.stringify({
          event_id: 'event_sim_call',
          ...errorEvent({ code: 'call_not_found', message: `No call in progress with id ${this.id}.` }),
        }),
      )
      socket.close(1008, 'call_not_found')
      return null
    }
    this.#sockets.add(socket)
    // Every attached connection hears the session confirmed; the kit's sessions take it as a no-op.
    simulator.open()
    return {
      receive: (data) => {
        if (this.#sockets.has(socket)) simulator.receive(data)
      },
      closed: () => {
        this.#sockets.delete(socket)
      },
    }
  }

  /** A transport for a session that joins this call in memory (the browser's, or a server's). */
  transport(): RealtimeTransport {
    return new CallTransport(this)
  }

  /** What the caller does on the media side (speech as audio, a typed turn): sent as a client event. */
  inject(event: ClientEvent): void {
    this.#simulator?.receive(JSON.stringify(event))
  }
}

/**
 * The calls of a simulated project: incoming SIP calls (with the `realtime.call.incoming` webhook
 * body the API would post), browser calls, and lookup by id for the calls endpoints and `call_id`
 * sockets. Serve it through `createCallsHandlers` (msw).
 * @example
 * const calls = new SimulatedCalls({ scenario })
 * const { event } = calls.incoming()
 * await fetch('/webhooks/openai', { method: 'POST', body: JSON.stringify(event), headers: signed })
 */
export class SimulatedCalls {
  readonly #calls = new Map<string, SimulatedCall>()
  readonly #options: SimulatorOptions
  #next = 0

  constructor(options: SimulatorOptions = {}) {
    this.#options = options
  }

  get(id: string): SimulatedCall | undefined {
    return this.#calls.get(id)
  }

  #create(sipHeaders: { name: string; value: string }[]): SimulatedCall {
    const id = `rtc_sim${String(++this.#next).padStart(4, '0')}`
    const call = new SimulatedCall(id, sipHeaders, this.#options)
    this.#calls.set(id, call)
    return call
  }

  /** A phone call arrives: a ringing call and the webhook event announcing it. */
  incoming(
    sipHeaders: { name: string; value: string }[] = [{ name: 'From', value: 'sip:+15550100@example.com' }],
  ) {
    const call = this.#create(sipHeaders)
    const event = {
      object: 'event',
      id: `evt_${call.id}`,
      type: 'realtime.call.incoming',
      created_at: Math.floor(Date.now() / 1000),
      data: { call_id: call.id, sip_headers: sipHeaders },
    }
    return { call, event }
  }

  /**
   * A browser's WebRTC call, accepted with `session`: the call and a transport for the browser's
   * session (audio over media, as WebRTC), so a server can attach to the same call by its id.
   */
  webrtc(session: WireSessionConfig = { type: 'realtime' }): {
    call: SimulatedCall
    transport: RealtimeTransport
  } {
    const call = this.#create([])
    call.accept(session)
    return { call, transport: call.transport() }
  }
}

/** A session's connection to a simulated call, in memory, each message in its own microtask. */
class CallTransport implements RealtimeTransport {
  readonly audioOverMedia = true
  readonly #call: SimulatedCall
  #attachment: CallAttachment | null = null
  #handlers: TransportHandlers | null = null

  constructor(call: SimulatedCall) {
    this.#call = call
  }

  async connect(_options: TransportConnectOptions, handlers: TransportHandlers): Promise<void> {
    this.#handlers = handlers
    this.#attachment = this.#call.attach({
      send: (data) => queueMicrotask(() => this.#attachment && handlers.onMessage(data)),
      // A close the server starts is unexpected for the session, as over a WebSocket.
      close: (code, reason) => queueMicrotask(() => this.#closed(code, reason, true)),
    })
    if (!this.#attachment)
      throw new RealtimeError('connection_failed', `Call ${this.#call.id} is not in progress.`)
  }

  send(event: ClientEvent): void {
    const attachment = this.#attachment
    if (!attachment)
      throw new RealtimeError('session_closed', `Cannot send \`${event.type}\`: the call is not connected.`)
    const data = JSON.stringify(event)
    queueMicrotask(() => attachment.receive(data))
  }

  close(code = 1000, reason = 'client closed'): void {
    if (!this.#attachment) return
    this.#attachment.closed()
    queueMicrotask(() => this.#closed(code, reason, false))
  }

  #closed(code: number, reason: string, unexpected: boolean): void {
    if (!this.#attachment || !this.#handlers) return
    this.#attachment = null
    this.#handlers.onClose({
      code,
      reason,
      error: unexpected
        ? new RealtimeError('connection_closed', `The call closed (code ${code}: ${reason}).`)
        : null,
    })
  }
}
