import {
  callMcp,
  callTool,
  defaultReply,
  type ReplyContext,
  type Scenario,
  type ScenarioTurn,
  say,
} from 'realtime-agent-kit/testing'

/** Looks the dish up on the restaurant's MCP server (the user approves the call), then answers with it. */
function menuReply(ctx: ReplyContext) {
  if (ctx.replyIndex === 0) return callMcp('restaurant_menu', 'lookup_dish', { dish: 'Tasting menu' })
  return say(
    ctx.toolOutput
      ? 'Yes: the tasting menu comes in a vegetarian version.'
      : 'I could not check the menu, but the restaurant can tell you.',
  )
}

/** A question about the menu: the booking agent asks the restaurant's MCP server. */
export const menuTurn: ScenarioTurn = {
  user: 'Is the tasting menu vegetarian?',
  replies: [menuReply, menuReply],
}

/**
 * What the simulated model does in the demo and the stories: a tool, a handoff, an approval, a
 * guardrail; past the script, a question about the menu goes to a hosted MCP server (with approval).
 */
export const storyScenario: Scenario = {
  mcpServers: {
    restaurant_menu: {
      tools: [
        {
          name: 'lookup_dish',
          description: 'Ingredients and allergens of a dish.',
          inputSchema: { type: 'object', properties: { dish: { type: 'string' } }, required: ['dish'] },
          annotations: { readOnlyHint: true },
        },
      ],
      call: (_name, args) =>
        `${(args as { dish: string }).dish}: seasonal vegetables, miso, rice; a vegetarian version is available.`,
    },
  },
  turns: [
    {
      user: 'What is the weather in Tokyo?',
      replies: [
        callTool('get_weather', { city: 'Tokyo' }),
        say('It is sunny and 24 degrees in Tokyo, with a light breeze.'),
      ],
    },
    {
      user: 'Please book a table for two tonight.',
      replies: [
        callTool('transfer_to_booking_agent'),
        callTool('book_table', { people: 2, time: '19:30' }),
        say('Your table for two is booked for 7:30 tonight.'),
      ],
    },
    {
      user: 'How much will it cost?',
      replies: [
        say('The tasting menu is $95 per person, and wine pairing is extra.'),
        say('The restaurant will tell you the prices when you arrive.'),
      ],
    },
  ],
  fallback: (ctx) =>
    /menu|vegetarian|allergen/i.test(ctx.userText ?? '') ? menuReply(ctx) : defaultReply(ctx),
}
