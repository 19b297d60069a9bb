/** Codec and base64 throughput next to peers: base64 against @openai/agents-realtime's helpers, G.711 against alawmulaw. */
import { utils } from '@openai/agents-realtime'
import alawmulaw from 'alawmulaw'
import {
  decodeAlaw,
  decodeBase64,
  decodeUlaw,
  encodeAlaw,
  encodeBase64,
  encodeUlaw,
  floatToPcm16,
} from '../src/core/codec'
import { throughput } from './measure'

// One second of speech-like audio at 24 kHz: what a second of conversation moves.
const samples = Float32Array.from(
  { length: 24000 },
  (_, i) => Math.sin(i / 9) * 0.4 + Math.sin(i / 3.7) * 0.1,
)
const pcm = floatToPcm16(samples)
const bytes = new Uint8Array(pcm.buffer)
const base64 = encodeBase64(bytes)
const ulaw = encodeUlaw(pcm)
const alaw = encodeAlaw(pcm)

// Same outputs first: a faster wrong answer is no result. Base64 must match exactly; the G.711
// encoders differ on a few interval edges (the kit follows ITU G.191, alawmulaw a BIAS/CLIP variant).
if (utils.arrayBufferToBase64(bytes.buffer as ArrayBuffer) !== base64)
  throw new Error('base64 encoders disagree')
if (new Uint8Array(utils.base64ToArrayBuffer(base64)).some((b, i) => b !== bytes[i]))
  throw new Error('base64 decoders disagree')
const every = Int16Array.from({ length: 65536 }, (_, i) => i - 32768)
const agreement = (a: Uint8Array, b: Uint8Array) =>
  a.reduce((n, v, i) => n + (v === b[i] ? 1 : 0), 0) / a.length
const ulawAgreement = agreement(encodeUlaw(every), alawmulaw.mulaw.encode(every))
const alawAgreement = agreement(encodeAlaw(every), alawmulaw.alaw.encode(every))
if (ulawAgreement < 0.995 || alawAgreement < 0.995)
  throw new Error('G.711 encoders disagree beyond interval edges')
const decodersAgree = [...Array(256).keys()].every(
  (b) =>
    decodeUlaw(Uint8Array.of(b))[0] === alawmulaw.mulaw.decodeSample(b) &&
    decodeAlaw(Uint8Array.of(b))[0] === alawmulaw.alaw.decodeSample(b),
)
if (!decodersAgree) throw new Error('G.711 decoders disagree')

const cases: [string, string, () => unknown, () => unknown][] = [
  [
    'base64 encode, 1 s pcm16 (48 KB)',
    '@openai/agents-realtime',
    () => encodeBase64(bytes),
    () => utils.arrayBufferToBase64(bytes.buffer as ArrayBuffer),
  ],
  [
    'base64 decode, 1 s pcm16 (48 KB)',
    '@openai/agents-realtime',
    () => decodeBase64(base64),
    () => utils.base64ToArrayBuffer(base64),
  ],
  ['u-law encode, 24k samples', 'alawmulaw', () => encodeUlaw(pcm), () => alawmulaw.mulaw.encode(pcm)],
  ['u-law decode, 24k samples', 'alawmulaw', () => decodeUlaw(ulaw), () => alawmulaw.mulaw.decode(ulaw)],
  ['A-law encode, 24k samples', 'alawmulaw', () => encodeAlaw(pcm), () => alawmulaw.alaw.encode(pcm)],
  ['A-law decode, 24k samples', 'alawmulaw', () => decodeAlaw(alaw), () => alawmulaw.alaw.decode(alaw)],
]

export function codecReport(): string {
  const rows = cases.map(([name, peer, ours, theirs]) => {
    const a = throughput(ours)
    const b = throughput(theirs)
    return `| ${name} | ${Math.round(a).toLocaleString('en')} | ${peer}: ${Math.round(b).toLocaleString('en')} | ${(a / b).toFixed(2)}x |`
  })
  return [
    '## Codecs and base64',
    '',
    'Node, in one process. Calls per second, median of 7 rounds; ratio = kit / peer (above 1 is faster).',
    `Outputs checked first: base64 identical; G.711 decoders identical; encoders agree on ${(ulawAgreement * 100).toFixed(2)}% (u-law) and ${(alawAgreement * 100).toFixed(2)}% (A-law) of all 65,536 inputs (the kit follows ITU G.191 at interval edges).`,
    '',
    '| operation | realtime-agent-kit | peer | ratio |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n')
}
