import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { bookingAgent } from '../demo/agents'
import { menuTurn, storyScenario } from '../demo/scenario'
import { ToolCallList, TranscriptView } from '../src'
import { createSimulatorHandlers } from '../src/testing'
import { STORY_WAIT } from './support/realtime'
import { withRealtime } from './support/realtimeExports'

const QUESTION = 'Is the tasting menu vegetarian?'
const ANSWER = 'Yes: the tasting menu comes in a vegetarian version.'

/**
 * A hosted MCP tool: the booking agent's `restaurant_menu` server, simulated. The server holds the
 * call until the user approves it in the same ToolCallList as function tools; then it runs, and
 * the answer uses its output.
 */
const meta = {
  title: 'Tools/Hosted MCP tool',
  component: ToolCallList,
  decorators: [withRealtime],
  parameters: {
    msw: createSimulatorHandlers({
      scenario: { mcpServers: storyScenario.mcpServers, turns: [menuTurn] },
      pace: 15,
    }),
    realtime: { agent: bookingAgent, script: [QUESTION] },
  },
  render: (args) => (
    <div
      style={{
        display: 'grid',
        gap: 16,
        gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))',
        maxWidth: 820,
      }}
    >
      <TranscriptView />
      <ToolCallList {...args} />
    </div>
  ),
} satisfies Meta<typeof ToolCallList>
export default meta
type Story = StoryObj<typeof meta>

/** The MCP call waits for approval; approving it runs it on the server. */
export const ApproveMcpCall: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const approve = await canvas.findByRole('button', { name: 'Approve lookup_dish' }, STORY_WAIT)
    const calls = within(canvas.getByRole('region', { name: 'Tool calls' }))
    expect(calls.getByText('restaurant_menu · lookup_dish')).toBeInTheDocument()
    await userEvent.click(approve)
    await waitFor(() => expect(calls.getByText(/a vegetarian version is available/)).toBeInTheDocument(), {
      ...STORY_WAIT,
    })
    // The transcript shows the call and the answer that used it.
    await waitFor(() => expect(canvas.getByText(ANSWER)).toBeInTheDocument(), { ...STORY_WAIT })
    const transcript = within(canvas.getByRole('log', { name: 'Transcript' }))
    expect(transcript.getByText('lookup_dish')).toBeInTheDocument()
  },
}

/** Declining tells the server not to run it; the agent answers without the menu. */
export const DeclineMcpCall: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Decline lookup_dish' }, STORY_WAIT))
    await waitFor(
      () =>
        expect(
          canvas.getByText('I could not check the menu, but the restaurant can tell you.'),
        ).toBeInTheDocument(),
      { ...STORY_WAIT },
    )
    expect(
      within(canvas.getByRole('region', { name: 'Tool calls' })).getByText('Declined'),
    ).toBeInTheDocument()
  },
}
