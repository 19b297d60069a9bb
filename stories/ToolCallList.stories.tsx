import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { ToolCallList } from '../src'
import type { ToolCallState } from '../src/react'
import { STORY_WAIT } from './support/realtime'
import { frozenClient, RealtimeProvider, withRealtime } from './support/realtimeExports'

const meta = {
  title: 'Components/ToolCallList',
  component: ToolCallList,
  decorators: [withRealtime],
  args: { style: { maxWidth: 420 } },
} satisfies Meta<typeof ToolCallList>
export default meta
type Story = StoryObj<typeof meta>

export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const list = within(canvasElement).getByRole('region', { name: 'Tool calls' })
    await expect(list).toHaveTextContent('No tool calls yet.')
    await expect(within(list).queryAllByRole('listitem')).toHaveLength(0)
  },
}

/** The booking tool needs approval: approve it and the booking runs. */
export const AwaitingApproval: Story = {
  parameters: {
    realtime: { script: ['What is the weather in Tokyo?', 'Please book a table for two tonight.'] },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const approve = await canvas.findByRole('button', { name: 'Approve book_table' }, STORY_WAIT)
    await userEvent.click(approve)
    await waitFor(() => expect(canvas.getByText('Booked a table for 2 at 19:30')).toBeInTheDocument(), {
      ...STORY_WAIT,
    })
  },
}

const call = (status: ToolCallState['status'], i: number): ToolCallState => ({
  callId: `call_${i}`,
  name: status === 'awaiting_approval' ? 'book_table' : 'get_weather',
  agentName: 'Triage',
  arguments: { city: 'Tokyo' },
  serverLabel: null,
  status,
  output:
    status === 'done'
      ? 'Sunny, 24°C in Tokyo'
      : status === 'failed'
        ? '{"error":"Tool \\"get_weather\\" failed: timeout"}'
        : null,
  error: null,
})

export const AllStates: Story = {
  render: (args) => {
    const statuses: ToolCallState['status'][] = ['awaiting_approval', 'running', 'done', 'failed', 'rejected']
    const client = frozenClient({ status: 'thinking', toolCalls: statuses.map(call) })
    return (
      <RealtimeProvider agent={client.getSnapshot().currentAgent} client={client}>
        <ToolCallList {...args} />
      </RealtimeProvider>
    )
  },
  play: async ({ canvasElement }) => {
    const items = within(canvasElement).getAllByRole('listitem')
    await expect(items.map((i) => i.getAttribute('data-state'))).toEqual([
      'awaiting_approval',
      'running',
      'done',
      'failed',
      'rejected',
    ])
  },
}
