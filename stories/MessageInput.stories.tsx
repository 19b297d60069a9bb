import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { MessageInput, TranscriptView } from '../src'
import { STORY_WAIT } from './support/realtime'
import { withRealtime } from './support/realtimeExports'

const meta = {
  title: 'Components/MessageInput',
  component: MessageInput,
  decorators: [withRealtime],
  args: { style: { maxWidth: 420 } },
} satisfies Meta<typeof MessageInput>
export default meta
type Story = StoryObj<typeof meta>

/** Disabled until connected. */
export const Disconnected: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const box = canvas.getByRole('textbox', { name: 'Message' })
    await expect(box).toHaveAttribute('aria-disabled', 'true')
    await expect(box).toHaveAttribute('placeholder', 'Connect to send messages')
    await userEvent.type(box, 'hello{Enter}')
    await expect(box).toHaveValue('')
    await expect(box).toHaveFocus()
    await expect(canvas.getByRole('button', { name: 'Send' })).toHaveAttribute('aria-disabled', 'true')
  },
}

export const SendsAMessage: Story = {
  parameters: { realtime: { script: [] } },
  render: (args) => (
    <div style={{ display: 'grid', gap: 12, maxWidth: 420 }}>
      <TranscriptView />
      <MessageInput {...args} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const box = canvas.getByRole('textbox', { name: 'Message' })
    // Read-only, not disabled, until connected: wait until it takes text.
    await waitFor(() => expect(box).not.toHaveAttribute('aria-disabled'), STORY_WAIT)
    await userEvent.type(box, 'What is the weather in Tokyo?{Enter}')
    await waitFor(
      () => expect(canvas.getByRole('log')).toHaveTextContent('It is sunny and 24 degrees in Tokyo'),
      STORY_WAIT,
    )
  },
}
