import { type AudioFormat, encodeSamples, sampleRateOf } from '../core'

/** Milliseconds of synthetic speech for a text: about 15 characters a second, at least 400 ms. */
export function speechDurationMs(text: string): number {
  return Math.max(400, Math.round(text.length * 65))
}

/**
 * Deterministic "speech": a 220 Hz tone whose loudness follows the text's characters (quiet on
 * spaces), so it is audible, has energy where words are, and is the same bytes every run.
 */
export function synthesizeSpeech(
  text: string,
  startMs: number,
  durationMs: number,
  format: AudioFormat,
): Uint8Array {
  const rate = sampleRateOf(format)
  const total = speechDurationMs(text)
  const start = Math.round((startMs * rate) / 1000)
  const count = Math.round((durationMs * rate) / 1000)
  const samples = new Int16Array(count)
  for (let i = 0; i < count; i++) {
    const n = start + i
    const charIndex = Math.min(text.length - 1, Math.floor((n / rate) * 1000 * (text.length / total)))
    const amplitude = text[charIndex] === ' ' ? 0.05 : 0.4
    samples[i] = Math.round(Math.sin((2 * Math.PI * 220 * n) / rate) * amplitude * 0x7fff)
  }
  return encodeSamples(samples, format)
}
