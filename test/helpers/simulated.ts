import type { RequestHandler, WebSocketHandler } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import type { RawServerEvent } from '../../src/core/protocol'
import { checkEvent, createSimulatorHandlers, type SimulatorHandlerOptions } from '../../src/testing'
import { compileSchemasFirst } from './schemas'

/**
 * Serves the simulator through msw for one test file. `use(options)` swaps the scenario for a test
 * and `replaceHandlers(...)` swaps in other servers: both replace the handlers, because msw hands a
 * WebSocket connection to every matching handler, and two simulators must not answer one socket.
 * Every server event the simulator sent is kept in `serverEvents`. After each test, every client
 * event the kit sent and every server event the simulator sent must pass the closed live schemas (see inMemory.ts).
 */
export function serveSimulator(defaults: SimulatorHandlerOptions = {}) {
  const serverEvents: RawServerEvent[] = []
  const clientProblems: string[] = []
  const options = (extra: SimulatorHandlerOptions) => ({
    ...defaults,
    ...extra,
    onServerEvent: (e: RawServerEvent) => serverEvents.push(e),
    onClientEvent: (_e: unknown, problem: string | null) => problem && clientProblems.push(problem),
  })
  const defaultHandlers = createSimulatorHandlers(options({}))
  const server = setupServer(...defaultHandlers)
  compileSchemasFirst()
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => {
    const serverProblems = serverEvents.map((e) => checkEvent('server', e, 'closed')).filter(Boolean)
    const sentBadEvents = [...clientProblems]
    // resetHandlers(...next) replaces msw's initial handlers, so restore ours by name.
    server.resetHandlers(...defaultHandlers)
    serverEvents.length = 0
    clientProblems.length = 0
    expect(sentBadEvents, 'client events the live API would refuse').toEqual([])
    expect(serverProblems, 'simulator events the live API would not send').toEqual([])
  })
  afterAll(() => server.close())
  return {
    serverEvents,
    use(extra: SimulatorHandlerOptions) {
      server.resetHandlers(...createSimulatorHandlers(options(extra)))
    },
    replaceHandlers(...handlers: (RequestHandler | WebSocketHandler)[]) {
      server.resetHandlers(...handlers)
    },
  }
}
