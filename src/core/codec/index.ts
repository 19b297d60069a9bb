export type { AudioFormat } from './audioFormat'
export {
  AUDIO_FORMATS,
  bytesPerSampleOf,
  bytesToMs,
  fromWireFormat,
  sampleRateOf,
  toWireFormat,
} from './audioFormat'
export { decodeBase64, encodeBase64 } from './base64'
export {
  alawToLinear,
  decodeAlaw,
  decodeUlaw,
  encodeAlaw,
  encodeUlaw,
  g711Kernel,
  linearToAlaw,
  linearToUlaw,
  ulawToLinear,
} from './g711'
export { decodeSamples, encodeSamples, floatToPcm16, pcm16ToFloat } from './pcm16'
export type { ResamplerConstructor } from './resample'
export { Resampler, resample, resamplerKernel } from './resample'
