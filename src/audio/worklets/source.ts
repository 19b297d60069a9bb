import { floatToPcm16, g711Kernel, pcm16ToFloat, resamplerKernel } from '../../core'
import { CAPTURE_PROCESSOR, defineCaptureProcessor } from './capture'
import { definePlaybackProcessor, PLAYBACK_PROCESSOR } from './playback'

/**
 * The worklet module's source: the codec and resampler kernels and both processors, embedded from
 * the very functions the rest of the kit runs (each references only its arguments; a function in a
 * template is its source text). Ship it as a file (`writeWorkletModule`) for sites whose
 * Content-Security-Policy forbids blob: scripts.
 */
export function workletModuleSource(): string {
  return `const g711 = (${g711Kernel})();
const { Resampler } = (${resamplerKernel})();
(${defineCaptureProcessor})(globalThis, g711, Resampler, ${floatToPcm16}, '${CAPTURE_PROCESSOR}');
(${definePlaybackProcessor})(globalThis, g711, Resampler, ${pcm16ToFloat}, '${PLAYBACK_PROCESSOR}');`
}
