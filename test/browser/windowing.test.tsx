import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { RealtimeProvider, TranscriptView } from '../../src'
import { WINDOW_FROM } from '../../src/components/windowing'
import type { RealtimeItem } from '../../src/core'
import { frozenClient, message } from '../../stories/support/realtime'
import { frames, gap, WAIT } from './helpers/scroll'
import '../../src/components/styles.css'

afterEach(cleanup)

const slots = (log: HTMLElement) => Array.from(log.querySelectorAll<HTMLElement>('[data-index]'))
const indexOf = (slot: HTMLElement) => Number(slot.dataset.index)
/**
 * Rows have fractional heights, scroll positions whole pixels (WebKit): each scroll write rounds,
 * and one step of the reader's can take three (the scroll, the correction when rows are measured,
 * the shift at the next commit). A view that moved is off by a row's height, tens of pixels.
 */
const STILL = 3
/** Where an element sits in the view, px from the scroll area's top edge. */
const place = (log: HTMLElement, el: HTMLElement) =>
  el.getBoundingClientRect().top - log.getBoundingClientRect().top
/** The first row in view (its top may be above): the row the view is anchored to. */
const firstInView = (log: HTMLElement) => {
  const row = slots(log).find((slot) => place(log, slot) + slot.offsetHeight > 0)
  if (!row) throw new Error('no row in view')
  return row
}
/** Rows of very different heights: every third one runs to many lines. */
const rows = (count: number, tall = (i: number) => i % 3 === 0) =>
  Array.from({ length: count }, (_, i) =>
    message(
      `m${i}`,
      i % 2 ? 'assistant' : 'user',
      tall(i) ? `Message ${i}: ${'a long answer that wraps '.repeat(20)}` : `Message ${i}.`,
    ),
  )
const longer = (item: RealtimeItem): RealtimeItem =>
  item.type === 'message'
    ? { ...item, text: `${item.text} ${'it grew by many more words '.repeat(30)}` }
    : item

function mount(items: RealtimeItem[], width = 520) {
  const client = frozenClient({ status: 'listening' }, items)
  render(
    <div data-testid="frame" style={{ width }}>
      <RealtimeProvider client={client}>
        <TranscriptView style={{ ['--rak-transcript-height' as string]: '300px' }} />
      </RealtimeProvider>
    </div>,
  )
  return { client, log: screen.getByRole('log', { name: 'Transcript' }) }
}

/** Waits for the view to reach the end and the rows there to be measured. */
async function atEnd(log: HTMLElement) {
  await expect.poll(() => gap(log), WAIT).toBeLessThanOrEqual(1)
  await frames(3)
}

/**
 * Scrolls up until the transcript stops following (a follow to the end already queued for the
 * frame can take one scroll back): from then on only the windowing moves the view.
 */
async function leaveEnd(log: HTMLElement) {
  for (let i = 0; i < 20 && !screen.queryByRole('button', { name: 'Jump to latest' }); i++)
    await scrollBy(log, -120)
  expect(screen.getByRole('button', { name: 'Jump to latest' })).toBeInTheDocument()
}

/** Scrolls by `dy` and waits for the rows to be rendered, measured and corrected. */
async function scrollBy(log: HTMLElement, dy: number) {
  // From a task, as a reader's scroll comes, not from inside a frame callback (where a follow to
  // the end queued for the same frame would run after it, before its scroll event).
  await new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = resolve
    channel.port2.postMessage(null)
  })
  log.scrollTop += dy
  await frames(4)
}

// Real layout: rows measured by the browser, the scroll position corrected by the windowing core.
describe('Windowed transcript (Chromium)', () => {
  it('keeps only a window of rows in the DOM at 10,000 items, wherever the reader is', async () => {
    // Rows of several lines, far taller than the first estimate: the height changes as rows are measured.
    const { log } = mount(
      Array.from({ length: 10_000 }, (_, i) =>
        message(`m${i}`, 'assistant', `Message ${i}. ${'word '.repeat(50)}`),
      ),
    )
    await expect.poll(() => slots(log).map(indexOf), WAIT).toContain(9999)
    await expect.poll(() => gap(log), WAIT).toBeLessThanOrEqual(1)
    expect(slots(log).length).toBeLessThan(60)

    log.scrollTop = log.scrollHeight / 2
    await expect.poll(() => indexOf(firstInView(log)), WAIT).toBeLessThan(9000)
    const shown = slots(log).map(indexOf)
    expect(shown.length).toBeLessThan(60)
    expect(Math.min(...shown)).toBeGreaterThan(3000)
    expect(Math.max(...shown)).toBeLessThan(7000)
    // In DOM order, one after another, as a screen reader reads them.
    expect(shown).toEqual(shown.map((_, i) => (shown[0] as number) + i))
    expect(firstInView(log).textContent).toContain(`Message ${indexOf(firstInView(log))}.`)
  })

  it('reaches the end of 10,000 rows taller than the first estimate and keeps it while the last row streams', async () => {
    const client = frozenClient(
      { status: 'speaking' },
      Array.from({ length: 10_000 }, (_, i) =>
        message(`m${i}`, i % 2 ? 'assistant' : 'user', `Message number ${i + 1} of a long conversation.`),
      ),
    )
    render(
      <RealtimeProvider client={client}>
        <TranscriptView />
      </RealtimeProvider>,
    )
    const log = screen.getByRole('log', { name: 'Transcript' })
    for (let i = 0; i < 20; i++) {
      act(() =>
        client.stores.conversation.update('m9999', (item) =>
          item.type === 'message' ? { ...item, text: `${item.text} word${i}` } : item,
        ),
      )
      await frames(1)
    }
    await expect.poll(() => slots(log).map(indexOf), WAIT).toContain(9999)
    await expect.poll(() => gap(log), WAIT).toBeLessThanOrEqual(1)
    expect(log.textContent).toContain('word19')
  })

  it('does not move the view when rows above it are measured for the first time as the reader scrolls up', async () => {
    const { log } = mount(rows(300))
    await atEnd(log)
    await leaveEnd(log)
    // Rows above were never rendered: they count at the average height, far from their own.
    for (let step = 0; step < 20; step++) {
      const anchor = firstInView(log)
      const before = place(log, anchor)
      await scrollBy(log, -120)
      expect(anchor.isConnected).toBe(true)
      expect(
        Math.abs(place(log, anchor) - (before + 120)),
        `step ${step}, row ${anchor.dataset.index}`,
      ).toBeLessThanOrEqual(STILL)
    }
  })

  it('does not move the view when rows above it are removed (an event log at its limit drops its oldest)', async () => {
    const { client, log } = mount(rows(300))
    await atEnd(log)
    await leaveEnd(log)
    await scrollBy(log, -2500)
    const anchor = firstInView(log)
    const placed = place(log, anchor)
    const above = indexOf(anchor)
    act(() => {
      for (let i = 0; i < 40; i++) client.stores.conversation.remove(`m${i}`)
    })
    await frames(4)
    expect(above).toBeGreaterThan(40)
    expect(anchor.isConnected).toBe(true)
    expect(indexOf(anchor)).toBe(above - 40)
    expect(Math.abs(place(log, anchor) - placed)).toBeLessThanOrEqual(STILL)
  })

  it('does not move the view when a row above it grows', async () => {
    const { client, log } = mount(rows(120, () => false))
    await atEnd(log)
    await leaveEnd(log)
    await scrollBy(log, -1500)
    const anchor = firstInView(log)
    const above = log.querySelector<HTMLElement>(`[data-index="${indexOf(anchor) - 2}"]`)
    expect(above).not.toBeNull()
    const [placed, height] = [place(log, anchor), above!.offsetHeight]
    act(() => client.stores.conversation.update(`m${indexOf(anchor) - 2}`, longer))
    await frames(4)
    expect(above!.offsetHeight).toBeGreaterThan(height + 100)
    expect(Math.abs(place(log, anchor) - placed)).toBeLessThanOrEqual(STILL)
  })

  it('keeps a view at the end at the end as the last row grows, before the frame is painted', async () => {
    const { client, log } = mount(rows(50, () => false))
    await atEnd(log)
    const last = log.querySelector('[data-index="49"]')
    expect(last).not.toBeNull()
    // Observers run in the order they were made: this one after the list's, in the same frame,
    // after layout and before paint (following by scrolling in a later frame would be too late).
    const seen = new Promise<number>((resolve) => {
      const observer = new ResizeObserver(() => {
        observer.disconnect()
        resolve(gap(log))
      })
      observer.observe(last!)
    })
    act(() => client.stores.conversation.update('m49', longer))
    expect(await seen).toBeLessThanOrEqual(1)
    await frames(2) // unmount after this frame's observers are done
  })

  it('switches a list growing past WINDOW_FROM rows to windowing without moving the view, in any frame', async () => {
    const all = rows(WINDOW_FROM + 20)
    const { client, log } = mount(all.slice(0, WINDOW_FROM - 20))
    await atEnd(log)
    await leaveEnd(log)
    await scrollBy(log, -1500)
    expect(slots(log)).toHaveLength(WINDOW_FROM - 20) // short: every row is in the DOM
    const anchor = firstInView(log)
    const placed = place(log, anchor)
    act(() => {
      for (const item of all.slice(WINDOW_FROM - 20)) client.stores.conversation.add(item)
    })
    // The windowing core loads and takes over from the rows the DOM holds: the reader sees no jump.
    for (let frame = 0; slots(log).length >= WINDOW_FROM; frame++) {
      expect(frame, 'the list never windowed').toBeLessThan(600)
      await frames(1)
      expect(Math.abs(place(log, anchor) - placed), `frame ${frame}`).toBeLessThanOrEqual(STILL)
    }
    await frames(4)
    expect(anchor.isConnected).toBe(true)
    expect(Math.abs(place(log, anchor) - placed)).toBeLessThanOrEqual(STILL)
    expect(slots(log).length).toBeLessThan(60)
  })

  it('keeps a view at the end at the end as the list grows past WINDOW_FROM rows', async () => {
    const all = rows(WINDOW_FROM + 20)
    const { client, log } = mount(all.slice(0, WINDOW_FROM - 1))
    await atEnd(log)
    act(() => {
      for (const item of all.slice(WINDOW_FROM - 1)) client.stores.conversation.add(item)
    })
    await expect.poll(() => slots(log).length, WAIT).toBeLessThan(60)
    await atEnd(log)
    expect(slots(log).map(indexOf)).toContain(WINDOW_FROM + 19)
  })

  it('keeps the rows in view in place when the width changes and every row reflows', async () => {
    const { log } = mount(rows(200))
    await atEnd(log)
    await leaveEnd(log)
    await scrollBy(log, -2500)
    const anchor = firstInView(log)
    const [placed, height] = [place(log, anchor), log.scrollHeight]
    screen.getByTestId('frame').style.width = '300px'
    await frames(4)
    expect(log.scrollHeight).toBeGreaterThan(height) // narrower: the rows wrap to more lines
    expect(Math.abs(place(log, anchor) - placed)).toBeLessThanOrEqual(STILL)

    // At the end, a reader stays at the end through a reflow.
    act(() => screen.getByRole('button', { name: 'Jump to latest' }).click())
    await expect.poll(() => gap(log), WAIT).toBeLessThanOrEqual(1)
    screen.getByTestId('frame').style.width = '520px'
    await frames(4)
    expect(gap(log)).toBeLessThanOrEqual(1)
  })
})
