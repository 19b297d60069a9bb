// A Node server without the DOM library: core and server types must check without it.
import { createServer } from 'node:http'
import { RealtimeAgent } from 'realtime-agent-kit/core'
import { createClientSecretHandler, sessionConfigForAgent, toNodeHandler } from 'realtime-agent-kit/server'

const agent = new RealtimeAgent({ name: 'Assistant', instructions: 'Be brief.', voice: 'cedar' })
const handler = createClientSecretHandler({
  apiKey: process.env.OPENAI_API_KEY ?? 'sk-unset',
  session: () => sessionConfigForAgent(agent),
})
/** The route a browser calls for an ephemeral key. */
export const server = createServer(toNodeHandler(handler))
