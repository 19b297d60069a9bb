import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { TalkButton } from '../src'
import { STORY_WAIT } from './support/realtime'
import { clientIn, StateCatalogue, VOICE_STATES, withRealtime } from './support/realtimeExports'

const meta = {
  title: 'Components/TalkButton',
  component: TalkButton,
  decorators: [withRealtime],
} satisfies Meta<typeof TalkButton>
export default meta
type Story = StoryObj<typeof meta>

/** Idle: the one primary action, enabled and not pressed. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Start conversation' })
    await expect(button).toHaveAttribute('aria-pressed', 'false')
    await expect(button).not.toHaveAttribute('aria-disabled')
    await expect(button).toHaveAttribute('data-voice', 'idle')
  },
}

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

/** Hold Space (or the pointer) to talk: the first press connects, release sends the turn. */
export const PushToTalk: Story = {
  args: { mode: 'push' },
  parameters: { realtime: { audio: true } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const button = canvas.getByRole('button', { name: 'Hold to talk' })
    await expect(button).toHaveAttribute('aria-pressed', 'false')
    // One user-event instance holds the key between the press and the release.
    const user = userEvent.setup()
    button.focus()
    await user.keyboard('[Space>]')
    await waitFor(() => expect(button).toHaveAccessibleName('Release to send'), STORY_WAIT)
    await expect(button).toHaveAttribute('aria-pressed', 'true')
    await user.keyboard('[/Space]')
    await waitFor(() => expect(button).toHaveAccessibleName('Hold to talk'))
    await expect(button).toHaveAttribute('aria-pressed', 'false')
    await expect(button).toHaveFocus()
  },
}

/** The microphone was refused while the session is up: the button offers a retry, not a mute. */
export const MicrophoneBlocked: Story = {
  parameters: { realtime: { client: clientIn('mic-blocked') } },
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Retry microphone' })
    await expect(button).toHaveAttribute('aria-pressed', 'false')
    await expect(button).not.toHaveAttribute('aria-disabled')
  },
}

/** While connecting the button keeps focus and says it is busy instead of going disabled. */
export const Connecting: Story = {
  parameters: { realtime: { client: clientIn('connecting') } },
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Connecting…' })
    button.focus()
    await userEvent.keyboard('{Enter}')
    await expect(button).toHaveFocus()
    await expect(button).toHaveAttribute('aria-busy', 'true')
    await expect(button).toHaveAttribute('aria-disabled', 'true')
    await expect(button).toHaveAccessibleName('Connecting…')
  },
}

/**
 * Every voice state, from clients frozen in each: the button speaks for the microphone, so while the
 * agent thinks, waits for approval or speaks it still offers mute.
 */
export const AllStates: Story = {
  render: () => (
    <StateCatalogue>
      {(state) => (
        <span style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' }}>
          <code style={{ width: 100 }}>{state}</code>
          <TalkButton />
          <TalkButton mode="push" />
        </span>
      )}
    </StateCatalogue>
  ),
  play: async ({ canvasElement }) => {
    const toggles = within(canvasElement)
      .getAllByRole('button')
      .filter((b) => b.getAttribute('data-mode') === 'toggle')
    const expected: Record<string, [voice: string, label: string]> = {
      idle: ['idle', 'Start conversation'],
      connecting: ['connecting', 'Connecting…'],
      listening: ['listening', 'Mute microphone'],
      muted: ['muted', 'Unmute microphone'],
      'mic-blocked': ['mic-blocked', 'Retry microphone'],
      thinking: ['listening', 'Mute microphone'],
      approval: ['listening', 'Mute microphone'],
      speaking: ['listening', 'Mute microphone'],
      reconnecting: ['reconnecting', 'Reconnecting…'],
      error: ['error', 'Start conversation'],
    }
    await expect(toggles.map((b) => [b.getAttribute('data-voice'), b.getAttribute('aria-label')])).toEqual(
      VOICE_STATES.map(({ state }) => expected[state]),
    )
    const busy = toggles.filter((b) => b.getAttribute('aria-busy') === 'true')
    await expect(busy.map((b) => b.getAttribute('data-voice'))).toEqual(['connecting', 'reconnecting'])
  },
}
