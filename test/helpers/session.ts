import type {
  RealtimeSession,
  RealtimeSessionEvent,
  RealtimeSessionEventOf,
  RealtimeSessionEventType,
} from '../../src/core'
import type { ClientEvent } from '../../src/core/protocol'
import { WebSocketTransport } from '../../src/core/transport'

/** A WebSocket transport that keeps every client event it sent. */
export class RecordingTransport extends WebSocketTransport {
  readonly sent: ClientEvent[] = []
  connects = 0
  closes = 0
  override async connect(...args: Parameters<WebSocketTransport['connect']>): Promise<void> {
    this.connects++
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
