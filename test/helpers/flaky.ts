import { ws } from 'msw'
import type { RawServerEvent } from '../../src/core/protocol'
import { REALTIME_WS_URL, type SimulatorHandlerOptions } from '../../src/testing'
import { attachSimulator, credentialOf } from '../../src/testing/connection'

export interface FlakyOptions extends SimulatorHandlerOptions {
  /** How many connections to drop (the first ones). */
  drops: number
  /** Drop right after the simulator sends an event for which this returns true. */
  dropAfter: (event: RawServerEvent) => boolean
  closeCode?: number
  closeReason?: string
}

/** The simulator behind msw, dropping its first connections at a chosen event. Counts connections and credentials. */
export function flakyServer(options: FlakyOptions) {
  const stats = {
    connections: 0,
    credentials: [] as string[],
    clientEvents: [] as { connection: number; event: Record<string, unknown> }[],
  }
  const handler = ws.link(REALTIME_WS_URL).addEventListener('connection', ({ client, info }) => {
    const connection = ++stats.connections
    const credential = credentialOf(info.protocols)
    stats.credentials.push(credential ?? '')
    let dropped = false
    let dropNext = false
    const send = (data: string) => {
      if (dropped) return
      client.send(data)
      // The triggering event goes out, then the line goes dead: nothing more is sent, and the close
      // waits a macrotask, since msw drops messages still queued on a closing socket.
      if (dropNext) {
        dropped = true
        setTimeout(() => client.close(options.closeCode ?? 1011, options.closeReason ?? 'network failure'), 0)
      }
    }
    const simulator = attachSimulator({ send, close: (c, r) => client.close(c, r) }, credential, {
      ...options,
      onServerEvent: (event) => {
        options.onServerEvent?.(event)
        if (!dropped && connection <= options.drops && options.dropAfter(event)) dropNext = true
      },
    })
    client.addEventListener('message', (event) => {
      stats.clientEvents.push({ connection, event: JSON.parse(String(event.data)) })
      if (!dropped) simulator?.receive(String(event.data))
    })
    client.addEventListener('close', () => simulator?.dispose())
  })
  return { handler, stats }
}
