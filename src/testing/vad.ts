import type { WireTurnDetection } from '../core'

/** What the VAD saw in a stretch of audio. */
export type VadEvent =
  | { type: 'speech_started'; audioStartMs: number }
  | { type: 'speech_stopped'; audioEndMs: number }

const FRAME_MS = 20
/** Sound must last this long to count as speech (rejects clicks and short beeps). */
const MIN_SPEECH_MS = 60
const SEMANTIC_SILENCE_MS = { low: 1200, medium: 700, auto: 700, high: 350 } as const

/**
 * An energy voice-activity detector over 20 ms frames, configured like the API's turn detection:
 * a frame is loud when its RMS (full scale = 1) reaches `threshold * 0.05` (0.025 at the API's
 * default 0.5); speech starts after 60 ms of loud frames and stops after `silence_duration_ms`
 * without such a run, so pauses between words keep one turn and a click or beep in the silence
 * does not hold it open. `audio_start_ms` reaches back `prefix_padding_ms`, never into audio an
 * earlier turn already took; `audio_end_ms` includes the silence, as the live API reports it.
 */
export class EnergyVad {
  #threshold = 0.025
  #silenceMs = 500
  #prefixMs = 300
  #pending = new Float32Array(0)
  #positionMs = 0
  #speaking = false
  /** Length of the current run of loud frames. */
  #runMs = 0
  #runStartMs = 0
  /** Time since the last run that counted as speech, while speaking. */
  #silentMs = 0
  /** Where the audio not yet taken by a turn begins (the prefix reaches no further back). */
  #floorMs = 0

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
      const event = this.#frame(Math.sqrt(sum / frame) >= this.#threshold)
      if (event) events.push(event)
    }
    this.#pending = joined.slice(offset)
    return events
  }

  #frame(loud: boolean): VadEvent | null {
    this.#positionMs += FRAME_MS
    if (loud) {
      if (this.#runMs === 0) this.#runStartMs = this.#positionMs - FRAME_MS
      this.#runMs += FRAME_MS
    } else {
      this.#runMs = 0
    }
    const isSpeech = this.#runMs >= MIN_SPEECH_MS
    if (!this.#speaking) {
      if (!isSpeech) return null
      this.#speaking = true
      this.#silentMs = 0
      return {
        type: 'speech_started',
        audioStartMs: Math.max(this.#floorMs, this.#runStartMs - this.#prefixMs),
      }
    }
    // While speaking, only a run long enough to be speech resets the silence; a short burst
    // (a click, a 20 ms beep) counts as silence, so it cannot keep the turn open.
    if (isSpeech) {
      this.#silentMs = 0
      return null
    }
    this.#silentMs += FRAME_MS
    if (this.#silentMs < this.#silenceMs) return null
    this.#speaking = false
    this.#silentMs = 0
    this.#floorMs = this.#positionMs
    return { type: 'speech_stopped', audioEndMs: this.#positionMs }
  }

  reset(): void {
    this.#speaking = false
    this.#runMs = 0
    this.#silentMs = 0
    this.#floorMs = this.#positionMs
    this.#pending = new Float32Array(0)
  }
}
