import {
  defineOutputGuardrail,
  hostedMcpTool,
  RealtimeAgent,
  type RealtimeModelSettings,
  tool,
} from 'realtime-agent-kit'
import { z } from 'zod'

const getWeather = tool({
  name: 'get_weather',
  description: 'Current weather for a city.',
  parameters: z.object({ city: z.string() }),
  execute: async ({ city }) => `Sunny, 24°C in ${city}`,
})

const bookTable = tool({
  name: 'book_table',
  description: 'Books a restaurant table.',
  parameters: z.object({ people: z.number().int().positive(), time: z.string() }),
  needsApproval: true,
  execute: async ({ people, time }) => `Booked a table for ${people} at ${time}`,
})

/** The restaurant's menu, on its own MCP server: the API calls it for the model once the user approves. */
const restaurantMenu = hostedMcpTool({
  serverLabel: 'restaurant_menu',
  serverUrl: 'https://menu.example.com/mcp',
  serverDescription: "The restaurant's menu: dishes, ingredients and allergens.",
  allowedTools: ['lookup_dish'],
  requireApproval: 'always',
})

/** Prices are quoted by the restaurant, never by the agent: an answer that names one is stopped. */
export const noPrices = defineOutputGuardrail({
  name: 'no_prices',
  execute: ({ agentOutput }) => ({ tripwireTriggered: /[$€£]\s?\d/.test(agentOutput) }),
})

export const bookingAgent = new RealtimeAgent({
  name: 'Booking Agent',
  instructions: 'You book restaurant tables. Confirm the party size and time.',
  handoffDescription: 'Books tables.',
  tools: [bookTable, restaurantMenu],
  outputGuardrails: [noPrices],
})

export const triageAgent = new RealtimeAgent({
  name: 'Triage',
  instructions: 'Answer weather questions; hand bookings to the booking agent.',
  tools: [getWeather],
  handoffs: [bookingAgent],
})

/** The demo's model settings: server VAD, transcription of what the user says. */
export const modelSettings: RealtimeModelSettings = {
  voice: 'marin',
  inputAudioTranscription: { model: 'gpt-4o-mini-transcribe' },
  turnDetection: { type: 'server_vad', silenceDurationMs: 500 },
}
