import { afterEach, beforeAll, beforeEach, expect, vi } from 'vitest'
import {
  type ClientEvent,
  type RawServerEvent,
  type RealtimeAgent,
  type RealtimeRunConfig,
  RealtimeRunner,
  type RealtimeRunOptions,
  type RealtimeSession,
  type RealtimeSessionEventOf,
  type RealtimeSessionEventType,
  tool,
} from '../../src/core'
import {
  checkEvent,
  ManualClock,
  SimulatorTransport,
  type SimulatorTransportOptions,
} from '../../src/testing'
import { PushTransport } from './pushTransport'
import { compileSchemasFirst } from './schemas'

/** What `start()` passes to the runner besides the transport and the clock. */
export interface StartOptions<T> {
  config?: RealtimeRunConfig<T>
  /** `run()` options; default `{ apiKey: 'sk-test' }`. */
  run?: Omit<RealtimeRunOptions<T>, 'transport' | 'clock'>
}

/**
 * Sessions on the simulator in memory for one test file: `transport()` and `start()` connect
 * through a `SimulatorTransport` on a `ManualClock`, `push()` gives a `PushTransport` the test
 * scripts by hand. The platform's timers are faked and only a test that says so advances them, so
 * nothing depends on how fast the machine is. After each test, every client event the kit sent and
 * every server event the simulator sent must pass the closed live schemas (the official ones
 * corrected by live traffic, no unknown field), and no platform timer may be left behind.
 */
export function inMemorySimulator() {
  const sent: ClientEvent[][] = []
  const received: RawServerEvent[][] = []
  compileSchemasFirst()
  beforeAll(async () => {
    // The kit loads its JSON Schema validator (for tools without a zod schema) on first use, by a
    // dynamic import: I/O that no clock drives. Load it before the clock drives a session.
    await tool({
      name: 'load_validator',
      description: 'Loads the validator.',
      execute: () => '',
    }).parseArguments('')
  })
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    const timers = vi.getTimerCount()
    vi.useRealTimers()
    // What went over the wire is JSON: fields left undefined are not sent. Both sides are held to
    // what the live API sends and accepts, closed: a field it does not know is drift.
    const clientProblems = sent
      .flat()
      .map((e) => checkEvent('client', JSON.parse(JSON.stringify(e)), 'closed'))
      .filter(Boolean)
    const serverProblems = received
      .flat()
      .map((e) => checkEvent('server', e, 'closed'))
      .filter(Boolean)
    sent.length = 0
    received.length = 0
    expect(clientProblems, 'client events the live API would refuse').toEqual([])
    expect(serverProblems, 'simulator events the live API would not send').toEqual([])
    expect(timers, 'platform timers left behind').toBe(0)
  })

  function transport(options: Omit<SimulatorTransportOptions, 'clock'> = {}) {
    const clock = new ManualClock()
    const simulator = new SimulatorTransport({ ...options, clock })
    sent.push(simulator.clientEvents)
    received.push(simulator.serverEvents)
    return { transport: simulator, clock }
  }

  return {
    transport,

    /** A session through the runner on a fresh simulator; resolves once the server confirmed it. */
    async start<T = unknown>(
      agent: RealtimeAgent<T>,
      simulator: Omit<SimulatorTransportOptions, 'clock'> = {},
      options: StartOptions<T> = {},
    ) {
      const connection = transport(simulator)
      const session = await new RealtimeRunner(agent, options.config).run({
        apiKey: 'sk-test',
        ...options.run,
        transport: connection.transport,
        clock: connection.clock,
      })
      return { session, ...connection }
    },

    /** A transport the test plays the server on; what the session sends through it is checked too. */
    push(options: ConstructorParameters<typeof PushTransport>[0] = {}) {
      const push = new PushTransport(options)
      sent.push(push.sent)
      return push
    },
  }
}

/**
 * Runs what is due now, then moves `clock` forward `stepMs` at a time until `done()` holds (checked
 * once the microtasks of each step have run), so the clock may end up to `stepMs` past the moment
 * it happened: a test that asserts times advances the clock itself. Fails, naming `what`, as soon
 * as nothing is left scheduled on the clock, or after `limitMs` of clock time: a wait that can
 * never end fails at once instead of timing out.
 */
export async function advanceUntil(
  clock: ManualClock,
  done: () => boolean,
  what: string,
  { stepMs = 10, limitMs = 120_000 } = {},
): Promise<void> {
  const start = clock.now()
  await clock.advance(0) // what is due now, without moving the time
  while (!done()) {
    if (clock.pendingTimers === 0)
      throw new Error(`${what} did not happen, and nothing is left scheduled (at ${clock.now()} ms).`)
    if (clock.now() - start >= limitMs)
      throw new Error(`${what} did not happen within ${limitMs} ms of clock time.`)
    await clock.advance(stepMs)
  }
}

/**
 * Advances `clock` (see {@link advanceUntil}) until `session` emits an event of `type` matching
 * `predicate`. It listens from the call on: an event an earlier advance already delivered is not
 * seen, so to wait for something that may have happened, wait on state with {@link advanceUntil}.
 */
export async function advanceUntilEvent<T extends RealtimeSessionEventType>(
  clock: ManualClock,
  session: RealtimeSession<never> | RealtimeSession<unknown>,
  type: T,
  predicate: (event: RealtimeSessionEventOf<T>) => boolean = () => true,
  options?: { stepMs?: number; limitMs?: number },
): Promise<RealtimeSessionEventOf<T>> {
  let seen: RealtimeSessionEventOf<T> | undefined
  const off = (session as RealtimeSession<unknown>).on(type, (event) => {
    if (!seen && predicate(event)) seen = event
  })
  try {
    await advanceUntil(clock, () => seen !== undefined, `a ${type} event`, options)
  } finally {
    off()
  }
  return seen!
}

/** Advances `clock` until the session received a server event of `type`; returns it. */
export async function advanceUntilServerEvent(
  clock: ManualClock,
  session: RealtimeSession<never> | RealtimeSession<unknown>,
  type: string,
): Promise<RawServerEvent> {
  const event = await advanceUntilEvent(clock, session, 'raw_model_event', (e) => e.data.type === type)
  return event.data
}

/** A `history_updated` predicate: an assistant message, complete, with exactly `text`. */
export const answered = (text: string) => (event: RealtimeSessionEventOf<'history_updated'>) => {
  const item = event.item
  return (
    item?.type === 'message' && item.role === 'assistant' && item.text === text && item.status === 'completed'
  )
}

/** A `history_updated` predicate: any assistant message, complete. */
export const anyAnswer = (event: RealtimeSessionEventOf<'history_updated'>) =>
  event.item?.type === 'message' && event.item.role === 'assistant' && event.item.status === 'completed'

/** The client events of one type, typed. */
export function clientEventsOf<T extends ClientEvent['type']>(
  events: readonly ClientEvent[],
  type: T,
): Extract<ClientEvent, { type: T }>[] {
  return events.filter((e): e is Extract<ClientEvent, { type: T }> => e.type === type)
}

/** The server events of one type. */
export function serverEventsOf(events: readonly RawServerEvent[], type: string): RawServerEvent[] {
  return events.filter((e) => e.type === type)
}
