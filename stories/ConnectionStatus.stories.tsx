import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor, within } from 'storybook/test'
import { ConnectionStatus, RealtimeError } from '../src'
import type { RealtimeStatus } from '../src/react'
import { frozenClient, RealtimeProvider, Stack, withRealtime } from './support/realtimeExports'

const meta = {
  title: 'Components/ConnectionStatus',
  component: ConnectionStatus,
  decorators: [withRealtime],
} satisfies Meta<typeof ConnectionStatus>
export default meta
type Story = StoryObj<typeof meta>

export const Idle: Story = {}

export const Listening: Story = {
  parameters: { realtime: { script: [] } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).getByRole('status')).toHaveTextContent('Listening'))
  },
}

const STATES: RealtimeStatus[] = [
  'idle',
  'connecting',
  'listening',
  'thinking',
  'speaking',
  'reconnecting',
  'error',
]
const refused = new RealtimeError(
  'browser_api_key_refused',
  'A standard API key in a browser would be visible to every visitor.',
)

export const AllStates: Story = {
  render: () => (
    <Stack>
      {STATES.map((status) => (
        <RealtimeProvider
          key={status}
          agent={frozenClient({}).getSnapshot().currentAgent}
          client={frozenClient({ status, error: status === 'error' ? refused : null })}
        >
          <ConnectionStatus />
        </RealtimeProvider>
      ))}
    </Stack>
  ),
  play: async ({ canvasElement }) => {
    const statuses = within(canvasElement).getAllByRole('status')
    await expect(statuses.map((s) => s.getAttribute('data-state'))).toEqual(STATES)
  },
}
