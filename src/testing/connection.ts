import type { RawServerEvent } from '../core'
import { apiErrors, errorEvent } from './apiErrors'
import type { SimulatorOptions } from './options'
import { RealtimeSimulator } from './simulator'

/** The credential a client presented: the `openai-insecure-api-key.` subprotocol or a Bearer header. */
export function credentialOf(
  protocols: string | string[] | undefined,
  authorization?: string | null,
): string | null {
  const list = typeof protocols === 'string' ? protocols.split(',').map((p) => p.trim()) : (protocols ?? [])
  const fromProtocol = list.find((p) => p.startsWith('openai-insecure-api-key.'))
  if (fromProtocol) return fromProtocol.slice('openai-insecure-api-key.'.length) || null
  const match = authorization?.match(/^Bearer\s+(.+)$/i)
  return match?.[1] ?? null
}

/** The server side of one socket, as the simulator needs it. */
export interface SimulatedConnection {
  send(data: string): void
  close(code: number, reason: string): void
}

/** Options of a simulated server: the simulator's, and which credentials it accepts. */
export interface ConnectionOptions extends SimulatorOptions {
  /** Accepts or refuses a credential; default: any non-empty one. */
  authorize?: (credential: string) => boolean
}

/** Wires a simulator to one socket: auth check, `session.created`, messages both ways. */
export function attachSimulator(
  socket: SimulatedConnection,
  credential: string | null,
  options: ConnectionOptions,
): RealtimeSimulator | null {
  const authorize = options.authorize ?? ((c: string) => c.length > 0)
  if (!credential || !authorize(credential)) {
    const event: RawServerEvent = { event_id: 'event_sim_auth', ...errorEvent(apiErrors.invalidApiKey()) }
    socket.send(JSON.stringify(event))
    socket.close(1008, 'invalid_api_key')
    return null
  }
  const simulator = new RealtimeSimulator(
    (event) => socket.send(JSON.stringify(event)),
    options,
    (code, reason) => socket.close(code, reason),
  )
  simulator.open()
  return simulator
}
