import { describe, expect, it } from 'vitest'
import {
  alawToLinear,
  bytesToMs,
  decodeBase64,
  decodeSamples,
  encodeBase64,
  encodeSamples,
  floatToPcm16,
  fromWireFormat,
  linearToAlaw,
  linearToUlaw,
  pcm16ToFloat,
  Resampler,
  resample,
  toWireFormat,
  ulawToLinear,
} from '../../src/core/codec'

describe('G.711 u-law', () => {
  it('decodes the ITU reference values', () => {
    expect(ulawToLinear(0xff)).toBe(0)
    expect(ulawToLinear(0x7f)).toBe(0)
    expect(ulawToLinear(0x00)).toBe(-32124)
    expect(ulawToLinear(0x80)).toBe(32124)
    expect(ulawToLinear(0xf0)).toBe(120)
    expect(ulawToLinear(0x70)).toBe(-120)
  })

  it('encodes the reference values and clips beyond full scale', () => {
    expect(linearToUlaw(0)).toBe(0xff)
    expect(linearToUlaw(32767)).toBe(0x80)
    expect(linearToUlaw(-32768)).toBe(0x00)
    expect(linearToUlaw(120)).toBe(0xf0)
  })

  it('is idempotent on every code: encode(decode(b)) = b (but for the two zeros)', () => {
    for (let b = 0; b < 256; b++) {
      const expected = b === 0x7f ? 0xff : b
      expect(linearToUlaw(ulawToLinear(b))).toBe(expected)
    }
  })

  it('puts every 16-bit input in the decision interval of its code (level +- half a step)', () => {
    for (let x = -32768; x < 32768; x++) {
      const code = linearToUlaw(x)
      const step = 4 << ((((~code >> 4) & 7) + 1) as number)
      const level = ulawToLinear(code)
      // 4: G.191 drops the two low bits; beyond the top interval the encoder clips.
      if (Math.abs(x) <= 32124 + step / 2 && Math.abs(level - x) > step / 2 + 4) {
        throw new Error(`u-law(${x}) = ${code} decodes to ${level}, outside its interval`)
      }
    }
    expect(linearToUlaw(32767)).toBe(0x80)
  })

  it('differs from the Sun and BIAS/CLIP variants on one-off cases, like the reference', () => {
    expect(linearToUlaw(-1)).toBe(0x7f) // a negative zero in G.191; 0x7e in Sun's g711.c
    expect(linearToUlaw(-4)).toBe(0x7f)
    expect(linearToUlaw(-5)).toBe(0x7e)
  })
})

describe('G.711 A-law', () => {
  it('decodes the ITU reference values', () => {
    expect(alawToLinear(0xd5)).toBe(8)
    expect(alawToLinear(0x55)).toBe(-8)
    expect(alawToLinear(0xaa)).toBe(32256)
    expect(alawToLinear(0x2a)).toBe(-32256)
  })

  it('encodes the reference values', () => {
    expect(linearToAlaw(0)).toBe(0xd5)
    expect(linearToAlaw(-1)).toBe(0x55)
    expect(linearToAlaw(32767)).toBe(0xaa)
    expect(linearToAlaw(-32768)).toBe(0x2a)
  })

  it('is idempotent on every code', () => {
    for (let b = 0; b < 256; b++) expect(linearToAlaw(alawToLinear(b))).toBe(b)
  })

  it('puts every 16-bit input in the decision interval of its code', () => {
    for (let x = -32768; x < 32768; x++) {
      const code = linearToAlaw(x)
      const exponent = ((code ^ 0x55) >> 4) & 7
      const step = exponent <= 1 ? 16 : 16 << (exponent - 1)
      const level = alawToLinear(code)
      // 16: G.191 drops the four low bits; beyond the top interval the encoder clips.
      if (Math.abs(x) <= 32256 + step / 2 && Math.abs(level - x) > step / 2 + 16) {
        throw new Error(`A-law(${x}) = ${code} decodes to ${level}, outside its interval`)
      }
    }
  })
})

describe('PCM16 and formats', () => {
  it('round-trips float samples within one LSB', () => {
    const input = Float32Array.from({ length: 100 }, (_, i) => Math.sin(i / 7) * 0.9)
    const back = pcm16ToFloat(floatToPcm16(input))
    for (let i = 0; i < input.length; i++) expect(Math.abs(back[i]! - input[i]!)).toBeLessThan(1 / 32767)
  })

  it('clamps out-of-range floats', () => {
    expect([...floatToPcm16(Float32Array.of(2, -2))]).toEqual([32767, -32768])
  })

  it('encodes and decodes each wire format', () => {
    const samples = Int16Array.of(0, 1000, -1000, 32000, -32000)
    expect([...decodeSamples(encodeSamples(samples, 'pcm16'), 'pcm16')]).toEqual([...samples])
    expect(encodeSamples(samples, 'g711_ulaw').length).toBe(5)
    expect(decodeSamples(encodeSamples(samples, 'g711_alaw'), 'g711_alaw')[1]).toBeCloseTo(1000, -2)
  })

  it('decodes pcm16 from an odd byte offset', () => {
    const bytes = new Uint8Array(5)
    bytes.set([0x10, 0x27], 1) // 10000 little-endian at offset 1
    expect(decodeSamples(bytes.subarray(1), 'pcm16')[0]).toBe(10000)
  })

  it('measures durations per format', () => {
    expect(bytesToMs(4800, 'pcm16')).toBe(100)
    expect(bytesToMs(800, 'g711_ulaw')).toBe(100)
    expect(bytesToMs(800, 'g711_alaw')).toBe(100)
  })

  it('maps format names to GA wire objects and back', () => {
    expect(toWireFormat('pcm16')).toEqual({ type: 'audio/pcm', rate: 24000 })
    expect(toWireFormat('g711_ulaw')).toEqual({ type: 'audio/pcmu' })
    expect(toWireFormat('g711_alaw')).toEqual({ type: 'audio/pcma' })
    for (const f of ['pcm16', 'g711_ulaw', 'g711_alaw'] as const)
      expect(fromWireFormat(toWireFormat(f))).toBe(f)
  })
})

describe('base64', () => {
  it('matches the platform encoder on every byte value and large buffers', () => {
    const bytes = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 131) % 256)
    const encoded = encodeBase64(bytes)
    expect(encoded).toBe(Buffer.from(bytes).toString('base64'))
    expect(new Uint8Array(decodeBase64(encoded))).toEqual(bytes)
  })

  it('encodes views at an offset, not their whole buffer', () => {
    const bytes = Uint8Array.of(1, 2, 3, 4, 5)
    expect(encodeBase64(bytes.subarray(1, 3))).toBe(Buffer.from([2, 3]).toString('base64'))
  })

  it('returns a buffer of exactly the decoded length', () => {
    expect(decodeBase64('AQID').byteLength).toBe(3)
  })
})

describe('Resampler', () => {
  const sine = (freq: number, rate: number, seconds: number) =>
    Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) =>
      Math.sin((2 * Math.PI * freq * i) / rate),
    )
  /** Amplitude of `freq` in a signal (Goertzel), ignoring the filter's start-up. */
  const amplitude = (signal: Float32Array, freq: number, rate: number) => {
    const x = signal.subarray(Math.floor(signal.length / 4))
    let re = 0
    let im = 0
    for (let i = 0; i < x.length; i++) {
      re += x[i]! * Math.cos((2 * Math.PI * freq * i) / rate)
      im -= x[i]! * Math.sin((2 * Math.PI * freq * i) / rate)
    }
    return (2 * Math.hypot(re, im)) / x.length
  }
  const db = (a: number) => 20 * Math.log10(a)

  it('passes speech frequencies at unity gain when downsampling 48 kHz to 24 kHz', () => {
    for (const f of [200, 1000, 4000, 9000]) {
      const out = resample(sine(f, 48000, 0.5), 48000, 24000)
      expect(Math.abs(db(amplitude(out, f, 24000))), `${f} Hz`).toBeLessThan(0.2)
    }
  })

  it('filters out what 24 kHz cannot carry instead of aliasing it (>= 60 dB)', () => {
    for (const f of [13000, 16000, 20000]) {
      const out = resample(sine(f, 48000, 0.5), 48000, 24000)
      const alias = 24000 - f
      expect(db(amplitude(out, alias, 24000)), `${f} Hz folding to ${alias} Hz`).toBeLessThan(-60)
    }
  })

  it('handles 44.1 kHz input and upsampling for playback without images', () => {
    const down = resample(sine(1000, 44100, 0.5), 44100, 24000)
    expect(down.length).toBeCloseTo(12000, -1)
    expect(Math.abs(db(amplitude(down, 1000, 24000)))).toBeLessThan(0.2)
    const up = resample(sine(3000, 24000, 0.5), 24000, 48000)
    expect(Math.abs(db(amplitude(up, 3000, 48000)))).toBeLessThan(0.2)
    expect(db(amplitude(up, 21000, 48000))).toBeLessThan(-60) // the image of 3 kHz around 24 kHz
    const g711Up = resample(sine(1000, 8000, 0.5), 8000, 48000)
    expect(Math.abs(db(amplitude(g711Up, 1000, 48000)))).toBeLessThan(0.2)
  })

  it('streams: block-by-block output equals whole-signal output', () => {
    const signal = sine(440, 48000, 0.2)
    const whole = new Resampler(48000, 24000).process(signal)
    const streaming = new Resampler(48000, 24000)
    const parts: number[] = []
    for (let i = 0; i < signal.length; i += 128) parts.push(...streaming.process(signal.subarray(i, i + 128)))
    expect(parts.length).toBe(whole.length)
    for (let i = 0; i < whole.length; i++) expect(parts[i]).toBeCloseTo(whole[i]!, 6)
  })
})
