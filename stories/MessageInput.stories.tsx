import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { MessageInput, TranscriptView } from '../src'
import { STORY_WAIT } from './support/realtime'
import { withRealtime } from './support/realtimeExports'

const meta = {
  title: 'Components/MessageInput',
  component: MessageInput,
  decorators: [withRealtime],
  args: { style: { width: 420 } },
} satisfies Meta<typeof MessageInput>
export default meta
type Story = StoryObj<typeof meta>

/** Disabled until connected. */
export const Disconnected: Story = {}

export const SendsAMessage: Story = {
  parameters: { realtime: { script: [] } },
  render: (args) => (
    <div style={{ display: 'grid', gap: 12, width: 420 }}>
      <TranscriptView />
      <MessageInput {...args} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const box = canvas.getByRole('textbox', { name: 'Message' })
    await waitFor(() => expect(box).toBeEnabled())
    await userEvent.type(box, 'What is the weather in Tokyo?{Enter}')
    await waitFor(
      () => expect(canvas.getByRole('log')).toHaveTextContent('It is sunny and 24 degrees in Tokyo'),
      STORY_WAIT,
    )
  },
}
