import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, within } from 'storybook/test'
import { AudioUnlockButton } from '../src'
import { frozenClient, withRealtime } from './support/realtimeExports'

const meta = {
  title: 'Components/AudioUnlockButton',
  component: AudioUnlockButton,
  decorators: [withRealtime],
} satisfies Meta<typeof AudioUnlockButton>
export default meta
type Story = StoryObj<typeof meta>

/** Safari holds the audio until a tap: the button appears, announced by its live region. */
export const Suspended: Story = {
  parameters: { realtime: { client: frozenClient({ status: 'listening', audio: 'suspended' }) } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const button = canvas.getByRole('button', { name: 'Tap to enable audio' })
    await expect(canvas.getByRole('status')).toContainElement(button)
    button.focus()
    await expect(button).toHaveFocus()
  },
}

/** Audio runs: nothing to tap, and the (empty) live region stays for the next time. */
export const Running: Story = {
  parameters: { realtime: { client: frozenClient({ status: 'listening', audio: 'running' }) } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.queryByRole('button')).toBeNull()
    await expect(canvas.getByRole('status')).toBeEmptyDOMElement()
  },
}
