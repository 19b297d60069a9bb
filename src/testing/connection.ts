import type { RawServerEvent } from '../core/protocol'
import { RealtimeSimulator, type SimulatorOptions } from './simulator'

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

export interface SimulatedConnection {
  send(data: string): void
  close(code: number, reason: string): void
}

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
    const event: RawServerEvent = {
      type: 'error',
      event_id: 'event_sim_auth',
      error: {
        type: 'invalid_request_error',
        code: 'invalid_api_key',
        message: 'Missing or invalid credentials: pass an API key or a client secret.',
        param: null,
        event_id: null,
      },
    }
    socket.send(JSON.stringify(event))
    socket.close(1008, 'invalid_api_key')
    return null
  }
  const simulator = new RealtimeSimulator((event) => socket.send(JSON.stringify(event)), options)
  simulator.open()
  return simulator
}
