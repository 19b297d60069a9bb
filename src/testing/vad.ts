import type { WireTurnDetection } from '../core'

/** What the VAD saw in a stretch of audio. */
export type VadEvent =
  | { type: 'speech_started'; audioStartMs: number }
  | { type: 'speech_stopped'; audioEndMs: number }

const FRAME_MS = 20
/** Speech must last this long before it counts (rejects clicks). */
const MIN_SPEECH_MS = 60
const SEMANTIC_SILENCE_MS = { low: 1200, medium: 700, auto: 700, high: 350 } as const

/**
 * An energy voice-activity detector over 20 ms frames, configured like the API's turn detection:
 * a frame is speech when its RMS (full scale = 1) reaches `threshold * 0.05` (0.025 at the API's
 * default 0.5); speech starts after 60 ms of it and stops after `silence_duration_ms` without.
 */
export class EnergyVad {
  #threshold = 0.025
  #silenceMs = 500
  #prefixMs = 300
  #pending = new Float32Array(0)
  #positionMs = 0
  #speaking = false
  #runMs = 0
  #silentMs = 0
  #runStartMs = 0

  configure(td: WireTurnDetection): void {
    const server = td.type === 'server_vad' ? td : null
    this.#threshold = (server?.threshold ?? 0.5) * 0.05
    this.#prefixMs = server?.prefix_padding_ms ?? 300
    this.#silenceMs =
      td.type === 'semantic_vad'
        ? SEMANTIC_SILENCE_MS[td.eagerness ?? 'auto']
        : (td.silence_duration_ms ?? 500)
  }

  get speaking(): boolean {
    return this.#speaking
  }

  /** Milliseconds of audio seen since the session started. */
  get positionMs(): number {
    return this.#positionMs
  }

  /** Feeds samples (floats at `sampleRate`); returns the speech boundaries found in them. */
  push(samples: Float32Array, sampleRate: number): VadEvent[] {
    const frame = (sampleRate * FRAME_MS) / 1000
    const joined = new Float32Array(this.#pending.length + samples.length)
    joined.set(this.#pending)
    joined.set(samples, this.#pending.length)
    const events: VadEvent[] = []
    let offset = 0
    for (; offset + frame <= joined.length; offset += frame) {
      let sum = 0
      for (let i = offset; i < offset + frame; i++) sum += joined[i]! * joined[i]!
      const speech = Math.sqrt(sum / frame) >= this.#threshold
      this.#positionMs += FRAME_MS
      if (speech) {
        if (this.#runMs === 0) this.#runStartMs = this.#positionMs - FRAME_MS
        this.#runMs += FRAME_MS
        this.#silentMs = 0
        if (!this.#speaking && this.#runMs >= MIN_SPEECH_MS) {
          this.#speaking = true
          events.push({
            type: 'speech_started',
            audioStartMs: Math.max(0, this.#runStartMs - this.#prefixMs),
          })
        }
      } else {
        this.#runMs = 0
        if (this.#speaking) {
          this.#silentMs += FRAME_MS
          if (this.#silentMs >= this.#silenceMs) {
            this.#speaking = false
            this.#silentMs = 0
            events.push({ type: 'speech_stopped', audioEndMs: this.#positionMs })
          }
        }
      }
    }
    this.#pending = joined.slice(offset)
    return events
  }

  reset(): void {
    this.#speaking = false
    this.#runMs = 0
    this.#silentMs = 0
    this.#pending = new Float32Array(0)
  }
}
