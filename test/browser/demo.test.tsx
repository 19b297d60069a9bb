import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { setupWorker } from 'msw/browser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { App } from '../../demo/App'
import { storyScenario } from '../../demo/scenario'
import { createSimulatorHandlers } from '../../src/testing'
import '../../src/components/styles.css'

// The demo as `npm start` serves it with no key: the simulator in the page, through msw's worker.
const worker = setupWorker(...createSimulatorHandlers({ scenario: storyScenario, pace: 20 }))
beforeAll(() => worker.start({ onUnhandledRequest: 'bypass', quiet: true }))
afterAll(() => worker.stop())

describe('the demo, driven as a new user would', () => {
  it('start, speak (the fake microphone), a tool runs, the agent hands off, an approval, a barge-in', async () => {
    const user = userEvent.setup()
    render(<App backend="simulator" />)
    expect(screen.getByText(/built-in simulator/)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Start conversation' }))
    const transcript = screen.getByRole('log', { name: 'Transcript' })
    // The microphone says "what is the weather in Tokyo"; the simulator's VAD hears it.
    await waitFor(() => expect(transcript).toHaveTextContent('What is the weather in Tokyo?'), {
      timeout: 10_000,
    })
    const tools = screen.getByRole('region', { name: 'Tool calls' })
    await waitFor(() => expect(within(tools).getByText('Sunny, 24°C in Tokyo')).toBeInTheDocument(), {
      timeout: 10_000,
    })
    // The microphone speaks again: the second scripted turn books a table through the booking agent.
    await waitFor(
      () =>
        expect(screen.getAllByRole('status')[1]).toHaveTextContent('Booking Agent (handed off from Triage)'),
      { timeout: 15_000 },
    )
    await user.click(
      await within(tools).findByRole('button', { name: 'Approve book_table' }, { timeout: 10_000 }),
    )
    await waitFor(
      () => expect(within(tools).getByText('Booked a table for 2 at 19:30')).toBeInTheDocument(),
      { timeout: 10_000 },
    )
    // The looping microphone talks over the agent: a barge-in cuts an answer where it was heard.
    await waitFor(() => expect(transcript.querySelector('[data-truncated]')).not.toBeNull(), {
      timeout: 15_000,
    })
    await user.click(screen.getByRole('button', { name: 'End' }))
    await waitFor(() => expect(screen.getAllByRole('status')[0]).toHaveTextContent('Not connected'))
  }, 60_000)
})
