import type { ClientEvent, RawServerEvent } from '../../src/core'
import type { SimulatorTransportOptions } from '../../src/testing'
import type { inMemorySimulator } from './inMemory'

export interface FlakyOptions extends Omit<SimulatorTransportOptions, 'clock'> {
  /** How many connections to drop (the first ones). */
  drops: number
  /** Drop right after the simulator sends an event for which this returns true. */
  dropAfter: (event: RawServerEvent) => boolean
  closeCode?: number
  closeReason?: string
}

/**
 * The in-memory simulator, dropping its first connections right after it sent a chosen event: that
 * event arrives, the simulator sends and reads nothing more, and the connection closes when the
 * clock next moves (so the client may react to the event first, as on a real socket that died).
 * Keeps the credential of each connection and the client events each one read.
 */
export function flakySimulator(sim: ReturnType<typeof inMemorySimulator>, options: FlakyOptions) {
  const stats = {
    credentials: [] as string[],
    clientEvents: [] as { connection: number; event: ClientEvent }[],
  }
  const dropped = new Set<number>()
  const authorize = options.authorize ?? ((credential: string) => credential.length > 0)
  const { transport, clock } = sim.transport({
    ...options,
    authorize: (credential) => {
      stats.credentials.push(credential)
      return authorize(credential)
    },
    onClientEvent: (event, problem) => {
      stats.clientEvents.push({ connection: transport.connections, event: event as ClientEvent })
      options.onClientEvent?.(event, problem)
    },
    onServerEvent: (event) => {
      options.onServerEvent?.(event)
      const connection = transport.connections
      if (connection > options.drops || dropped.has(connection) || !options.dropAfter(event)) return
      dropped.add(connection)
      // The event itself still goes out: the simulator hands it to the transport after this hook.
      const silence = () => transport.simulator?.dispose()
      // session.created is sent while the connection opens, before its simulator is attached.
      if (event.type === 'session.created') queueMicrotask(silence)
      else silence()
      clock.setTimeout(() => {
        if (transport.connected && transport.connections === connection)
          transport.drop({
            code: options.closeCode ?? 1011,
            reason: options.closeReason ?? 'network failure',
          })
      }, 0)
    },
  })
  return { transport, clock, stats }
}
