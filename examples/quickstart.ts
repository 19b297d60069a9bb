/**
 * The Realtime Agents quickstart in TypeScript. Runs against the built-in simulator by default
 * (no key, no network) and against OpenAI when OPENAI_API_KEY is set:
 *   npm run example:quickstart
 */

import { RealtimeAgent, RealtimeRunner, tool } from 'realtime-agent-kit/core'
import {
  callTool,
  type Scenario,
  type SimulatorServer,
  say,
  startSimulatorServer,
} from 'realtime-agent-kit/testing'
import { z } from 'zod'

const getWeather = tool({
  name: 'get_weather',
  description: 'Get the current weather for a city.',
  parameters: z.object({ city: z.string().describe('The city name') }),
  execute: async ({ city }) => `The weather in ${city} is sunny, 24°C.`,
})

const bookingAgent = new RealtimeAgent({
  name: 'Booking Agent',
  instructions: 'You book restaurant tables. Ask for the party size and time.',
  handoffDescription: 'Books tables at restaurants.',
})

const agent = new RealtimeAgent({
  name: 'Assistant',
  instructions: 'You are a helpful voice assistant. Keep your responses conversational and friendly.',
  tools: [getWeather],
  handoffs: [bookingAgent],
})

const runner = new RealtimeRunner(agent, {
  modelSettings: {
    modelName: 'gpt-realtime',
    voice: 'ash',
    modalities: ['audio'],
    inputAudioFormat: 'pcm16',
    outputAudioFormat: 'pcm16',
    inputAudioTranscription: { model: 'gpt-4o-mini-transcribe' },
    turnDetection: { type: 'semantic_vad', interruptResponse: true },
  },
})

/** What the simulated model does: a tool call it gets wrong once, a handoff, and a long answer to cut. */
const scenario: Scenario = {
  turns: [
    {
      replies: [
        callTool('get_weather', { location: 'Tokyo' }),
        callTool('get_weather', { city: 'Tokyo' }),
        say('It is sunny and 24 degrees in Tokyo today.'),
      ],
    },
    {
      replies: [
        callTool('transfer_to_booking_agent'),
        say(
          'Hi, I am the booking agent. For how many people, and at what time, would you like the table tonight?',
        ),
      ],
    },
  ],
}

const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}...` : text)

/** Runs the conversation and returns the event types seen. */
export async function main(log: (line: string) => void = console.log): Promise<Set<string>> {
  const apiKey = process.env.OPENAI_API_KEY
  let simulator: SimulatorServer | undefined
  if (!apiKey) simulator = await startSimulatorServer({ scenario, pace: 10 })
  const seen = new Set<string>()
  try {
    await using session = await runner.run(
      simulator ? { apiKey: 'sk-simulated', url: simulator.url } : { apiKey },
    )
    log(`Session started on ${simulator ? 'the built-in simulator' : 'OpenAI'}.`)
    session.sendMessage("What's the weather in Tokyo?")
    let turn = 0
    let cutNext = false
    for await (const event of session) {
      seen.add(event.type)
      switch (event.type) {
        case 'agent_start':
          log(`Agent started: ${event.agent.name}`)
          break
        case 'agent_end':
          log(`Agent ended: ${event.agent.name}`)
          break
        case 'handoff':
          log(`Handoff from ${event.fromAgent.name} to ${event.toAgent.name}`)
          cutNext = true
          break
        case 'tool_start':
          log(`Tool started: ${event.tool.name}`)
          break
        case 'tool_end':
          log(`Tool ended: ${event.tool.name}; output: ${event.output}`)
          break
        case 'audio_end':
          log('Audio ended')
          break
        case 'audio':
          // The user talks over the new agent: stop it mid-sentence.
          if (cutNext) {
            cutNext = false
            session.interrupt()
          }
          break
        case 'audio_interrupted':
          log('Audio interrupted')
          break
        case 'error':
          log(`Error: ${event.error.message}`)
          break
        case 'history_updated':
        case 'history_added':
          break
        case 'raw_model_event':
          log(`Raw model event: ${truncate(JSON.stringify(event.data), 100)}`)
          if (event.data.type === 'response.done' && session.status !== 'thinking') {
            turn++
            if (turn === 1) session.sendMessage('Please book me a table for tonight.')
            if (turn === 2) session.close()
          }
          break
        default:
          log(`Other event: ${event.type}`)
      }
    }
  } finally {
    await simulator?.close()
  }
  return seen
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
