// G.711 (ITU-T) u-law and A-law, bit-exact with the ITU reference (Sun's g711.c): encoders
// compute the segment directly, decoders read 256-entry tables built once.

/**
 * The G.711 codec as a self-contained factory: it references nothing outside itself, so the audio
 * worklets embed its source (`g711Kernel.toString()`) and run exactly this code.
 */
export function g711Kernel() {
  const SEG_U_END = [0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff, 0x1fff]
  const SEG_A_END = [0x1f, 0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff]

  function segment(value: number, ends: readonly number[]): number {
    for (let i = 0; i < ends.length; i++) if (value <= (ends[i] as number)) return i
    return ends.length
  }

  function linearToUlaw(sample: number): number {
    let pcm = sample >> 2
    let mask = 0xff
    if (pcm < 0) {
      pcm = -pcm
      mask = 0x7f
    }
    if (pcm > 8159) pcm = 8159
    pcm += 0x84 >> 2
    const seg = segment(pcm, SEG_U_END)
    if (seg >= 8) return 0x7f ^ mask
    return ((seg << 4) | ((pcm >> (seg + 1)) & 0xf)) ^ mask
  }

  function linearToAlaw(sample: number): number {
    let pcm = sample >> 3
    let mask = 0xd5
    if (pcm < 0) {
      mask = 0x55
      pcm = -pcm - 1
    }
    const seg = segment(pcm, SEG_A_END)
    if (seg >= 8) return 0x7f ^ mask
    const aval = (seg << 4) | (seg < 2 ? (pcm >> 1) & 0xf : (pcm >> seg) & 0xf)
    return aval ^ mask
  }

  const ULAW_TABLE = new Int16Array(256)
  const ALAW_TABLE = new Int16Array(256)
  for (let i = 0; i < 256; i++) {
    const u = ~i & 0xff
    const t = (((u & 0x0f) << 3) + 0x84) << ((u & 0x70) >> 4)
    ULAW_TABLE[i] = u & 0x80 ? 0x84 - t : t - 0x84
    const a = i ^ 0x55
    let s = (a & 0x0f) << 4
    const seg = (a & 0x70) >> 4
    if (seg === 0) s += 8
    else if (seg === 1) s += 0x108
    else s = (s + 0x108) << (seg - 1)
    ALAW_TABLE[i] = a & 0x80 ? s : -s
  }

  return {
    linearToUlaw,
    linearToAlaw,
    ulawToLinear: (byte: number): number => ULAW_TABLE[byte & 0xff] as number,
    alawToLinear: (byte: number): number => ALAW_TABLE[byte & 0xff] as number,
    encodeUlaw(samples: Int16Array): Uint8Array {
      const out = new Uint8Array(samples.length)
      for (let i = 0; i < samples.length; i++) out[i] = linearToUlaw(samples[i] as number)
      return out
    },
    encodeAlaw(samples: Int16Array): Uint8Array {
      const out = new Uint8Array(samples.length)
      for (let i = 0; i < samples.length; i++) out[i] = linearToAlaw(samples[i] as number)
      return out
    },
    decodeUlaw(bytes: Uint8Array): Int16Array {
      const out = new Int16Array(bytes.length)
      for (let i = 0; i < bytes.length; i++) out[i] = ULAW_TABLE[bytes[i] as number] as number
      return out
    },
    decodeAlaw(bytes: Uint8Array): Int16Array {
      const out = new Int16Array(bytes.length)
      for (let i = 0; i < bytes.length; i++) out[i] = ALAW_TABLE[bytes[i] as number] as number
      return out
    },
  }
}

const g711 = g711Kernel()

/** Encodes one 16-bit linear sample as a u-law byte. */
export const linearToUlaw = g711.linearToUlaw
/** Encodes one 16-bit linear sample as an A-law byte. */
export const linearToAlaw = g711.linearToAlaw
/** Decodes one u-law byte to a 16-bit linear sample. */
export const ulawToLinear = g711.ulawToLinear
/** Decodes one A-law byte to a 16-bit linear sample. */
export const alawToLinear = g711.alawToLinear
/** Encodes 16-bit samples as u-law bytes. */
export const encodeUlaw = g711.encodeUlaw
/** Encodes 16-bit samples as A-law bytes. */
export const encodeAlaw = g711.encodeAlaw
/** Decodes u-law bytes to 16-bit samples. */
export const decodeUlaw = g711.decodeUlaw
/** Decodes A-law bytes to 16-bit samples. */
export const decodeAlaw = g711.decodeAlaw
