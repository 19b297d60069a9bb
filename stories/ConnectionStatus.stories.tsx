import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor, within } from 'storybook/test'
import { ConnectionStatus } from '../src'
import { ALL_STATUSES, StateCatalogue, withRealtime } from './support/realtimeExports'

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

export const AllStates: Story = {
  render: () => <StateCatalogue>{() => <ConnectionStatus />}</StateCatalogue>,
  play: async ({ canvasElement }) => {
    const statuses = within(canvasElement).getAllByRole('status')
    await expect(statuses.map((s) => s.getAttribute('data-state'))).toEqual(ALL_STATUSES)
  },
}
