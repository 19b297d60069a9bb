// G.711 (ITU-T) u-law and A-law, bit-exact with the ITU reference (Sun's g711.c): encoders
// compute the segment directly, decoders read 256-entry tables built once.

const SEG_U_END = [0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff, 0x1fff]
const SEG_A_END = [0x1f, 0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff]

function segment(value: number, ends: readonly number[]): number {
  for (let i = 0; i < ends.length; i++) if (value <= ends[i]!) return i
  return ends.length
}

/** Encodes one 16-bit linear sample as a u-law byte. */
export function linearToUlaw(sample: number): number {
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

/** Encodes one 16-bit linear sample as an A-law byte. */
export function linearToAlaw(sample: number): number {
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

function ulawByteToLinear(byte: number): number {
  const u = ~byte & 0xff
  const t = (((u & 0x0f) << 3) + 0x84) << ((u & 0x70) >> 4)
  return u & 0x80 ? 0x84 - t : t - 0x84
}

function alawByteToLinear(byte: number): number {
  const a = byte ^ 0x55
  let t = (a & 0x0f) << 4
  const seg = (a & 0x70) >> 4
  if (seg === 0) t += 8
  else if (seg === 1) t += 0x108
  else t = (t + 0x108) << (seg - 1)
  return a & 0x80 ? t : -t
}

const ULAW_TABLE = Int16Array.from({ length: 256 }, (_, i) => ulawByteToLinear(i))
const ALAW_TABLE = Int16Array.from({ length: 256 }, (_, i) => alawByteToLinear(i))

/** Decodes one u-law byte to a 16-bit linear sample. */
export function ulawToLinear(byte: number): number {
  return ULAW_TABLE[byte & 0xff]!
}

/** Decodes one A-law byte to a 16-bit linear sample. */
export function alawToLinear(byte: number): number {
  return ALAW_TABLE[byte & 0xff]!
}

/** Encodes 16-bit samples as u-law bytes. */
export function encodeUlaw(samples: Int16Array): Uint8Array {
  const out = new Uint8Array(samples.length)
  for (let i = 0; i < samples.length; i++) out[i] = linearToUlaw(samples[i]!)
  return out
}

/** Encodes 16-bit samples as A-law bytes. */
export function encodeAlaw(samples: Int16Array): Uint8Array {
  const out = new Uint8Array(samples.length)
  for (let i = 0; i < samples.length; i++) out[i] = linearToAlaw(samples[i]!)
  return out
}

/** Decodes u-law bytes to 16-bit samples. */
export function decodeUlaw(bytes: Uint8Array): Int16Array {
  const out = new Int16Array(bytes.length)
  for (let i = 0; i < bytes.length; i++) out[i] = ULAW_TABLE[bytes[i]!]!
  return out
}

/** Decodes A-law bytes to 16-bit samples. */
export function decodeAlaw(bytes: Uint8Array): Int16Array {
  const out = new Int16Array(bytes.length)
  for (let i = 0; i < bytes.length; i++) out[i] = ALAW_TABLE[bytes[i]!]!
  return out
}
