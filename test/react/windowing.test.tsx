import { act, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { RealtimeProvider, TranscriptView } from '../../src'
import { WINDOW_FROM } from '../../src/components/windowing'
import { frozenClient, message } from '../../stories/support/realtime'

const items = (count: number) =>
  Array.from({ length: count }, (_, i) => message(`m${i}`, 'user', `Message ${i}`))
const rows = () => screen.getByRole('log', { name: 'Transcript' }).querySelectorAll('[data-index]').length

// jsdom's stand-in ResizeObserver (test/react/setup.ts) gives an 800 px screen and 24 px rows.
describe('TranscriptView windowing', () => {
  it('renders every row of a list shorter than WINDOW_FROM, with no windowing core', async () => {
    render(
      <RealtimeProvider client={frozenClient({ status: 'listening' }, items(WINDOW_FROM - 1))}>
        <TranscriptView />
      </RealtimeProvider>,
    )
    await act(async () => {})
    expect(rows()).toBe(WINDOW_FROM - 1)
  })

  it('windows a list once it reaches WINDOW_FROM rows', async () => {
    const client = frozenClient({ status: 'listening' }, items(WINDOW_FROM - 1))
    render(
      <RealtimeProvider client={client}>
        <TranscriptView />
      </RealtimeProvider>,
    )
    act(() => client.stores.conversation.add(message('last', 'assistant', 'One more.')))
    // Every row at first (the core is on its way), then a screenful: 800 px of 24 px rows.
    expect(rows()).toBe(WINDOW_FROM)
    await vi.waitFor(() => expect(rows()).toBeLessThan(WINDOW_FROM))
    await vi.waitFor(() => expect(rows()).toBeGreaterThan(800 / 24))
    expect(rows()).toBeLessThan(WINDOW_FROM)
  })
})
