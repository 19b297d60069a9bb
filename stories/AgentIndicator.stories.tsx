import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor, within } from 'storybook/test'
import { AgentIndicator } from '../src'
import { STORY_WAIT } from './support/realtime'
import { withRealtime } from './support/realtimeExports'

const meta = {
  title: 'Components/AgentIndicator',
  component: AgentIndicator,
  decorators: [withRealtime],
} satisfies Meta<typeof AgentIndicator>
export default meta
type Story = StoryObj<typeof meta>

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const status = within(canvasElement).getByRole('status')
    await expect(status).toHaveTextContent('Triage')
    await expect(status).not.toHaveAttribute('data-handoff')
  },
}

export const AfterHandoff: Story = {
  parameters: {
    realtime: {
      script: ['What is the weather in Tokyo?', 'Please book a table for two tonight.'],
      autoApprove: true,
    },
  },
  play: async ({ canvasElement }) => {
    await waitFor(
      () =>
        expect(within(canvasElement).getByRole('status')).toHaveTextContent(
          'Booking Agent (handed off from Triage)',
        ),
      STORY_WAIT,
    )
  },
}
