import { describe, expect, it } from 'vitest'
import { applyToHistory, cutTextToFraction, settleItems, truncateItem } from '../../src/core/history'
import { parseServerEvent, type ServerEvent } from '../../src/core/protocol'
import { ConversationStore, type ItemStatus, type RealtimeItem } from '../../src/core/stores'

/** A server event as the session gets it: parsed and checked at the edge. */
const ev = (type: string, fields: Record<string, unknown>): ServerEvent => {
  const parsed = parseServerEvent({ type, ...fields })
  if (!parsed.ok || !parsed.known) throw new Error(`not a known, well-formed event: ${type}`)
  return parsed.event
}

/** The conversation store driven by the history reducer, as the session drives it. */
class ConversationHistory extends ConversationStore {
  apply(event: ServerEvent, agentName: string | null) {
    return applyToHistory(this, event, agentName)
  }
  truncate(itemId: string, audioEndMs: number, receivedMs: number) {
    return truncateItem(this, itemId, audioEndMs, receivedMs)
  }
  settle(itemIds: string[], status: ItemStatus) {
    return settleItems(this, itemIds, status)
  }
  override update(itemId: string, fn: (item: RealtimeItem) => RealtimeItem | null) {
    return super.update(itemId, fn)
  }
}
const assistantAdded = (id: string) =>
  ev('response.output_item.added', {
    response_id: 'r',
    item: { id, type: 'message', role: 'assistant', status: 'in_progress', content: [] },
  })
const userText = (id: string, text: string, previous: string | null = null) =>
  ev('conversation.item.added', {
    previous_item_id: previous,
    item: { id, type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text }] },
  })

describe('ConversationHistory', () => {
  it('streams an assistant transcript into one item, marked as spoken', () => {
    const h = new ConversationHistory()
    h.apply(assistantAdded('a1'), 'Greeter')
    h.apply(ev('response.output_audio_transcript.delta', { item_id: 'a1', delta: 'Hello ' }), 'Greeter')
    h.apply(ev('response.output_audio_transcript.delta', { item_id: 'a1', delta: 'there' }), 'Greeter')
    expect(h.items).toMatchObject([
      {
        itemId: 'a1',
        role: 'assistant',
        text: 'Hello there',
        modality: 'audio',
        agentName: 'Greeter',
        status: 'in_progress',
      },
    ])
  })

  it("fills the user's transcript from transcription deltas, then the final transcript", () => {
    const h = new ConversationHistory()
    h.apply(
      ev('conversation.item.added', {
        item: { id: 'u1', type: 'message', role: 'user', content: [{ type: 'input_audio' }] },
      }),
      null,
    )
    h.apply(ev('conversation.item.input_audio_transcription.delta', { item_id: 'u1', delta: 'Wha' }), null)
    expect(h.get('u1')).toMatchObject({ text: 'Wha', modality: 'audio' })
    h.apply(
      ev('conversation.item.input_audio_transcription.completed', {
        item_id: 'u1',
        transcript: 'What time is it?',
      }),
      null,
    )
    expect(h.get('u1')).toMatchObject({ text: 'What time is it?', status: 'completed' })
  })

  it('replaces only the changed item; unchanged items keep their identity', () => {
    const h = new ConversationHistory()
    h.apply(userText('u1', 'hi'), null)
    h.apply(assistantAdded('a1'), 'A')
    const before = h.items
    h.apply(ev('response.output_text.delta', { item_id: 'a1', delta: 'Yo' }), 'A')
    const after = h.items
    expect(after).not.toBe(before)
    expect(after[0]).toBe(before[0])
    expect(after[1]).not.toBe(before[1])
    expect(before[1]).toMatchObject({ text: '' }) // the old snapshot is untouched
  })

  it('builds the array snapshot only when read after a change', () => {
    const h = new ConversationHistory()
    h.apply(userText('u1', 'hi'), null)
    const first = h.items
    expect(h.items).toBe(first)
    expect(Object.isFrozen(first)).toBe(true)
    h.apply(ev('response.output_text.delta', { item_id: 'missing', delta: 'x' }), null)
    expect(h.items).toBe(first) // an event about an unknown item changes nothing
  })

  it('inserts after previous_item_id and keeps the index right', () => {
    const h = new ConversationHistory()
    h.apply(userText('u1', 'one'), null)
    h.apply(userText('u3', 'three', 'u1'), null)
    h.apply(userText('u2', 'two', 'u1'), null)
    expect(h.items.map((i) => i.itemId)).toEqual(['u1', 'u2', 'u3'])
    h.apply(ev('response.output_text.delta', { item_id: 'u3', delta: '!' }), null)
    expect(h.get('u3')).toMatchObject({ text: 'three!' })
    h.apply(ev('conversation.item.deleted', { item_id: 'u2' }), null)
    expect(h.items.map((i) => i.itemId)).toEqual(['u1', 'u3'])
    expect(h.get('u3')).toMatchObject({ text: 'three!' })
  })

  it('joins a tool call with its output', () => {
    const h = new ConversationHistory()
    h.apply(
      ev('response.output_item.added', {
        response_id: 'r',
        item: {
          id: 'f1',
          type: 'function_call',
          call_id: 'c1',
          name: 'get_time',
          arguments: '',
          status: 'in_progress',
        },
      }),
      'A',
    )
    h.apply(
      ev('response.function_call_arguments.delta', { item_id: 'f1', call_id: 'c1', delta: '{"tz":' }),
      'A',
    )
    h.apply(
      ev('response.function_call_arguments.done', {
        item_id: 'f1',
        call_id: 'c1',
        name: 'get_time',
        arguments: '{"tz":"UTC"}',
      }),
      'A',
    )
    h.apply(
      ev('conversation.item.added', {
        item: { id: 'o1', type: 'function_call_output', call_id: 'c1', output: '12:00' },
      }),
      'A',
    )
    expect(h.items).toEqual([
      expect.objectContaining({
        type: 'function_call',
        name: 'get_time',
        arguments: '{"tz":"UTC"}',
        output: '12:00',
      }),
    ])
  })

  it('truncates a transcript to the share of audio heard, at a word boundary, and ignores later deltas', () => {
    const h = new ConversationHistory()
    h.apply(assistantAdded('a1'), 'A')
    h.apply(
      ev('response.output_audio_transcript.delta', {
        item_id: 'a1',
        delta: 'The weather in Tokyo is sunny today',
      }),
      'A',
    )
    h.truncate('a1', 500, 1000)
    expect(h.get('a1')).toMatchObject({
      text: 'The weather in',
      truncated: { audioEndMs: 500 },
      status: 'incomplete',
    })
    h.apply(ev('response.output_audio_transcript.delta', { item_id: 'a1', delta: ' and warm' }), 'A')
    h.apply(
      ev('response.output_audio_transcript.done', {
        item_id: 'a1',
        transcript: 'The weather in Tokyo is sunny today and warm',
      }),
      'A',
    )
    expect(h.get('a1')).toMatchObject({ text: 'The weather in' })
  })

  it('settles the items of a cancelled response as incomplete', () => {
    const h = new ConversationHistory()
    h.apply(assistantAdded('a1'), 'A')
    expect(h.settle(['a1'], 'incomplete')).toHaveLength(1)
    expect(h.get('a1')?.status).toBe('incomplete')
    expect(h.settle(['a1'], 'completed')).toHaveLength(0)
  })

  it('costs the same per event late in a long conversation as early (no whole-history work)', () => {
    const h = new ConversationHistory()
    let updates = 0
    const originalUpdate = h.update.bind(h)
    h.update = (id: string, fn: (item: RealtimeItem) => RealtimeItem | null) => {
      updates++
      return originalUpdate(id, fn)
    }
    for (let i = 0; i < 5000; i++) h.apply(userText(`u${i}`, 'x'), null)
    h.apply(assistantAdded('a'), 'A')
    // A delta touches one item: no snapshot is built unless someone reads `items`.
    const spy = { slices: 0 }
    const items = (h as unknown as { items: readonly unknown[] }).items
    expect(items.length).toBe(5001)
    const realSlice = Array.prototype.slice
    Array.prototype.slice = function (this: unknown[], ...args: [number?, number?]) {
      spy.slices++
      return realSlice.apply(this, args)
    }
    try {
      for (let i = 0; i < 100; i++)
        h.apply(ev('response.output_audio_transcript.delta', { item_id: 'a', delta: 'w ' }), 'A')
    } finally {
      Array.prototype.slice = realSlice
    }
    expect(spy.slices).toBe(0)
    expect(updates).toBe(100)
  })
})

describe('cutTextToFraction', () => {
  it('cuts at a word boundary and handles the edges', () => {
    expect(cutTextToFraction('one two three four', 0.5)).toBe('one two')
    expect(cutTextToFraction('one two', 1)).toBe('one two')
    expect(cutTextToFraction('one two', 0)).toBe('')
    expect(cutTextToFraction('abcdefgh', 0.5)).toBe('abcd')
  })
})
