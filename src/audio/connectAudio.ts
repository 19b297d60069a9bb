import type { RealtimeSession } from '../core'
import type { AudioGraph } from './audioGraph'

/**
 * Binds a session and an audio graph, without React: microphone frames go to `sendAudio`, `audio`
 * events to playback, an interruption to fade-and-flush, and the graph's played position to
 * truncation. Sets the graph's formats from the session, so call it before `graph.start()`.
 * Returns the function that unbinds them.
 * @example
 * const graph = new AudioGraph()
 * const disconnect = connectAudio(session, graph)
 * button.onclick = () => graph.start()
 */
export function connectAudio(
  session: RealtimeSession<never> | RealtimeSession<unknown>,
  graph: AudioGraph,
): () => void {
  const s = session as RealtimeSession<unknown>
  // Over WebRTC the microphone and the agent's voice are media tracks the transport wires itself.
  if (s.audioOverMedia) return () => {}
  graph.setFormats({ input: s.inputAudioFormat, output: s.outputAudioFormat })
  const offs = [
    s.setPlaybackTracker(graph.playbackTracker),
    graph.on('frame', (data) => {
      if (s.status !== 'closed' && s.status !== 'error') s.sendAudio(data)
    }),
    s.on('audio', (event) => graph.play(event.itemId, event.contentIndex, event.data)),
    s.on('audio_end', (event) => graph.endItem(event.itemId)),
    s.on('audio_interrupted', () => graph.interrupt()),
    // The server may confirm another output format than was asked; follow what it says.
    s.on('raw_model_event', (event) => {
      if (event.data.type === 'session.updated') graph.setFormats({ output: s.outputAudioFormat })
    }),
  ]
  return () => {
    for (const off of offs) off()
  }
}
