import { callTool, type Scenario, say } from '../../src/testing'

/** What the simulated model does in stories and the demo. */
export const storyScenario: Scenario = {
  turns: [
    {
      user: 'What is the weather in Tokyo?',
      replies: [callTool('get_weather', { city: 'Tokyo' }), say('It is sunny and 24 degrees in Tokyo, with a light breeze.')],
    },
    {
      user: 'Please book a table for two tonight.',
      replies: [callTool('transfer_to_booking_agent'), callTool('book_table', { people: 2, time: '19:30' }), say('Your table for two is booked for 7:30 tonight.')],
    },
  ],
}
