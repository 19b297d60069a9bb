import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { EventLog } from '../src'
import { STORY_WAIT } from './support/realtime'
import { withRealtime } from './support/realtimeExports'

const meta = {
  title: 'Components/EventLog',
  component: EventLog,
  decorators: [withRealtime],
  args: { style: { maxWidth: 520 } },
} satisfies Meta<typeof EventLog>
export default meta
type Story = StoryObj<typeof meta>

export const AfterAConversation: Story = {
  parameters: { realtime: { script: ['What is the weather in Tokyo?'] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await waitFor(() => expect(canvas.getAllByText('tool_end').length).toBe(1), STORY_WAIT)
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Filter events' }), 'tool_')
    await waitFor(() =>
      expect(within(canvas.getByRole('list', { name: 'Events' })).getAllByRole('listitem')).toHaveLength(2),
    )
  },
}
