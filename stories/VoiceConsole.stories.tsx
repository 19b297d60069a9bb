import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor, within } from 'storybook/test'
import { VoiceConsole } from '../src'
import { STORY_WAIT } from './support/realtime'
import { withRealtime } from './support/realtimeExports'

const meta = {
  title: 'Components/VoiceConsole',
  component: VoiceConsole,
  decorators: [withRealtime],
  args: { style: { maxWidth: 900 } },
} satisfies Meta<typeof VoiceConsole>
export default meta
type Story = StoryObj<typeof meta>

/** Press "Start conversation" and talk (the microphone is real; the agent is the simulator). */
export const Default: Story = { parameters: { realtime: { audio: true } } }

export const Conversation: Story = {
  parameters: {
    realtime: {
      script: ['What is the weather in Tokyo?', 'Please book a table for two tonight.'],
      autoApprove: true,
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await waitFor(
      () => expect(canvas.getByRole('log', { name: 'Transcript' })).toHaveTextContent('booked for 7:30'),
      STORY_WAIT,
    )
    await waitFor(() => expect(canvas.getAllByRole('status')[0]).toHaveTextContent('Listening'))
  },
}
