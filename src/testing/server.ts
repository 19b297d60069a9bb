import type { IncomingMessage } from 'node:http'
import { attachSimulator, type ConnectionOptions, credentialOf } from './connection'

/** A running local simulator server: its URL and port, and how to close it. */
export interface SimulatorServer {
  /** `ws://127.0.0.1:<port>/v1/realtime`: pass it as `url` to `runner.run()`. */
  url: string
  port: number
  close(): Promise<void>
}

/**
 * Serves the simulator on a real WebSocket server on loopback (Node only; needs the `ws` package),
 * for browser and end-to-end tests.
 */
export async function startSimulatorServer(
  options: ConnectionOptions & { port?: number; host?: string } = {},
): Promise<SimulatorServer> {
  const { WebSocketServer } = await import('ws')
  const host = options.host ?? '127.0.0.1'
  const server = new WebSocketServer({
    host,
    port: options.port ?? 0,
    handleProtocols: (protocols) => (protocols.has('realtime') ? 'realtime' : false),
  })
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve)
    server.once('error', reject)
  })
  server.on('connection', (socket, request: IncomingMessage) => {
    const credential = credentialOf(request.headers['sec-websocket-protocol'], request.headers.authorization)
    const simulator = attachSimulator(
      { send: (data) => socket.send(data), close: (code, reason) => socket.close(code, reason) },
      credential,
      options,
    )
    if (!simulator) return
    socket.on('message', (data, isBinary) =>
      simulator.receive(isBinary ? new Uint8Array(0) : data.toString()),
    )
    socket.on('close', () => simulator.dispose())
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `ws://${host}:${port}/v1/realtime`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate()
        server.close(() => resolve())
      }),
  }
}
