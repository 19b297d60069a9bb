import { z } from 'zod'
import { RealtimeAgent, tool } from '../../src'

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

export const bookingAgent = new RealtimeAgent({
  name: 'Booking Agent',
  instructions: 'You book restaurant tables. Confirm the party size and time.',
  handoffDescription: 'Books tables.',
  tools: [bookTable],
})

export const triageAgent = new RealtimeAgent({
  name: 'Triage',
  instructions: 'Answer weather questions; hand bookings to the booking agent.',
  tools: [getWeather],
  handoffs: [bookingAgent],
})
