import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { RealtimeRunOptions } from 'realtime-agent-kit/core'
import {
  attachTwilioMediaStream,
  createTwilioBridge,
  createTwilioWebhook,
  type TwilioCallInfo,
  toNodeHandler,
} from 'realtime-agent-kit/server'
import { startSimulatorServer } from 'realtime-agent-kit/testing'
import { modelSettings, triageAgent } from '../../demo/agents'
import { storyScenario } from '../../demo/scenario'

/** Options of {@link startTwilioApp}; each defaults from the environment in `server.ts`. */
export interface TwilioAppOptions {
  /** 0 picks a free port. */
  port: number
  host?: string
  /** With it the calls run on OpenAI; without, on the built-in simulator. */
  apiKey?: string
  /** With it, Twilio's signature is checked on the webhook and the stream. */
  authToken?: string
  log?: (line: string) => void
}

/**
 * The phone agent: `POST /incoming-call` answers Twilio with TwiML that streams the call to
 * `/media-stream`, where the demo's agents (weather, bookings) take it.
 */
export async function startTwilioApp(options: TwilioAppOptions) {
  const log = options.log ?? ((line: string) => console.info(line))
  const simulator = options.apiKey
    ? null
    : await startSimulatorServer({ scenario: storyScenario, pace: 'realtime', chunkMs: 100 })
  const run = (): Omit<RealtimeRunOptions<unknown>, 'context' | 'playbackTracker'> =>
    simulator ? { apiKey: 'simulator', url: simulator.url } : { apiKey: options.apiKey! }

  const bridge = createTwilioBridge<unknown>({
    agent: triageAgent,
    config: { modelSettings },
    run,
    context: (call: TwilioCallInfo) => ({ call }),
    log,
    onSession: (session, call) => {
      session.on('history_updated', ({ item }) => {
        if (item?.type === 'message' && item.status === 'completed' && item.text)
          log(`[twilio ${call.streamSid}] ${item.role}: ${item.text}`)
      })
      // Nobody on a phone line clicks "approve": the agent confirms by voice before it books.
      session.on('tool_approval_required', ({ callId }) => session.approveTool(callId))
    },
  })
  // Twilio's signature is the caller's identity here; without a token the app says so out loud.
  const guard = options.authToken ? { authToken: options.authToken } : { allowAnonymous: true }
  if (!options.authToken) log('TWILIO_AUTH_TOKEN is not set: requests are not checked to come from Twilio.')
  const webhook = toNodeHandler(
    createTwilioWebhook({
      ...guard,
      parameters: (form): Record<string, string> => (form.From ? { caller: form.From } : {}),
    }),
  )
  const server = createServer((req, res) => {
    if (req.method === 'POST' && req.url?.split('?')[0] === '/incoming-call') return void webhook(req, res)
    res.statusCode = req.url === '/' ? 200 : 404
    res.end(req.url === '/' ? 'realtime-agent-kit Twilio example: POST /incoming-call\n' : 'Not found\n')
  })
  const stream = await attachTwilioMediaStream(server, { bridge, path: '/media-stream', ...guard })
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '0.0.0.0', resolve))
  const { port } = server.address() as AddressInfo
  return {
    port,
    backend: simulator ? ('simulator' as const) : ('openai' as const),
    bridge,
    async close() {
      bridge.close()
      await stream.close()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await simulator?.close()
    },
  }
}
