import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor, within } from 'storybook/test'
import { ConnectionStatus } from '../src'
import { StateCatalogue, VOICE_STATES, withRealtime } from './support/realtimeExports'

const meta = {
  title: 'Components/ConnectionStatus',
  component: ConnectionStatus,
  decorators: [withRealtime],
} satisfies Meta<typeof ConnectionStatus>
export default meta
type Story = StoryObj<typeof meta>

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('status')).toHaveTextContent('Not connected')
    await expect(canvas.queryByRole('alert')).toBeNull()
  },
}

export const Listening: Story = {
  parameters: { realtime: { script: [] } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).getByRole('status')).toHaveTextContent('Listening'))
  },
}

/** Every voice state in words; only states that need the user's action raise an alert. */
export const AllStates: Story = {
  render: () => <StateCatalogue>{() => <ConnectionStatus />}</StateCatalogue>,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const statuses = canvas.getAllByRole('status')
    await expect(statuses.map((s) => s.getAttribute('data-voice'))).toEqual(VOICE_STATES.map((s) => s.state))
    await expect(statuses.map((s) => s.textContent)).toEqual([
      'Not connected',
      'Connecting…',
      'Listening',
      'Microphone off',
      'Microphone blocked',
      'Thinking…',
      'Waiting for your approval',
      'Speaking',
      'Reconnecting…',
      'Not connected',
    ])
    const alerts = canvas.getAllByRole('alert').map((a) => a.textContent)
    await expect(alerts).toEqual([
      'The microphone is blocked. Allow it in your browser’s site settings, then retry. You can still type.',
      'Could not connect to the voice service. Check your connection and try again.',
    ])
  },
}
