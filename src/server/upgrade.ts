import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import type { WebSocketServer } from 'ws'
import type { GuardResult } from './guard'

/** The upgrade request as a fetch `Request` (headers and URL; no body), for `authorize`. */
export function requestOf(req: IncomingMessage): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers))
    if (typeof value === 'string') headers.set(name, value)
    else if (Array.isArray(value)) headers.set(name, value.join(', '))
  return new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, { headers })
}

/** Answers a refused upgrade with the guard's HTTP response and closes the TCP socket. */
async function refuseUpgrade(socket: Duplex, response: Response): Promise<void> {
  const body = await response.text()
  const lines = [`HTTP/1.1 ${response.status} ${response.statusText || 'Refused'}`]
  response.headers.forEach((value, name) => {
    lines.push(`${name}: ${value}`)
  })
  lines.push(`content-length: ${Buffer.byteLength(body)}`, 'connection: close', '', body)
  socket.end(lines.join('\r\n'))
}

/** A server-side socket as the kit's routes use it (a `ws` WebSocket), typed here so apps need no `@types/ws`. */
export interface RouteSocket {
  send(data: string): void
  close(code?: number, reason?: string): void
  on(event: 'message', listener: (data: { toString(): string }) => void): unknown
  on(event: 'close' | 'error', listener: () => void): unknown
}

/** A WebSocket endpoint on an existing HTTP server. */
export interface WebSocketRoute {
  /** Closes its sockets and stops taking upgrades for its path. */
  close(): Promise<void>
}

/**
 * Serves WebSocket upgrades on `path` of `server` after `guard` accepted the upgrade request; refused
 * upgrades get the guard's status (401, 403, 429) before any WebSocket exists. Other paths are left
 * to other listeners.
 */
export async function attachWebSocketRoute<TIdentity>(
  server: Server,
  path: string,
  guard: (request: Request) => Promise<GuardResult<TIdentity>>,
  onSocket: (socket: RouteSocket, identity: TIdentity, request: Request) => void,
): Promise<WebSocketRoute> {
  const { WebSocketServer: Wss } = await import('ws')
  const wss: WebSocketServer = new Wss({ noServer: true })
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const request = requestOf(req)
    if (new URL(request.url).pathname !== path) return
    socket.on('error', () => socket.destroy())
    void guard(request).then(
      (verdict) => {
        if (!verdict.ok) return refuseUpgrade(socket, verdict.response)
        wss.handleUpgrade(req, socket, head, (ws) => onSocket(ws, verdict.identity, request))
      },
      () => socket.destroy(),
    )
  }
  server.on('upgrade', onUpgrade)
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.off('upgrade', onUpgrade)
        for (const client of wss.clients) client.terminate()
        wss.close(() => resolve())
      }),
  }
}
