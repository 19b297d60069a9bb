import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { setupWorker } from 'msw/browser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { App } from '../../demo/App'
import { storyScenario } from '../../demo/scenario'
import { createSimulatorHandlers } from '../../src/testing'
import '../../src/components/styles.css'

// The demo, driven with the keyboard alone in real Chromium: real key presses, real focus.
const worker = setupWorker(...createSimulatorHandlers({ scenario: storyScenario, pace: 20 }))
beforeAll(() => worker.start({ onUnhandledRequest: 'bypass', quiet: true }))
afterAll(() => {
  cleanup()
  worker.stop()
})

const WAIT = { timeout: 20_000 }

/**
 * Records every time focus fell to <body> after something had it: checked at each DOM change and
 * each focusout, and confirmed a task later (moving focus passes through <body> within one task).
 */
function watchFocus() {
  const lost: string[] = []
  let last = ''
  const confirm = () =>
    setTimeout(() => {
      if (document.activeElement === document.body && last) lost.push(`after "${last}"`)
    })
  const check = () => {
    const active = document.activeElement
    if (active && active !== document.body)
      last = active.getAttribute('aria-label') ?? active.textContent ?? ''
    else confirm()
  }
  const observer = new MutationObserver(check)
  observer.observe(document.body, { subtree: true, childList: true, attributes: true })
  document.addEventListener('focusout', confirm, true)
  return {
    lost,
    stop: () => {
      observer.disconnect()
      document.removeEventListener('focusout', confirm, true)
    },
  }
}

/** Presses Tab (or Shift+Tab) until the focused element is `name`; fails if focus ever reaches <body>. */
async function tabTo(name: string, back = false) {
  for (let i = 0; i < 25; i++) {
    const active = document.activeElement as HTMLElement | null
    if (active && active.getAttribute('aria-label') === name) return active
    if (active && !active.getAttribute('aria-label') && active.textContent?.trim() === name) return active
    await userEvent.keyboard(back ? '{Shift>}{Tab}{/Shift}' : '{Tab}')
    expect(document.activeElement).not.toBe(document.body)
  }
  throw new Error(
    `Tab never reached "${name}" (focus is on ${document.activeElement?.outerHTML.slice(0, 80)})`,
  )
}

describe('keyboard only', () => {
  it('start, mute, type, approve, interrupt and end without focus ever on <body>', async () => {
    render(<App backend="simulator" />)
    const focus = watchFocus()
    const talk = await tabTo('Start conversation')
    await userEvent.keyboard('{Enter}')
    expect(document.activeElement).toBe(talk) // kept while connecting
    // Busy, not disabled: a `disabled` button would drop focus to <body> (it reads aria-disabled
    // only while connecting, however long that takes).
    expect(talk).not.toHaveAttribute('disabled')
    await waitFor(() => expect(talk).toHaveAccessibleName('Mute microphone'), WAIT)
    expect(document.activeElement).toBe(talk)
    await userEvent.keyboard('{Enter}')
    expect(talk).toHaveAccessibleName('Unmute microphone')
    await userEvent.keyboard('{Enter}')
    expect(talk).toHaveAccessibleName('Mute microphone')

    await tabTo('Message', true)
    await userEvent.keyboard('Hello from the keyboard{Enter}')
    const transcript = screen.getByRole('log', { name: 'Transcript' })
    await waitFor(() => expect(transcript).toHaveTextContent('Hello from the keyboard'), WAIT)

    // The booking needs an approval: it is announced, and reachable by Tab.
    const tools = screen.getByRole('region', { name: 'Tool calls' })
    await within(tools).findByRole('button', { name: 'Approve book_table' }, WAIT)
    expect(tools.querySelector('[aria-live="polite"]')).toHaveTextContent('Approval needed: book_table')
    await tabTo('Approve book_table')
    await userEvent.keyboard('{Enter}')
    expect(document.activeElement).not.toBe(document.body)
    await waitFor(() => expect(tools).toHaveTextContent('Booked a table for 2 at 19:30'), WAIT)

    const interrupt = await tabTo('Interrupt', true)
    const console = document.querySelector('.rak-console') as HTMLElement
    await waitFor(() => expect(console).toHaveAttribute('data-state', 'speaking'), WAIT)
    await userEvent.keyboard('{Enter}')
    await waitFor(() => expect(console).not.toHaveAttribute('data-state', 'speaking'), WAIT)
    expect(document.activeElement).toBe(interrupt)

    await tabTo('End')
    await userEvent.keyboard('{Enter}')
    await waitFor(() => expect(screen.getAllByRole('status')[0]).toHaveTextContent('Not connected'), WAIT)
    expect(document.activeElement).not.toBe(document.body)
    focus.stop()
    expect(focus.lost).toEqual([])
  }, 90_000)
})
