import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { TalkButton } from '../src'
import { ALL_STATUSES, StateCatalogue, withRealtime } from './support/realtimeExports'

const meta = {
  title: 'Components/TalkButton',
  component: TalkButton,
  decorators: [withRealtime],
} satisfies Meta<typeof TalkButton>
export default meta
type Story = StoryObj<typeof meta>

export const Default: Story = {}

export const Connected: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Start conversation' }))
    await waitFor(() =>
      expect(canvas.getByRole('button', { name: 'Mute microphone' })).toHaveAttribute('aria-pressed', 'true'),
    )
  },
}

/** Muting needs a microphone: this story starts the audio graph (Chromium's fake microphone in tests). */
export const Muted: Story = {
  parameters: { realtime: { audio: true } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Start conversation' }))
    await userEvent.click(await canvas.findByRole('button', { name: 'Mute microphone' }))
    await expect(canvas.getByRole('button', { name: 'Unmute microphone' })).toHaveAttribute('data-muted', '')
  },
}

export const PushToTalk: Story = { args: { mode: 'push' } }

/** Every `data-state`, from clients frozen in each status. */
export const AllStates: Story = {
  render: () => (
    <StateCatalogue>
      {(status) => (
        <span style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
          <code style={{ width: 90 }}>{status}</code>
          <TalkButton />
          <TalkButton mode="push" />
        </span>
      )}
    </StateCatalogue>
  ),
  play: async ({ canvasElement }) => {
    const buttons = within(canvasElement).getAllByRole('button')
    await expect(buttons.map((b) => b.getAttribute('data-state'))).toEqual(
      ALL_STATUSES.flatMap((s) => [s, s]),
    )
  },
}
