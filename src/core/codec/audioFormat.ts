import type { WireAudioFormat } from '../protocol'

/** The seed's audio format names: 16-bit PCM at 24 kHz, or G.711 u-law / A-law at 8 kHz. */
export type AudioFormat = 'pcm16' | 'g711_ulaw' | 'g711_alaw'

/** The audio formats the Realtime API takes: `pcm16`, `g711_ulaw`, `g711_alaw`. */
export const AUDIO_FORMATS: readonly AudioFormat[] = ['pcm16', 'g711_ulaw', 'g711_alaw']

/** Sample rate of each format as the Realtime API carries it. */
export function sampleRateOf(format: AudioFormat): number {
  return format === 'pcm16' ? 24000 : 8000
}

/** Bytes per sample of each format. */
export function bytesPerSampleOf(format: AudioFormat): number {
  return format === 'pcm16' ? 2 : 1
}

/** Duration in milliseconds of `byteLength` bytes of audio in `format`. */
export function bytesToMs(byteLength: number, format: AudioFormat): number {
  return (byteLength / bytesPerSampleOf(format) / sampleRateOf(format)) * 1000
}

/** The GA wire object for a format name. */
export function toWireFormat(format: AudioFormat): WireAudioFormat {
  if (format === 'g711_ulaw') return { type: 'audio/pcmu' }
  if (format === 'g711_alaw') return { type: 'audio/pcma' }
  return { type: 'audio/pcm', rate: 24000 }
}

/** The format name for a GA wire object (unknown shapes read as pcm16, the API's default). */
export function fromWireFormat(format: WireAudioFormat | undefined | null): AudioFormat {
  if (format?.type === 'audio/pcmu') return 'g711_ulaw'
  if (format?.type === 'audio/pcma') return 'g711_alaw'
  return 'pcm16'
}
