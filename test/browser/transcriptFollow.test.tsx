import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { RealtimeProvider, TranscriptView } from '../../src'
import { frozenClient, message } from '../../stories/support/realtime'
import { frames, gap, WAIT } from './helpers/scroll'
import '../../src/components/styles.css'

afterEach(cleanup)

const rows = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) =>
    message(
      `m${from + i}`,
      i % 2 ? 'assistant' : 'user',
      `Message ${from + i}, long enough to wrap once or twice.`,
    ),
  )

// Layout exists only in a real browser: the scroll position of the windowed transcript, for real.
describe('TranscriptView following the conversation (Chromium)', () => {
  it('stays at the end as rows arrive and grow, stops when the reader scrolls up, and jumps back', async () => {
    const client = frozenClient({ status: 'listening' }, rows(0, 40))
    render(
      <RealtimeProvider client={client}>
        <TranscriptView style={{ ['--rak-transcript-height' as string]: '240px' }} />
      </RealtimeProvider>,
    )
    const log = screen.getByRole('log', { name: 'Transcript' })
    await expect.poll(() => gap(log), WAIT).toBeLessThanOrEqual(1)
    expect(log.scrollHeight).toBeGreaterThan(log.clientHeight * 3)

    act(() => {
      for (const item of rows(40, 3)) client.stores.conversation.add(item)
    })
    await expect.poll(() => log.textContent, WAIT).toContain('Message 42')
    await expect.poll(() => gap(log), WAIT).toBeLessThanOrEqual(1)

    // The last row grows as it streams.
    act(() => {
      client.stores.conversation.update('m42', (item) =>
        item.type === 'message' ? { ...item, text: `${item.text} ${'more words '.repeat(40)}` } : item,
      )
    })
    await expect.poll(() => gap(log), WAIT).toBeLessThanOrEqual(1)

    // The reader scrolls up: new rows no longer move the view.
    log.scrollTop = 0
    fireEvent.scroll(log)
    const jump = await screen.findByRole('button', { name: 'Jump to latest' })
    act(() => client.stores.conversation.add(rows(43, 1)[0]!))
    await frames(3)
    expect(log.scrollTop).toBeLessThan(log.clientHeight)

    act(() => jump.click())
    // The rows at the end render after the scroll, in the next frame.
    await expect.poll(() => log.textContent, WAIT).toContain('Message 43')
    await expect.poll(() => gap(log), WAIT).toBeLessThanOrEqual(1)
  })
})
