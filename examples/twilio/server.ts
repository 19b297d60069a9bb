/**
 * A phone number for the demo's agents, through Twilio Media Streams:
 *   npm run example:twilio            (PORT=5050; the simulator unless OPENAI_API_KEY is set)
 * Point a Twilio number's voice webhook at https://<your tunnel>/incoming-call (see the README).
 */
import { startTwilioApp } from './app'

const app = await startTwilioApp({
  port: Number(process.env.PORT ?? 5050),
  apiKey: process.env.OPENAI_API_KEY,
  authToken: process.env.TWILIO_AUTH_TOKEN,
})
console.info(
  `Twilio example on http://localhost:${app.port} (${app.backend}): POST /incoming-call, WebSocket /media-stream`,
)
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    void app.close().then(() => process.exit(0))
  })
