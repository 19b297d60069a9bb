import { act, fireEvent, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { memo, Profiler } from 'react'
import { beforeAll, describe, expect, it } from 'vitest'
import { handoffTarget, RealtimeAgent, TranscriptRow, TranscriptView } from '../../src'
import { say } from '../../src/testing'
import {
  connected,
  connectedForHandoff,
  expectAccessible,
  lastAnswer,
  loadJsonSchemaValidator,
  simulator,
  stepThrough,
} from './helpers'

const sim = simulator()
beforeAll(loadJsonSchemaValidator)

const renders = new Map<string, number>()
// Memoised like TranscriptRow, so a list re-render (an item added) does not count as a row render.
const CountingRow = memo(function CountingRow({ itemId }: { itemId: string }) {
  return (
    <Profiler id={itemId} onRender={(id) => renders.set(id, (renders.get(id) ?? 0) + 1)}>
      <TranscriptRow itemId={itemId} />
    </Profiler>
  )
})

describe('TranscriptView', () => {
  it('renders hostile text as text, never as HTML', async () => {
    const answer = '<img src=x onerror="alert(1)"><b>bold</b>'
    const { client, server, wrapper } = await connected(sim, new RealtimeAgent({ name: 'A' }), {
      scenario: { turns: [{ replies: [say(answer)] }] },
    })
    const { container } = render(<TranscriptView />, { wrapper })
    act(() => client.sendMessage('<script>alert("x")</script>'))
    await server.runAll()
    expect(lastAnswer(client)).toBe(answer)
    const log = screen.getByRole('log', { name: 'Transcript' })
    expect(within(log).getByText(answer)).toBeInTheDocument()
    expect(within(log).getByText('<script>alert("x")</script>')).toBeInTheDocument()
    expect(container.querySelector('img, script, b')).toBeNull()
    await expectAccessible(container)
  })

  it('marks truncated answers and announces finished ones politely', async () => {
    const full = 'A long answer that the user will cut short before it ends.'
    const { client, server, wrapper } = await connected(sim, new RealtimeAgent({ name: 'A' }), {
      pace: 5,
      scenario: { turns: [{ replies: [say(full)] }] },
    })
    const { container } = render(<TranscriptView />, { wrapper })
    const live = container.querySelector('[aria-live="polite"]')
    expect(live).not.toBeNull()
    act(() => client.sendMessage('go'))
    await server.advance(5 + 40) // the answer starts after one pace, then streams for 40 ms
    const row = container.querySelector('[data-streaming]')
    expect(row).not.toBeNull()
    expect(live?.textContent).toBe('') // a streaming answer is not announced
    act(() => client.interrupt())
    await server.runAll()
    expect(container.querySelector('[data-streaming]')).toBeNull()
    const truncated = container.querySelector('[data-truncated]')
    expect(truncated).not.toBeNull()
    expect(within(truncated as HTMLElement).getByText('(interrupted)')).toBeInTheDocument()
    const item = client.stores.conversation.items.at(-1)
    const heard = item?.type === 'message' ? item.text : ''
    expect(heard.length).toBeGreaterThan(0)
    expect(full.startsWith(heard.trimEnd()) && heard.length < full.length).toBe(true)
    expect(live?.textContent).toBe(heard) // the cut answer, once it stopped
  })

  it('stops following when the reader scrolls up and jumps back on request', async () => {
    const user = userEvent.setup({ delay: null })
    const { client, server, wrapper } = await connected(sim, new RealtimeAgent({ name: 'A' }))
    render(<TranscriptView />, { wrapper })
    const log = screen.getByRole('log', { name: 'Transcript' })
    Object.defineProperties(log, {
      scrollHeight: { value: 1000, configurable: true },
      clientHeight: { value: 200, configurable: true },
    })
    // At the end, then up: a move up is the reader leaving the end.
    log.scrollTop = 800
    fireEvent.scroll(log)
    log.scrollTop = 100
    fireEvent.scroll(log)
    const jump = screen.getByRole('button', { name: 'Jump to latest' })
    act(() => client.sendMessage('more'))
    await server.runAll()
    expect(lastAnswer(client)).toBe('You said: more. How can I help further?')
    // Paused: the new answer did not take the reader to the end (rows above may be re-measured).
    expect(log.scrollTop).toBeLessThan(1000 - 200)
    await user.click(jump)
    // Following again (the scroll position itself is checked in Chromium, which has layout).
    expect(log).toHaveAttribute('data-following', '')
    expect(screen.queryByRole('button', { name: 'Jump to latest' })).toBeNull()
  })

  it('re-renders only the streaming row on a transcript delta (React Profiler)', async () => {
    const third = 'The third answer streams in many small words so we can count renders.'
    const { client, server, wrapper } = await connected(sim, new RealtimeAgent({ name: 'A' }), {
      pace: 2,
      scenario: {
        turns: [{ replies: [say('One.')] }, { replies: [say('Two.')] }, { replies: [say(third)] }],
      },
    })
    render(<TranscriptView Row={CountingRow} />, { wrapper })
    for (const [text, reply] of [
      ['1', 'One.'],
      ['2', 'Two.'],
    ]) {
      act(() => client.sendMessage(text!))
      await server.runAll()
      expect(lastAnswer(client)).toBe(reply)
    }
    const earlier = [...client.stores.conversation.getSnapshot().ids]
    renders.clear()
    act(() => client.sendMessage('3'))
    await stepThrough(server, 2) // one chunk per step, each committed on its own
    expect(lastAnswer(client)).toBe(third)
    const streamingRow = client.stores.conversation.getSnapshot().ids.at(-1)!
    const deltas = server
      .serverEvents()
      .filter((e) => e.type === 'response.output_audio_transcript.delta' && e.item_id === streamingRow)
    expect(deltas.length).toBeGreaterThan(5)
    for (const id of earlier) expect(renders.get(id) ?? 0, `row ${id}`).toBe(0)
    expect(renders.get(streamingRow)).toBeGreaterThanOrEqual(deltas.length) // one commit per delta
  })

  it('TranscriptView shows a handoff as a sentence, not the output meant for the model', async () => {
    const { client, server, wrapper } = await connectedForHandoff(sim)
    render(<TranscriptView />, { wrapper })
    act(() => client.sendMessage('billing please'))
    await server.runAll()
    const log = screen.getByRole('log', { name: 'Transcript' })
    expect(log).toHaveTextContent('transfer_to_billing returned: Handed off to Billing')
    expect(log).not.toHaveTextContent('{"assistant"')
    // The model still got the Agents SDK's shape.
    const call = client.stores.conversation.items.find((i) => i.type === 'function_call')
    expect(call).toMatchObject({ output: '{"assistant":"Billing"}' })
    expect(handoffTarget(call!)).toBe('Billing')
  })
})
