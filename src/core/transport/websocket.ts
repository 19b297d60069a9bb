import { RealtimeError } from '../errors'
import { isRecord } from '../guards'
import type { ClientEvent } from '../protocol'
import type { RealtimeTransport, TransportConnectOptions, TransportHandlers } from './transport'

/** The standard WebSocket constructor shape (browsers, Node 22+, msw's interceptor, the `ws` package). */
export type WebSocketConstructor = new (
  url: string,
  protocols?: string | string[],
  options?: unknown,
) => WebSocket

/** Options of a `WebSocketTransport`. */
export interface WebSocketTransportOptions {
  /** The WebSocket class to use; default the global one, else the `ws` package in Node. */
  WebSocket?: WebSocketConstructor
  /**
   * Send the key as an `Authorization` header (needs a constructor that takes headers, like `ws`).
   * Default: true when the `ws` package is used, otherwise the key travels as a subprotocol.
   */
  useAuthorizationHeader?: boolean
}

const NORMAL_CLOSE = 1000

/** A class found at run time (in the `ws` package) is taken to be a standard WebSocket constructor. */
function isWebSocketConstructor(value: unknown): value is WebSocketConstructor {
  return typeof value === 'function'
}

async function resolveConstructor(
  explicit: WebSocketConstructor | undefined,
): Promise<{ ctor: WebSocketConstructor; isWs: boolean }> {
  if (explicit) return { ctor: explicit, isWs: false }
  if (typeof WebSocket === 'function') return { ctor: WebSocket, isWs: false }
  try {
    // Typed as unknown: the `ws` package's own types describe its Node API, not the standard one used here.
    const mod: unknown = await import(/* @vite-ignore */ 'ws')
    const ctor = isRecord(mod) ? (mod.default ?? mod.WebSocket) : undefined
    if (isWebSocketConstructor(ctor)) return { ctor, isWs: true }
  } catch {
    // fall through to the error below
  }
  throw new RealtimeError(
    'connection_failed',
    'No WebSocket implementation found: run on Node 22+ or a browser, install the `ws` package, or pass `new WebSocketTransport({ WebSocket })`.',
  )
}

/** The Realtime API over a WebSocket, in browsers and Node. */
export class WebSocketTransport implements RealtimeTransport {
  #options: WebSocketTransportOptions
  #socket: WebSocket | null = null
  #closing = false

  constructor(options: WebSocketTransportOptions = {}) {
    this.#options = options
  }

  async connect({ url, auth, signal }: TransportConnectOptions, handlers: TransportHandlers): Promise<void> {
    if (signal?.aborted)
      throw new RealtimeError('aborted', 'The connection was aborted before it opened.', {
        cause: signal.reason,
      })
    const { ctor, isWs } = await resolveConstructor(this.#options.WebSocket)
    const useHeader = this.#options.useAuthorizationHeader ?? isWs
    const socket = useHeader
      ? new ctor(url, [], { headers: { Authorization: `Bearer ${auth.value}` } })
      : new ctor(url, ['realtime', `openai-insecure-api-key.${auth.value}`])
    this.#socket = socket
    this.#closing = false

    await new Promise<void>((resolve, reject) => {
      let opened = false
      const onAbort = () => {
        socket.close(NORMAL_CLOSE, 'aborted')
        reject(
          new RealtimeError('aborted', 'The connection was aborted while opening.', {
            cause: signal?.reason,
          }),
        )
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      socket.addEventListener('open', () => {
        opened = true
        signal?.removeEventListener('abort', onAbort)
        resolve()
      })
      socket.addEventListener('message', (event: MessageEvent) => {
        const data = event.data
        if (typeof data === 'string') handlers.onMessage(data)
        else if (data instanceof ArrayBuffer) handlers.onMessage(new TextDecoder().decode(data))
        else handlers.onMessage(String(data))
      })
      socket.addEventListener('error', () => {
        if (!opened) {
          signal?.removeEventListener('abort', onAbort)
          reject(
            new RealtimeError(
              'connection_failed',
              `Could not connect to ${url.split('?')[0]}: check the URL, the network and the credentials.`,
            ),
          )
        }
      })
      socket.addEventListener('close', (event: CloseEvent) => {
        if (!opened) {
          signal?.removeEventListener('abort', onAbort)
          reject(
            new RealtimeError(
              'connection_failed',
              `The server closed the connection before it opened (code ${event.code}${event.reason ? `: ${event.reason}` : ''}).`,
              { details: { code: event.code, reason: event.reason } },
            ),
          )
          return
        }
        const asked = this.#closing
        this.#socket = null
        handlers.onClose({
          code: event.code,
          reason: event.reason,
          error: asked
            ? null
            : new RealtimeError(
                'connection_closed',
                `The connection closed unexpectedly (code ${event.code}${event.reason ? `: ${event.reason}` : ''}).`,
                {
                  details: { code: event.code, reason: event.reason },
                },
              ),
        })
      })
    })
  }

  send(event: ClientEvent): void {
    const socket = this.#socket
    if (socket?.readyState !== 1) {
      throw new RealtimeError('session_closed', `Cannot send \`${event.type}\`: the connection is not open.`)
    }
    socket.send(JSON.stringify(event))
  }

  close(code = NORMAL_CLOSE, reason = 'client closed'): void {
    if (!this.#socket || this.#closing) return
    this.#closing = true
    this.#socket.close(code, reason)
  }
}
