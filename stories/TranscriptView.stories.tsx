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
  args: { style: { width: 520 } },
} satisfies Meta<typeof TranscriptView>
export default meta
type Story = StoryObj<typeof meta>

export const Empty: Story = {}

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
    await expect(canvasElement.querySelector('[data-truncated]')).not.toBeNull()
  },
}

/** Two thousand rows: off-screen rows skip layout (content-visibility), rows re-render alone. */
export const ThousandsOfItems: Story = {
  parameters: {
    // axe over 2,000 rows takes most of a minute on a loaded machine; the row markup is checked by
    // the other TranscriptView stories, which have the same rows.
    a11y: { test: 'off' },
    realtime: {
      client: frozenClient(
        { status: 'listening' },
        Array.from({ length: 2000 }, (_, i) =>
          message(`m${i}`, i % 2 ? 'assistant' : 'user', `Message number ${i + 1} of a long conversation.`),
        ),
      ),
    },
  },
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByRole('log').querySelectorAll('.rak-transcript__row'),
    ).toHaveLength(2000)
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
