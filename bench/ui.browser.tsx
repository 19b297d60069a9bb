/**
 * The transcript at 10,000 items in headless Chromium (run by `npm run bench`, not by `npm test`):
 * mount time (render, commit and layout) and the cost of one streaming delta (store update to a
 * laid-out row). Medians of repeated runs.
 */
import { cleanup, render } from '@testing-library/react'
import { flushSync } from 'react-dom'
import { expect, it } from 'vitest'
import { RealtimeProvider, TranscriptView } from '../src'
import { loadWindowing } from '../src/components/windowing'
import type { RealtimeItem } from '../src/core'
import { frozenClient, message } from '../stories/support/realtime'
import '../src/components/styles.css'

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number
const COUNT = 10_000

function conversation() {
  const items: RealtimeItem[] = Array.from({ length: COUNT }, (_, i) =>
    message(`m${i}`, i % 2 ? 'assistant' : 'user', `Message number ${i + 1} of a long conversation.`, {
      status: i === COUNT - 1 ? 'in_progress' : 'completed',
    }),
  )
  return frozenClient({ status: 'speaking' }, items)
}

it('measures', async () => {
  // The windowing core's chunk, as after its first download (a first mount also waits for it).
  await loadWindowing()
  const mounts: number[] = []
  for (let run = 0; run < 7; run++) {
    const client = conversation()
    const start = performance.now()
    const { container } = render(
      <RealtimeProvider client={client}>
        <TranscriptView />
      </RealtimeProvider>,
    )
    container.getBoundingClientRect() // style and layout included
    mounts.push(performance.now() - start)
    expect(container.querySelectorAll('.rak-transcript__row').length).toBeLessThan(200)
    cleanup()
  }

  const client = conversation()
  const { container } = render(
    <RealtimeProvider client={client}>
      <TranscriptView />
    </RealtimeProvider>,
  )
  const last = `m${COUNT - 1}`
  const deltas: number[] = []
  for (let i = 0; i < 60; i++) {
    const start = performance.now()
    flushSync(() => {
      client.stores.conversation.update(last, (item) =>
        item.type === 'message' ? { ...item, text: `${item.text} word${i}` } : item,
      )
    })
    container.getBoundingClientRect()
    deltas.push(performance.now() - start)
    // Let observers and frames run between deltas, as between chunks of a real answer.
    await new Promise((resolve) => requestAnimationFrame(resolve))
  }
  expect(container.textContent).toContain('word59')
  cleanup()
  const result = {
    items: COUNT,
    mountMedianMs: median(mounts),
    mountMaxMs: Math.max(...mounts),
    deltaMedianMs: median(deltas.slice(5)),
    deltaMaxMs: Math.max(...deltas.slice(5)),
  }
  console.log(`BENCH_UI ${JSON.stringify(result)}`)
}, 120_000)
