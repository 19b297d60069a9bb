import { RealtimeError } from '../../core'
import { workletModuleSource } from './source'

/**
 * Loads the kit's worklet module into a context (the graph's, just created): from a Blob URL by
 * default, or from `moduleUrl` where a Content-Security-Policy forbids blob: scripts (serve the file
 * that `workletModuleSource()` returns).
 */
export async function loadWorklets(context: BaseAudioContext, moduleUrl?: string): Promise<void> {
  if (!context.audioWorklet) {
    throw new RealtimeError(
      'worklet_failed',
      'This browser has no AudioWorklet (it needs a secure context: https or localhost).',
    )
  }
  const url = moduleUrl ?? URL.createObjectURL(new Blob([workletModuleSource()], { type: 'text/javascript' }))
  try {
    await context.audioWorklet.addModule(url)
  } catch (cause) {
    throw new RealtimeError(
      'worklet_failed',
      moduleUrl
        ? `Could not load the audio worklet from ${moduleUrl}: check that the file is served and allowed by the Content-Security-Policy.`
        : 'Could not load the audio worklet from a blob: URL. If a Content-Security-Policy blocks blob: scripts, host the worklet file and pass `workletModuleUrl`.',
      { cause },
    )
  } finally {
    if (!moduleUrl) URL.revokeObjectURL(url)
  }
}
