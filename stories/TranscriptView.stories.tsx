import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor, within } from 'storybook/test'
import { TranscriptView } from '../src'
import { parseRecording, ReplayTransport } from '../src/core'
import weather from './fixtures/weather.jsonl?raw'
import { STORY_WAIT } from './support/realtime'
import { frozenClient, message, withRealtime } from './support/realtimeExports'

const meta = {
  title: 'Components/TranscriptView',
  component: TranscriptView,
  decorators: [withRealtime],
  args: { style: { maxWidth: 520 } },
} satisfies Meta<typeof TranscriptView>
export default meta
type Story = StoryObj<typeof meta>

export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const log = within(canvasElement).getByRole('log', { name: 'Transcript' })
    await expect(log).toHaveTextContent('The conversation will appear here.')
    await expect(within(canvasElement).queryByRole('button', { name: /Jump to latest/ })).toBeNull()
  },
}

/** A scripted conversation from the simulator: a tool call, a handoff, an approved booking. */
export const Conversation: Story = {
  parameters: {
    realtime: {
      script: ['What is the weather in Tokyo?', 'Please book a table for two tonight.'],
      autoApprove: true,
    },
  },
  play: async ({ canvasElement }) => {
    const log = within(canvasElement).getByRole('log', { name: 'Transcript' })
    await waitFor(() => expect(log).toHaveTextContent('Your table for two is booked for 7:30 tonight.'), {
      ...STORY_WAIT,
    })
    await expect(log).toHaveTextContent('Booking Agent')
    // The handoff reads as a sentence; its output for the model ({"assistant": …}) is not shown.
    await expect(log).toHaveTextContent('Handed off to Booking Agent')
    await expect(log).not.toHaveTextContent('{"assistant"')
  },
}

export const Truncated: Story = {
  parameters: {
    realtime: {
      client: frozenClient({ status: 'listening' }, [
        message('u1', 'user', 'Tell me about the weather this week.'),
        message('a1', 'assistant', 'Monday will be sunny, Tuesday brings', {
          truncated: { audioEndMs: 1800 },
          status: 'incomplete',
        }),
        message('u2', 'user', 'Just today, please.'),
      ]),
    },
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-truncated]')).not.toBeNull())
  },
}

/** Ten thousand rows: only those in view are in the DOM, and the view opens at the latest. */
export const ThousandsOfItems: Story = {
  parameters: {
    realtime: {
      client: frozenClient(
        { status: 'listening' },
        Array.from({ length: 10_000 }, (_, i) =>
          message(`m${i}`, i % 2 ? 'assistant' : 'user', `Message number ${i + 1} of a long conversation.`),
        ),
      ),
    },
  },
  play: async ({ canvasElement }) => {
    const log = within(canvasElement).getByRole('log')
    await waitFor(() => expect(log).toHaveTextContent('Message number 10000 of a long conversation.'))
    await expect(log.querySelectorAll('.rak-transcript__row').length).toBeLessThan(100)
  },
}

/** An answer an output guardrail stopped: replaced by a note; the instruction to the model is not a row. */
export const GuardrailWithdrawn: Story = {
  parameters: {
    realtime: {
      script: [
        'What is the weather in Tokyo?',
        'Please book a table for two tonight.',
        'How much will it cost?',
      ],
      autoApprove: true,
    },
  },
  play: async ({ canvasElement }) => {
    const log = within(canvasElement).getByRole('log', { name: 'Transcript' })
    await waitFor(() => expect(log).toHaveTextContent('This answer was withdrawn (no_prices).'), STORY_WAIT)
    await waitFor(() => expect(log).toHaveTextContent('The restaurant will tell you the prices'), STORY_WAIT)
    await expect(log).not.toHaveTextContent('$95')
    await expect(log).not.toHaveTextContent('output guardrail')
  },
}

/** A recorded conversation (stories/fixtures/weather.jsonl, made by scripts/record-fixture.ts) replayed into the provider. */
export const Replayed: Story = {
  parameters: {
    realtime: { script: [], transport: () => new ReplayTransport(parseRecording(weather), { speed: 4 }) },
  },
  play: async ({ canvasElement }) => {
    const log = within(canvasElement).getByRole('log', { name: 'Transcript' })
    await waitFor(() => expect(log).toHaveTextContent('Your table for two is booked for 7:30 tonight.'), {
      ...STORY_WAIT,
    })
  },
}
