import type { RequestHandler, WebSocketHandler } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'
import type { ServerEvent } from '../../src/core/protocol'
import { createSimulatorHandlers, type SimulatorHandlerOptions } from '../../src/testing'

/**
 * Serves the simulator through msw for one test file. `use(options)` swaps the scenario for a test
 * and `useHandlers(...)` swaps in other servers: both replace the handlers, because msw hands a
 * WebSocket connection to every matching handler, and two simulators must not answer one socket.
 * Every server event the simulator sent is kept in `serverEvents` for shape checks.
 */
export function useSimulator(defaults: SimulatorHandlerOptions = {}) {
  const serverEvents: ServerEvent[] = []
  const options = (extra: SimulatorHandlerOptions) => ({
    ...defaults,
    ...extra,
    onServerEvent: (e: ServerEvent) => serverEvents.push(e),
  })
  const server = setupServer(...createSimulatorHandlers(options({})))
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => {
    server.resetHandlers()
    serverEvents.length = 0
  })
  afterAll(() => server.close())
  return {
    serverEvents,
    use(extra: SimulatorHandlerOptions) {
      server.resetHandlers(...createSimulatorHandlers(options(extra)))
    },
    useHandlers(...handlers: (RequestHandler | WebSocketHandler)[]) {
      server.resetHandlers(...handlers)
    },
  }
}
