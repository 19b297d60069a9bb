import { ws } from 'msw'
import { playRecording, type Recording } from '../core'
import { REALTIME_WS_URL } from './msw'

/**
 * msw handlers that answer the Realtime API's WebSocket with a recorded conversation (its server
 * side, with the recorded timing divided by `speed`), for apps that cannot pass a transport.
 */
export function createReplayHandlers(recording: Recording, options: { url?: string; speed?: number } = {}) {
  return [
    ws.link(options.url ?? REALTIME_WS_URL).addEventListener('connection', ({ client }) => {
      const stop = playRecording(
        recording,
        (frame) => client.send(frame),
        options.speed !== undefined ? { speed: options.speed } : {},
      )
      client.addEventListener('close', stop)
    }),
  ]
}
