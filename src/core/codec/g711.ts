// G.711 (ITU-T) u-law and A-law, bit-exact with the ITU reference software (G.191): encoders
// compute the segment directly, decoders read 256-entry tables built once.

/**
 * The G.711 codec as a self-contained factory: it references nothing outside itself, so the audio
 * worklets embed its source (`g711Kernel.toString()`) and run exactly this code.
 */
export function g711Kernel() {
  // Encoders follow the ITU-T G.191 reference (ulaw_compress / alaw_compress): the 16-bit input is
  // cut to 14 bits (u-law) or 12 bits plus sign (A-law), negative values in one's complement.
  function linearToUlaw(sample: number): number {
    let magnitude = (sample < 0 ? ~sample >> 2 : sample >> 2) + 33
    if (magnitude > 0x1fff) magnitude = 0x1fff
    let segment = 1
    for (let i = magnitude >> 6; i !== 0; i >>= 1) segment++
    const code = ((8 - segment) << 4) | (15 - ((magnitude >> segment) & 0xf))
    return sample >= 0 ? code | 0x80 : code
  }

  function linearToAlaw(sample: number): number {
    let ix = sample < 0 ? ~sample >> 4 : sample >> 4
    if (ix > 15) {
      let exponent = 1
      while (ix > 16 + 15) {
        ix >>= 1
        exponent++
      }
      ix = ix - 16 + (exponent << 4)
    }
    if (sample >= 0) ix |= 0x80
    return ix ^ 0x55
  }

  // G.191's output depends only on the top 14 (u-law) or 12 (A-law) bits, since ~x >> n equals
  // ~(x >> n): tables of 16 K and 4 K codes make encoding one read per sample.
  const ULAW_ENCODE = new Uint8Array(1 << 14)
  const ALAW_ENCODE = new Uint8Array(1 << 12)
  for (let q = -(1 << 13); q < 1 << 13; q++) ULAW_ENCODE[q + (1 << 13)] = linearToUlaw(q << 2)
  for (let q = -(1 << 11); q < 1 << 11; q++) ALAW_ENCODE[q + (1 << 11)] = linearToAlaw(q << 4)

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

  // Every read below is in range for 16-bit samples and for bytes, hence the `!`s.
  return {
    linearToUlaw: (sample: number): number => ULAW_ENCODE[(sample >> 2) + 8192]!,
    linearToAlaw: (sample: number): number => ALAW_ENCODE[(sample >> 4) + 2048]!,
    ulawToLinear: (byte: number): number => ULAW_TABLE[byte & 0xff]!,
    alawToLinear: (byte: number): number => ALAW_TABLE[byte & 0xff]!,
    encodeUlaw(samples: Int16Array): Uint8Array {
      const out = new Uint8Array(samples.length)
      for (let i = 0; i < samples.length; i++) out[i] = ULAW_ENCODE[(samples[i]! >> 2) + 8192]!
      return out
    },
    encodeAlaw(samples: Int16Array): Uint8Array {
      const out = new Uint8Array(samples.length)
      for (let i = 0; i < samples.length; i++) out[i] = ALAW_ENCODE[(samples[i]! >> 4) + 2048]!
      return out
    },
    decodeUlaw(bytes: Uint8Array): Int16Array {
      const out = new Int16Array(bytes.length)
      for (let i = 0; i < bytes.length; i++) out[i] = ULAW_TABLE[bytes[i]!]!
      return out
    },
    decodeAlaw(bytes: Uint8Array): Int16Array {
      const out = new Int16Array(bytes.length)
      for (let i = 0; i < bytes.length; i++) out[i] = ALAW_TABLE[bytes[i]!]!
      return out
    },
  }
}

// Pure, and the exports call through it: a bundle that only embeds the kernel in the worklets
// drops this instance (and the tables it builds at load).
const g711 = /* @__PURE__ */ g711Kernel()

/** Encodes one 16-bit linear sample as a u-law byte. */
export const linearToUlaw: (sample: number) => number = (sample) => g711.linearToUlaw(sample)
/** Encodes one 16-bit linear sample as an A-law byte. */
export const linearToAlaw: (sample: number) => number = (sample) => g711.linearToAlaw(sample)
/** Decodes one u-law byte to a 16-bit linear sample. */
export const ulawToLinear: (byte: number) => number = (byte) => g711.ulawToLinear(byte)
/** Decodes one A-law byte to a 16-bit linear sample. */
export const alawToLinear: (byte: number) => number = (byte) => g711.alawToLinear(byte)
/** Encodes 16-bit samples as u-law bytes. */
export const encodeUlaw: (samples: Int16Array) => Uint8Array = (samples) => g711.encodeUlaw(samples)
/** Encodes 16-bit samples as A-law bytes. */
export const encodeAlaw: (samples: Int16Array) => Uint8Array = (samples) => g711.encodeAlaw(samples)
/** Decodes u-law bytes to 16-bit samples. */
export const decodeUlaw: (bytes: Uint8Array) => Int16Array = (bytes) => g711.decodeUlaw(bytes)
/** Decodes A-law bytes to 16-bit samples. */
export const decodeAlaw: (bytes: Uint8Array) => Int16Array = (bytes) => g711.decodeAlaw(bytes)
