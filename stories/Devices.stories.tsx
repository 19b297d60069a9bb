import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, within } from 'storybook/test'
import { AudioVisualizer, DeviceSelect } from '../src'
import { withRealtime } from './support/realtimeExports'

const meta = {
  title: 'Components/DeviceSelect',
  component: DeviceSelect,
  decorators: [withRealtime],
  parameters: { realtime: { audio: true } },
} satisfies Meta<typeof DeviceSelect>
export default meta
type Story = StoryObj<typeof meta>

export const Default: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('combobox', { name: 'Microphone' })).toHaveValue('')
  },
}

export const Visualizers: Story = {
  render: () => (
    <div style={{ display: 'flex', gap: 16, alignItems: 'center' }}>
      <AudioVisualizer source="input" variant="orb" width={64} height={64} />
      <AudioVisualizer source="output" variant="bars" />
    </div>
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('img', { name: 'Microphone level' })).toHaveAttribute(
      'data-variant',
      'orb',
    )
  },
}
