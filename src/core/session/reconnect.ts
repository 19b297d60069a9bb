import { RealtimeError } from '../errors'
import type { ClientEvent, ClientItem } from '../protocol'
import type { RealtimeItem } from '../stores'
import { untilConfirmed } from '../timeout'
import type { SessionEngine } from './engine'

/** How a session recovers from a dropped connection; `false` turns recovery off. */
export interface ReconnectOptions {
  /** Attempts before giving up (status `error`). Default 5. */
  maxAttempts?: number
  /** Delay before the first attempt, doubled each time up to `maxDelayMs`. Default 500. */
  initialDelayMs?: number
  maxDelayMs?: number
  /** How long each attempt waits for the server to confirm the session. Default 15 000. */
  timeoutMs?: number
}

/** The conversation so far, as client events that recreate it on a new server session. */
function replayItems(items: readonly RealtimeItem[], toolSeen: (callId: string) => boolean): ClientEvent[] {
  const events: ClientEvent[] = []
  for (const item of items) {
    if (item.type === 'function_call') {
      // A call whose arguments never finished arriving was never made: the model will redo it.
      if (item.output === null && !toolSeen(item.callId)) continue
      events.push({
        type: 'conversation.item.create',
        item: {
          id: item.itemId,
          type: 'function_call',
          call_id: item.callId,
          name: item.name,
          arguments: item.arguments,
        },
      })
      if (item.output !== null)
        events.push({
          type: 'conversation.item.create',
          item: { type: 'function_call_output', call_id: item.callId, output: item.output },
        })
    } else if (item.text) {
      const { itemId: id, role, text } = item
      const message: ClientItem =
        role === 'assistant'
          ? { id, type: 'message', role, content: [{ type: 'output_text', text }] }
          : { id, type: 'message', role, content: [{ type: 'input_text', text }] }
      events.push({ type: 'conversation.item.create', item: message })
    }
  }
  return events
}

/**
 * Recovery from a dropped connection: reconnects with backoff, then resumes on the new server
 * session with the current agent's configuration, the conversation so far as text items (audio
 * cannot be replayed), and whatever was sent while the connection was down.
 */
export class Reconnector {
  readonly #engine: SessionEngine
  readonly #connect: () => Promise<void>
  readonly #options: Required<ReconnectOptions>
  #createdWaiters: { resolve: () => void; reject: (error: RealtimeError) => void }[] = []
  /** Events sent while reconnecting, for the new connection. */
  readonly outbox: ClientEvent[] = []

  constructor(engine: SessionEngine, connect: () => Promise<void>, options: ReconnectOptions = {}) {
    this.#engine = engine
    this.#connect = connect
    this.#options = { maxAttempts: 5, initialDelayMs: 500, maxDelayMs: 8000, timeoutMs: 15_000, ...options }
  }

  /** The server confirmed a session. */
  confirmed(): void {
    for (const waiter of this.#createdWaiters.splice(0)) waiter.resolve()
  }

  /** An attempt's connection closed before the server confirmed the session: that attempt failed. */
  attemptClosed(error: RealtimeError | null): void {
    const reason =
      error ?? new RealtimeError('connection_failed', 'The connection closed while reconnecting.')
    for (const waiter of this.#createdWaiters.splice(0)) waiter.reject(reason)
  }

  async recover(cause: RealtimeError): Promise<void> {
    const engine = this.#engine
    const clock = engine.clock
    engine.beginReconnect()
    const { maxAttempts, initialDelayMs, maxDelayMs, timeoutMs } = this.#options
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const delay = Math.min(maxDelayMs, initialDelayMs * 2 ** (attempt - 1))
      await new Promise((resolve) => clock.setTimeout(() => resolve(undefined), delay))
      if (engine.status !== 'reconnecting') return // closed by the app meanwhile
      try {
        const created = untilConfirmed(
          new Promise<void>((resolve, reject) => this.#createdWaiters.push({ resolve, reject })),
          timeoutMs,
          clock,
        )
        created.catch(() => {}) // awaited below only when the connection opens
        await this.#connect()
        await created
        await this.#resume()
        return
      } catch (error) {
        this.#createdWaiters = []
        engine.hub.emit({
          type: 'error',
          error:
            error instanceof RealtimeError
              ? error
              : new RealtimeError('connection_failed', String(error), { cause: error }),
        })
      }
    }
    engine.fail(
      new RealtimeError(
        'connection_closed',
        `The connection was lost and ${maxAttempts} attempts to reconnect failed.`,
        {
          cause,
        },
      ),
    )
  }

  async #resume(): Promise<void> {
    const engine = this.#engine
    engine.transport.send(await engine.sessionUpdate())
    for (const event of replayItems(engine.stores.conversation.items, (id) => engine.tools.has(id)))
      engine.transport.send(event)
    engine.endReconnect()
    // Created items the old connection may have swallowed go first, then what waited meanwhile.
    const resend = [...engine.unacked.values()]
    const queued = this.outbox.splice(0).filter((event) => !resend.includes(event))
    for (const event of [...resend, ...queued]) engine.send(event)
    if (engine.responses.takeWanted()) engine.requestResponse()
    engine.settleStatus()
  }
}
