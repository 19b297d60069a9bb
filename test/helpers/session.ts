import type {
  RealtimeSession,
  RealtimeSessionEvent,
  RealtimeSessionEventOf,
  RealtimeSessionEventType,
} from '../../src/core'
import type { ClientEvent } from '../../src/core/protocol'
import { WebSocketTransport } from '../../src/core/transport'

/**
 * How long a test on a real socket (msw's interception, a local server) waits for one event. A turn
 * there takes tens of milliseconds even on a loaded machine: only a hang comes near this bound.
 */
export const REAL_IO_WAIT_MS = 10_000

/** The timeout of a test on a real socket: room for a few waits of {@link REAL_IO_WAIT_MS}. */
export const REAL_IO_TEST_MS = 30_000

/** A WebSocket transport that keeps every client event it sent. */
export class RecordingTransport extends WebSocketTransport {
  readonly sent: ClientEvent[] = []
  /** The URL of every `connect()`. */
  readonly urls: string[] = []
  connects = 0
  closes = 0
  override async connect(...args: Parameters<WebSocketTransport['connect']>): Promise<void> {
    this.connects++
    this.urls.push(args[0].url)
    return super.connect(...args)
  }
  override close(...args: Parameters<WebSocketTransport['close']>): void {
    this.closes++
    super.close(...args)
  }
  override send(event: ClientEvent): void {
    this.sent.push(structuredClone(event))
    super.send(event)
  }
  ofType<T extends ClientEvent['type']>(type: T): Extract<ClientEvent, { type: T }>[] {
    return this.sent.filter((e): e is Extract<ClientEvent, { type: T }> => e.type === type)
  }
}

/** Resolves with the next event of `type` that matches `predicate` (rejects after `timeoutMs`). */
export function nextEvent<T extends RealtimeSessionEventType>(
  session: RealtimeSession<never> | RealtimeSession<unknown>,
  type: T,
  predicate: (event: RealtimeSessionEventOf<T>) => boolean = () => true,
  timeoutMs = 3000,
): Promise<RealtimeSessionEventOf<T>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off()
      reject(new Error(`no ${type} event within ${timeoutMs} ms`))
    }, timeoutMs)
    const off = (session as RealtimeSession<unknown>).on(type, (event) => {
      if (!predicate(event)) return
      clearTimeout(timer)
      off()
      resolve(event)
    })
  })
}

/** Resolves when the server reports a server event of `type`. */
export function nextServerEvent(session: RealtimeSession<unknown>, type: string, timeoutMs = 3000) {
  return nextEvent(session, 'raw_model_event', (e) => e.data.type === type, timeoutMs).then((e) => e.data)
}

/** Collects every session event from now on. */
export function collect(session: RealtimeSession<unknown>): RealtimeSessionEvent[] {
  const events: RealtimeSessionEvent[] = []
  session.on('*', (e) => events.push(e))
  return events
}

/** Whether the history holds a complete assistant message with exactly `text` (a condition for the waits). */
export const hasAnswer = (session: RealtimeSession<never> | RealtimeSession<unknown>, text: string) => () =>
  session.history.some(
    (item) =>
      item.type === 'message' &&
      item.role === 'assistant' &&
      item.text === text &&
      item.status === 'completed',
  )

/**
 * Resolves once `condition()` holds, checked now and after every event of `session` (no polling);
 * rejects, naming `what`, after `timeoutMs`. For tests on real sockets, where time is not the test's.
 */
export function until(
  session: RealtimeSession<never> | RealtimeSession<unknown>,
  condition: () => boolean,
  what: string,
  timeoutMs = REAL_IO_WAIT_MS,
): Promise<void> {
  if (condition()) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off()
      reject(new Error(`${what} did not happen within ${timeoutMs} ms`))
    }, timeoutMs)
    const off = (session as RealtimeSession<unknown>).on('*', () => {
      if (!condition()) return
      clearTimeout(timer)
      off()
      resolve()
    })
  })
}
