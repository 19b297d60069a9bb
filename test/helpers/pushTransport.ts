import { RealtimeClient } from '../../src/client'
import { RealtimeAgent, RealtimeError, RealtimeSession, type RealtimeSessionOptions } from '../../src/core'
import type { ClientEvent } from '../../src/core/protocol'
import { engineOf } from '../../src/core/session'
import type { RealtimeTransport, TransportConnectOptions, TransportHandlers } from '../../src/core/transport'

/** A transport the test drives: it keeps what the session sent and delivers what the test pushes. */
export class PushTransport implements RealtimeTransport {
  readonly sent: ClientEvent[] = []
  /** The options of every `connect()`: the URL and the credential the session used. */
  readonly connects: TransportConnectOptions[] = []
  closes = 0
  #handlers: TransportHandlers | null = null
  readonly #confirm: boolean

  /** With `confirm`, the server confirms the session as soon as the connection opens (for `runner.run`). */
  constructor(options: { confirm?: boolean } = {}) {
    this.#confirm = options.confirm ?? false
  }

  get open(): boolean {
    return this.#handlers !== null
  }

  async connect(options: TransportConnectOptions, handlers: TransportHandlers): Promise<void> {
    this.connects.push(options)
    this.#handlers = handlers
    if (this.#confirm)
      queueMicrotask(() =>
        this.push({ type: 'session.created', event_id: 'e0', session: { type: 'realtime' } }),
      )
  }

  send(event: ClientEvent): void {
    this.sent.push(structuredClone(event))
  }

  ofType<T extends ClientEvent['type']>(type: T): Extract<ClientEvent, { type: T }>[] {
    return this.sent.filter((e): e is Extract<ClientEvent, { type: T }> => e.type === type)
  }

  close(): void {
    this.closes++
    const handlers = this.#handlers
    this.#handlers = null
    handlers?.onClose({ code: 1000, reason: '', error: null })
  }

  /** Delivers one server message (an object is sent as JSON, a string as is). */
  push(message: unknown): void {
    this.#handlers?.onMessage(typeof message === 'string' ? message : JSON.stringify(message))
  }

  /** The connection drops without being asked to. */
  drop(): void {
    const handlers = this.#handlers
    this.#handlers = null
    handlers?.onClose({
      code: 1006,
      reason: '',
      error: new RealtimeError('connection_closed', 'The connection dropped.'),
    })
  }
}

/**
 * A session on a `PushTransport`, connected synchronously (no runner, no network), with the server's
 * `session.created` already delivered when `confirmed` is true (the default).
 */
export function offlineSession<T>(
  agent: RealtimeAgent<T>,
  options: Omit<RealtimeSessionOptions<T>, 'agent' | 'transport'> & { confirmed?: boolean } = {},
) {
  const transport = new PushTransport()
  const { confirmed = true, ...rest } = options
  const session = new RealtimeSession<T>({ agent, transport, ...rest })
  void transport.connect(
    { url: 'memory://push', auth: { kind: 'apiKey', value: 'sk-test' } },
    engineOf(session).handlers,
  )
  if (confirmed) transport.push({ type: 'session.created', event_id: 'e0', session: { type: 'realtime' } })
  return { session, transport, sent: transport.sent }
}

/** A text-only client whose every connection is a fresh `PushTransport`, kept for the test to drive. */
export function pushClient(agent: RealtimeAgent = new RealtimeAgent({ name: 'A' })) {
  const transports: PushTransport[] = []
  const client = new RealtimeClient({
    agent,
    auth: { clientSecret: 'ek_test' },
    audio: false,
    transport: () => {
      const transport = new PushTransport({ confirm: true })
      transports.push(transport)
      return transport
    },
  })
  return { client, transports }
}
