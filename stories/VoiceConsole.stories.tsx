import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { VoiceConsole } from '../src'
import { STORY_WAIT } from './support/realtime'
import { clientIn, frozenClient, withRealtime } from './support/realtimeExports'

const meta = {
  title: 'Components/VoiceConsole',
  component: VoiceConsole,
  decorators: [withRealtime],
  args: { style: { maxWidth: 900 } },
} satisfies Meta<typeof VoiceConsole>
export default meta
type Story = StoryObj<typeof meta>

/**
 * Press "Start conversation" and talk (the microphone is real; the agent is the simulator). Before
 * that, Start is the one action that applies; the event log is out of view.
 */
export const Default: Story = {
  parameters: { realtime: { audio: true } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('button', { name: 'Start conversation' })).not.toHaveAttribute(
      'aria-disabled',
    )
    await expect(canvas.getByRole('button', { name: 'Interrupt' })).toHaveAttribute('aria-disabled', 'true')
    await expect(canvas.getByRole('button', { name: 'End' })).toHaveAttribute('aria-disabled', 'true')
    await expect(canvas.getByRole('tab', { name: 'Tools' })).toHaveAttribute('aria-selected', 'true')
    await expect(canvas.getByRole('tab', { name: 'Events' })).toHaveAttribute('aria-selected', 'false')
    await expect(canvas.getByRole('log', { name: 'Transcript' })).toHaveTextContent(
      'The conversation will appear here.',
    )
  },
}

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

/**
 * The booking needs the user's approval: the status says so instead of "Thinking…", the Tools tab
 * counts it, and approving keeps focus on the page and lets the booking run.
 */
export const AwaitingApproval: Story = {
  parameters: {
    realtime: { script: ['What is the weather in Tokyo?', 'Please book a table for two tonight.'] },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const approve = await canvas.findByRole('button', { name: 'Approve book_table' }, STORY_WAIT)
    await expect(canvas.getAllByRole('status')[0]).toHaveTextContent('Waiting for your approval')
    await expect(canvas.getByRole('tab', { name: /1 waiting for approval/ })).toBeInTheDocument()
    await userEvent.click(approve)
    await expect(document.activeElement).not.toBe(document.body)
    await waitFor(
      () => expect(canvas.getByRole('log', { name: 'Transcript' })).toHaveTextContent('booked for 7:30'),
      STORY_WAIT,
    )
  },
}

/** The agent speaks: Interrupt and End apply, the talk button still mutes the microphone. */
export const Speaking: Story = {
  parameters: { realtime: { client: clientIn('speaking') } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getAllByRole('status')[0]).toHaveTextContent('Speaking')
    await expect(canvas.getByRole('button', { name: 'Interrupt' })).not.toHaveAttribute('aria-disabled')
    await expect(canvas.getByRole('button', { name: 'End' })).not.toHaveAttribute('aria-disabled')
    await expect(canvas.getByRole('button', { name: 'Mute microphone' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    await expect(canvas.getByRole('img', { name: 'Agent voice level' })).toHaveAttribute(
      'data-state',
      'speaking',
    )
  },
}

/** The microphone was refused: the status, the alert and the talk button agree, and typing still works. */
export const MicrophoneBlocked: Story = {
  parameters: { realtime: { client: clientIn('mic-blocked') } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getAllByRole('status')[0]).toHaveTextContent('Microphone blocked')
    await expect(canvas.getByRole('alert')).toHaveTextContent('The microphone is blocked')
    await expect(canvas.getByRole('button', { name: 'Retry microphone' })).toBeInTheDocument()
    await expect(canvas.queryByRole('button', { name: 'Mute microphone' })).toBeNull()
    await expect(canvas.getByRole('textbox', { name: 'Message' })).not.toHaveAttribute('aria-disabled')
  },
}

/** Connecting failed: a message for the user (the developer's detail goes to the console), and Start again. */
export const ConnectionFailed: Story = {
  parameters: { realtime: { client: clientIn('error') } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('alert')).toHaveTextContent(
      'Could not connect to the voice service. Check your connection and try again.',
    )
    await expect(canvas.getByRole('alert')).not.toHaveTextContent('API key')
    await expect(canvas.getByRole('button', { name: 'Start conversation' })).not.toHaveAttribute(
      'aria-disabled',
    )
    await expect(canvas.getByRole('button', { name: 'End' })).toHaveAttribute('aria-disabled', 'true')
  },
}

/** Safari holds the audio until a tap: the console offers the tap next to the conversation. */
export const AudioHeldUntilTap: Story = {
  parameters: { realtime: { client: frozenClient({ status: 'listening', audio: 'suspended' }) } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('button', { name: 'Tap to enable audio' })).toBeInTheDocument()
    await expect(canvas.getByRole('button', { name: 'Mute microphone' })).toBeInTheDocument()
  },
}
