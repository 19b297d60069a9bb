/**
 * The simulator process of the phone-call benchmark: the Realtime API on a local WebSocket, audio
 * at real-time pace. Reports its URL, then counts on request what it received and sent.
 */
import { startSimulatorServer } from 'realtime-agent-kit/testing'

let appends = 0
let deltas = 0
const server = await startSimulatorServer({
  pace: 'realtime',
  chunkMs: 100,
  // Answers long enough that calls always have audio streaming.
  scenario: {
    fallback: () => ({
      say: 'Thanks for calling. Your order ships tomorrow, and the tracking number is on its way.',
    }),
  },
  onClientEvent: (event) => {
    // Counted in 20 ms frames (160 bytes of u-law), however many the bridge joined into one append.
    const append = event as { type?: string; audio?: string }
    if (append.type === 'input_audio_buffer.append' && append.audio)
      appends += Buffer.from(append.audio, 'base64').length / 160
  },
  onServerEvent: (event) => {
    if (event.type === 'response.output_audio.delta') deltas++
  },
})
process.send?.({ type: 'ready', url: server.url })
process.on('message', (message: { type: string }) => {
  if (message.type === 'counts') process.send?.({ type: 'counts', appends, deltas })
  if (message.type === 'exit') void server.close().then(() => process.exit(0))
})
