// A Node server's use of the kit: an agent with a JSON-schema tool, a session on the simulator.
import {
  RealtimeAgent,
  RealtimeError,
  RealtimeRunner,
  type RealtimeSessionEvent,
  tool,
} from 'realtime-agent-kit/core'
import { callTool, say, startSimulatorServer } from 'realtime-agent-kit/testing'

const getWeather = tool({
  name: 'get_weather',
  description: 'Get the current weather for a city.',
  parameters: {
    type: 'object',
    properties: { city: { type: 'string' } },
    required: ['city'],
    additionalProperties: false,
  },
  execute: async (args) => `Sunny in ${String(args.city)}.`,
})

const agent = new RealtimeAgent({
  name: 'Assistant',
  instructions: 'Be brief.',
  tools: [getWeather],
  voice: 'marin',
})

// The published types refuse a voice the Realtime API does not have, and so does the runtime.
try {
  // @ts-expect-error 'fable' is not a Realtime voice
  new RealtimeAgent({ name: 'Old', voice: 'fable' })
  throw new Error('voice "fable" was accepted')
} catch (error) {
  if (!(error instanceof RealtimeError) || error.code !== 'invalid_config') throw error
}

const server = await startSimulatorServer({
  scenario: { turns: [{ replies: [callTool('get_weather', { city: 'Tokyo' }), say('Sunny in Tokyo.')] }] },
})
const seen: RealtimeSessionEvent['type'][] = []
let toolOutput = ''
let responses = 0
try {
  await using session = await new RealtimeRunner(agent).run({ apiKey: 'sk-simulated', url: server.url })
  session.sendMessage('Weather in Tokyo?')
  for await (const event of session) {
    seen.push(event.type)
    if (event.type === 'tool_end') toolOutput = event.output
    if (event.type === 'error') throw event.error
    // The second response is the spoken answer after the tool's output.
    if (event.type === 'raw_model_event' && event.data.type === 'response.done' && ++responses === 2) break
  }
} finally {
  await server.close()
}
if (toolOutput !== 'Sunny in Tokyo.') throw new Error(`tool output was ${JSON.stringify(toolOutput)}`)
for (const type of ['agent_start', 'tool_start', 'tool_end', 'history_added'] as const) {
  if (!seen.includes(type)) throw new Error(`no ${type} event; saw ${[...new Set(seen)].join(', ')}`)
}
console.log(`node consumer: session ran on the simulator (${seen.length} events, tool said "${toolOutput}")`)
