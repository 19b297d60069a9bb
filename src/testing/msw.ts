import { ws } from 'msw'
import { attachSimulator, type ConnectionOptions, credentialOf } from './connection'
import { createTaskHop } from './taskHop'
import { warmUpClientValidation } from './warmUp'

/** The Realtime API's WebSocket URL, which the simulator's msw handlers intercept. */
export const REALTIME_WS_URL = 'wss://api.openai.com/v1/realtime'

/** Options of `createSimulatorHandlers()`: the connection's options and the URL to intercept. */
export interface SimulatorHandlerOptions extends ConnectionOptions {
  /** The URL to intercept; default the Realtime API's. */
  url?: string
}

/**
 * msw handlers that answer the Realtime API's WebSocket with the simulator, for `setupServer`
 * (Node) and `setupWorker` (browser). Each connection gets its own simulator.
 * @example
 * const server = setupServer(...createSimulatorHandlers({ scenario }))
 */
export function createSimulatorHandlers(options: SimulatorHandlerOptions = {}) {
  // In a page, the simulator's checks get compiled while the page is idle, not after the first click.
  warmUpClientValidation()
  const api = ws.link(options.url ?? REALTIME_WS_URL)
  return [
    api.addEventListener('connection', ({ client, info }) => {
      // Each message crosses in a task of its own, both ways and in order, as over a network.
      const hop = createTaskHop()
      let open = true
      const simulator = attachSimulator(
        {
          send: (data) => hop(() => open && client.send(data)),
          close: (code, reason) =>
            hop(() => {
              if (open) client.close(code, reason)
              open = false
            }),
        },
        credentialOf(info.protocols),
        options,
      )
      if (!simulator) return
      client.addEventListener('message', (event) => {
        // A Blob or ArrayBuffer is a binary frame, which the simulator refuses as the API does.
        const data = typeof event.data === 'string' ? event.data : new Uint8Array(0)
        hop(() => simulator.receive(data))
      })
      client.addEventListener('close', () => {
        open = false
        simulator.dispose()
      })
    }),
  ]
}
