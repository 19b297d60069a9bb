import { floatToPcm16, g711Kernel, pcm16ToFloat, resamplerKernel } from '../../core'
import { CAPTURE_PROCESSOR, defineCaptureProcessor } from './capture'
import { definePlaybackProcessor, PLAYBACK_PROCESSOR } from './playback'

/**
 * The worklet module's source: the codec and resampler kernels and both processors, embedded from
 * the very functions the rest of the kit runs (each references only its arguments). Ship it as a
 * file (`writeWorkletModule`) for sites whose Content-Security-Policy forbids blob: scripts.
 */
export function workletModuleSource(): string {
  return [
    `const g711 = (${g711Kernel.toString()})();`,
    `const { Resampler } = (${resamplerKernel.toString()})();`,
    `const floatToPcm16 = ${floatToPcm16.toString()};`,
    `const pcm16ToFloat = ${pcm16ToFloat.toString()};`,
    `(${defineCaptureProcessor.toString()})(globalThis, g711, Resampler, floatToPcm16, ${JSON.stringify(CAPTURE_PROCESSOR)});`,
    `(${definePlaybackProcessor.toString()})(globalThis, g711, Resampler, pcm16ToFloat, ${JSON.stringify(PLAYBACK_PROCESSOR)});`,
  ].join('\n')
}
