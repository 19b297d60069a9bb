import { RealtimeError } from '../core'
import type { AudioGraphStore } from './graphStore'
import { loadWorklets } from './worklets/load'

let outputWarmed = false

/**
 * Asks the browser for the default speaker's details ahead of the first AudioContext, without
 * waiting. Chromium's AudioContext constructor fetches them synchronously, which stalls the click
 * that starts audio for 100 ms or more the first time; once fetched (here, off the main thread)
 * the constructor takes a few milliseconds. Once per page; a no-op where media elements cannot
 * choose a speaker (`setSinkId`) or outside a browser.
 */
export function warmAudioOutput(): void {
  // `Audio.prototype` is the audio element's prototype: it has setSinkId where media elements do.
  const Element = (globalThis as { Audio?: typeof Audio }).Audio
  if (outputWarmed || typeof Element?.prototype.setSinkId !== 'function') return
  outputWarmed = true
  void new Element().setSinkId('').catch(() => {})
}

/**
 * Creates an AudioContext, asks it to resume and loads the kit's worklets into it. `onCreated`
 * receives the context as soon as it exists, so a failure later on can still close it. Failures are
 * typed errors. The context may come back suspended: see {@link watchAudioContext}.
 */
export async function openAudioContext(
  Ctor: typeof AudioContext | undefined,
  workletModuleUrl: string | undefined,
  onCreated: (context: AudioContext) => void,
): Promise<AudioContext> {
  try {
    if (!Ctor) throw new Error('no AudioContext in this environment')
    const context = new Ctor({ latencyHint: 'interactive' })
    onCreated(context)
    // Safari (WebKit) keeps a context that was not created in a gesture suspended, and its resume()
    // stays pending until the next gesture: waiting for it would hang start. The graph reports
    // 'suspended' instead, and resumes on the next tap or key (watchAudioContext).
    void context.resume().catch(() => {})
    await loadWorklets(context, workletModuleUrl)
    return context
  } catch (cause) {
    if (cause instanceof RealtimeError) throw cause
    throw new RealtimeError(
      'audio_context_failed',
      'The browser refused to start audio: call start() from a click or key press, and check that audio is allowed for this page.',
      { cause },
    )
  }
}

/**
 * Mirrors the context's running or suspended state into the store, and resumes a suspended context
 * on the next gesture anywhere on the page. Returns the function that stops watching.
 */
export function watchAudioContext(context: AudioContext, store: AudioGraphStore): () => void {
  const onState = () => {
    // Not running is suspended, Safari's 'interrupted' (during calls, or when another app takes the
    // audio session) included; closing is the graph's to report.
    if (context.state !== 'closed')
      store.update({ state: context.state === 'running' ? 'running' : 'suspended' })
  }
  context.addEventListener('statechange', onState)
  const onGesture = () => {
    if (store.getSnapshot().state === 'suspended') void context.resume().catch(() => {})
  }
  const doc = (globalThis as { document?: Document }).document
  doc?.addEventListener('pointerdown', onGesture)
  doc?.addEventListener('keydown', onGesture)
  return () => {
    context.removeEventListener('statechange', onState)
    doc?.removeEventListener('pointerdown', onGesture)
    doc?.removeEventListener('keydown', onGesture)
  }
}
