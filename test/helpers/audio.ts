import { type AudioFormat, sampleRateOf } from '../../src/core/codec/audioFormat'
import { encodeSamples } from '../../src/core/codec/pcm16'

/** `ms` of a 440 Hz tone at `amplitude` (0..1) in a wire format; 0 amplitude is silence. */
export function tone(ms: number, amplitude: number, format: AudioFormat = 'pcm16'): Uint8Array {
  const rate = sampleRateOf(format)
  const samples = new Int16Array(Math.round((ms * rate) / 1000))
  for (let i = 0; i < samples.length; i++)
    samples[i] = Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * amplitude * 0x7fff)
  return encodeSamples(samples, format).slice()
}

/** Splits audio into 20 ms frames, as a microphone would send it. */
export function frames(bytes: Uint8Array, format: AudioFormat = 'pcm16'): Uint8Array[] {
  const size = (sampleRateOf(format) / 50) * (format === 'pcm16' ? 2 : 1)
  const out: Uint8Array[] = []
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.slice(i, i + size))
  return out
}
