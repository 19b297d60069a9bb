import { act, render } from '@testing-library/react'
import axe from 'axe-core'
import type { ReactNode } from 'react'
import { afterEach, expect } from 'vitest'
import {
  RealtimeAgent,
  RealtimeClient,
  type RealtimeClientOptions,
  RealtimeProvider,
  type RealtimeProviderProps,
  tool,
} from '../../src'
import {
  callTool,
  checkEvent,
  ManualClock,
  SimulatorTransport,
  type SimulatorTransportOptions,
  say,
} from '../../src/testing'

/**
 * One test's Realtime API: every connection a client opens reaches a fresh in-memory simulator, and
 * the simulator and the session wait on one manual clock, so time moves only when the test says.
 * `advance`, `runAll` and `flush` move it inside `act`, so React commits what happened meanwhile.
 */
export interface SimulatedServer {
  readonly clock: ManualClock
  /** One transport per connection attempt, in order. */
  readonly transports: readonly SimulatorTransport[]
  /** What a `RealtimeClient` or `RealtimeProvider` needs to connect here and wait on this clock. */
  readonly options: Required<Pick<RealtimeClientOptions, 'transport' | 'run'>>
  /** Sessions the simulators opened (`session.created` sent). */
  sessionsOpened(): number
  /** Every server event sent so far, across connections. */
  serverEvents(): SimulatorTransport['serverEvents']
  /** Every client event the kit sent so far, across connections. */
  clientEvents(): SimulatorTransport['clientEvents']
  /** Moves time by `ms`, running the simulator's and the session's timers that fall due. */
  advance(ms: number): Promise<void>
  /** Runs every pending timer: whatever the scenario still has to say is said. */
  runAll(): Promise<void>
  /** Lets pending deliveries and promise jobs run; time does not move. */
  flush(): Promise<void>
}

/**
 * In-memory simulators for a test file (call it at the top level). After each test, every client
 * event the kit sent and every server event a simulator sent must pass the closed live schemas.
 * @example
 * const sim = simulator()
 * it('answers', async () => {
 *   const server = sim.start({ scenario: { turns: [{ replies: [say('Hi!')] }] } })
 * })
 */
export function simulator() {
  const started: SimulatedServer[] = []
  afterEach(() => {
    const servers = started.splice(0)
    const sent = servers.flatMap((s) => s.clientEvents())
    const received = servers.flatMap((s) => s.serverEvents())
    const clientProblems = sent.map((e) => checkEvent('client', e, 'closed')).filter(Boolean)
    const serverProblems = received.map((e) => checkEvent('server', e, 'closed')).filter(Boolean)
    expect(clientProblems, 'client events the live API would refuse').toEqual([])
    expect(serverProblems, 'simulator events the live API would not send').toEqual([])
  })
  return {
    start(options: Omit<SimulatorTransportOptions, 'clock'> = {}): SimulatedServer {
      const clock = new ManualClock()
      const transports: SimulatorTransport[] = []
      const server: SimulatedServer = {
        clock,
        transports,
        options: {
          transport: () => {
            const transport = new SimulatorTransport({ ...options, clock })
            transports.push(transport)
            return transport
          },
          run: { clock },
        },
        sessionsOpened: () => server.serverEvents().filter((e) => e.type === 'session.created').length,
        serverEvents: () => transports.flatMap((t) => t.serverEvents),
        clientEvents: () => transports.flatMap((t) => t.clientEvents),
        advance: (ms) => act(() => clock.advance(ms)),
        runAll: () => act(() => clock.runAll()),
        flush: () => act(() => clock.flush()),
      }
      started.push(server)
      return server
    },
  }
}

/** Renders under a text-only provider that connects to `server` when asked. */
export function renderWithProvider(
  ui: ReactNode,
  agent: RealtimeAgent,
  server: SimulatedServer,
  props: Partial<RealtimeClientOptions> = {},
) {
  const options = {
    agent,
    auth: { clientSecret: 'ek_test' },
    audio: false,
    ...server.options,
    ...props,
  } satisfies RealtimeProviderProps
  return render(<RealtimeProvider {...options}>{ui}</RealtimeProvider>)
}

/**
 * Loads the JSON Schema validator, which the kit imports on first use (for a tool whose parameters
 * are JSON Schema, or none). That import is I/O: no clock and no microtask flush waits for it, so
 * call this in `beforeAll` and tool calls in the tests settle in microtasks.
 */
export async function loadJsonSchemaValidator(): Promise<void> {
  const probe = tool({ name: 'probe', description: 'Loads the validator.', execute: () => '' })
  const parsed = await probe.parseArguments('{}')
  expect(parsed.ok).toBe(true)
}

/** Runs axe on a container and expects no violations (colour contrast needs layout, which jsdom lacks). */
export async function expectAccessible(container: Element) {
  const results = await axe.run(container, {
    rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
  })
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([])
}

/** A text-only client connected to a fresh simulator of `sim`, the simulator, and a wrapper that provides the client. */
export async function connected(
  sim: ReturnType<typeof simulator>,
  agent: RealtimeAgent,
  options: Omit<SimulatorTransportOptions, 'clock'> = {},
) {
  const server = sim.start(options)
  const client = new RealtimeClient({
    agent,
    auth: { clientSecret: 'ek_test' },
    audio: false,
    ...server.options,
  })
  await act(() => client.connect())
  return { client, server, wrapper: providing(client) }
}

/** {@link connected} to Triage, whose model hands off to Billing at the first message and Billing answers. */
export function connectedForHandoff(sim: ReturnType<typeof simulator>) {
  const billing = new RealtimeAgent({ name: 'Billing' })
  return connected(sim, new RealtimeAgent({ name: 'Triage', handoffs: [billing] }), {
    scenario: { turns: [{ replies: [callTool('transfer_to_billing'), say('Billing here.')] }] },
  })
}

export function providing(client: RealtimeClient) {
  return ({ children }: { children: ReactNode }) => (
    <RealtimeProvider client={client}>{children}</RealtimeProvider>
  )
}

/** The text of the last item once it is a completed message, else ''. */
export function lastAnswer(client: RealtimeClient): string {
  const last = client.stores.conversation.items.at(-1)
  return last?.type === 'message' && last.status === 'completed' ? last.text : ''
}

/** Moves time `ms` at a time, each step in its own act (so React commits after each), until no timer is left. */
export async function stepThrough(server: SimulatedServer, ms: number) {
  await server.flush()
  for (let steps = 0; server.clock.pendingTimers > 0; steps++) {
    if (steps > 10_000) throw new Error('stepThrough: timers keep coming after 10 000 steps')
    await server.advance(ms)
  }
}
