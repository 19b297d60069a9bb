import type { AudioGraph } from '../audio'
import { type RealtimeTransport, WebRTCTransport } from '../core'

/** `'webrtc'`, `'websocket'` (default), or a transport per connection. */
export type TransportChoice = 'webrtc' | 'websocket' | (() => RealtimeTransport)

/** The transport for one connection; over WebRTC the graph's microphone and output carry the audio. */
export function createTransport(
  choice: TransportChoice | undefined,
  graph: AudioGraph | null,
): RealtimeTransport | undefined {
  if (typeof choice === 'function') return choice()
  if (choice !== 'webrtc') return undefined
  return new WebRTCTransport({
    mediaStream: async () => {
      if (!graph) return null
      await graph.start().catch(() => {})
      return graph.inputStream
    },
    ...(graph ? { onRemoteStream: (stream: MediaStream) => graph.playRemoteStream(stream) } : {}),
  })
}
