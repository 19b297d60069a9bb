import { vi } from 'vitest'
import { encodeBase64 } from '../../src/core/codec'
import type { RawServerEvent } from '../../src/core/protocol'
import { RealtimeSimulator, type SimulatorOptions } from '../../src/testing'
import { frames } from './audio'

/** A simulator driven directly: client events in as objects, server events collected. */
export function drive(options: SimulatorOptions = {}) {
  const events: RawServerEvent[] = []
  const sim = new RealtimeSimulator((e) => events.push(e), options)
  sim.open()
  const send = (event: object) => sim.receive(JSON.stringify(event))
  const types = () => events.map((e) => e.type)
  const of = (type: string) => events.filter((e) => e.type === type)
  const settle = () => vi.advanceTimersByTimeAsync(5_000)
  const speak = (bytes: Uint8Array, format: 'pcm16' | 'g711_ulaw' | 'g711_alaw' = 'pcm16') => {
    for (const frame of frames(bytes, format))
      send({ type: 'input_audio_buffer.append', audio: encodeBase64(frame) })
  }
  return { sim, send, events, types, of, settle, speak }
}

/** Server VAD with a 6 s idle timeout: the server speaks up when nobody has for that long. */
export const IDLE_TIMEOUT_6S = {
  type: 'session.update',
  session: {
    type: 'realtime',
    audio: { input: { turn_detection: { type: 'server_vad', idle_timeout_ms: 6000 } } },
  },
}
