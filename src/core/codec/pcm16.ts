import type { AudioFormat } from './audioFormat'
import { decodeAlaw, decodeUlaw, encodeAlaw, encodeUlaw } from './g711'

/** Converts float samples in [-1, 1] to 16-bit PCM (clamped, rounded). */
export function floatToPcm16(samples: Float32Array): Int16Array {
  const out = new Int16Array(samples.length)
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]!))
    out[i] = Math.round(s < 0 ? s * 0x8000 : s * 0x7fff)
  }
  return out
}

/** Converts 16-bit PCM to float samples in [-1, 1]. */
export function pcm16ToFloat(samples: Int16Array): Float32Array {
  const out = new Float32Array(samples.length)
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i]!
    out[i] = s < 0 ? s / 0x8000 : s / 0x7fff
  }
  return out
}

/** Encodes 16-bit samples in a wire format (little-endian PCM, or G.711). */
export function encodeSamples(samples: Int16Array, format: AudioFormat): Uint8Array {
  if (format === 'g711_ulaw') return encodeUlaw(samples)
  if (format === 'g711_alaw') return encodeAlaw(samples)
  // Int16Array is platform-endian; every engine the kit targets is little-endian, like the wire.
  return new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength)
}

/** Decodes wire bytes of a format into 16-bit samples. */
export function decodeSamples(bytes: Uint8Array, format: AudioFormat): Int16Array {
  if (format === 'g711_ulaw') return decodeUlaw(bytes)
  if (format === 'g711_alaw') return decodeAlaw(bytes)
  const even = bytes.byteLength & ~1
  if (bytes.byteOffset % 2 === 0) return new Int16Array(bytes.buffer, bytes.byteOffset, even / 2)
  return new Int16Array(bytes.slice(0, even).buffer)
}
