import { describe, expect, it } from 'vitest'
import { applyToHistory, cutTextToFraction, fromWire, mergeItem, truncateItem } from '../../src/core/history'
import { parseServerEvent, type ServerEvent, type WireItem } from '../../src/core/protocol'
import { ConversationStore, type RealtimeItem, type RealtimeMessageItem } from '../../src/core/stores'

const ev = (type: string, fields: Record<string, unknown>): ServerEvent => {
  const parsed = parseServerEvent({ type, ...fields })
  if (!parsed.ok || !parsed.known) throw new Error(`not a known, well-formed event: ${type}`)
  return parsed.event
}
const msg = (over: Partial<RealtimeMessageItem> = {}): RealtimeMessageItem => ({
  type: 'message',
  itemId: 'm',
  previousItemId: null,
  role: 'assistant',
  status: 'in_progress',
  text: 'hello',
  modality: 'text',
  agentName: 'A',
  truncated: null,
  transcriptionFailed: false,
  ...over,
})
const callItem = (over: Partial<RealtimeItem> = {}): RealtimeItem =>
  ({
    type: 'function_call',
    itemId: 'f',
    previousItemId: null,
    status: 'in_progress',
    callId: 'c',
    name: 'lookup',
    arguments: '',
    output: null,
    agentName: 'A',
    ...over,
  }) as RealtimeItem
function storeWith(...items: RealtimeItem[]) {
  const store = new ConversationStore()
  for (const item of items) store.add(item)
  return store
}

describe('fromWire', () => {
  it('reads a message: text and transcripts, spoken or typed, defaults', () => {
    const wire = {
      id: 'u',
      type: 'message',
      role: 'user',
      content: [
        { type: 'input_audio', transcript: 'hi ' },
        { type: 'input_text', text: 'there' },
      ],
    } as WireItem
    expect(fromWire(wire, 'p', 'Agent')).toEqual({
      type: 'message',
      itemId: 'u',
      previousItemId: 'p',
      role: 'user',
      status: 'completed',
      text: 'hi there',
      modality: 'audio',
      agentName: null,
      truncated: null,
      transcriptionFailed: false,
    })
    const typed = fromWire(
      {
        id: 'a',
        type: 'message',
        role: 'assistant',
        status: 'in_progress',
        content: [{ type: 'output_text', text: 'x' }],
      },
      null,
      'Agent',
    )
    expect(typed).toMatchObject({ modality: 'text', agentName: 'Agent', status: 'in_progress', text: 'x' })
    expect(
      fromWire({ id: 'n', type: 'message', role: 'user', content: [] } as WireItem, null, null),
    ).toMatchObject({
      text: '',
      modality: 'text',
    })
    expect(
      fromWire(
        {
          id: 'z',
          type: 'message',
          role: 'user',
          content: [{ type: 'input_audio', transcript: null }],
        } as WireItem,
        null,
        null,
      ),
    ).toMatchObject({ text: '', modality: 'audio' })
  })

  it('reads a function call with defaults, and ignores outputs, other types and items without an id', () => {
    expect(fromWire({ id: 'f', type: 'function_call', name: 'lookup' } as WireItem, null, 'A')).toEqual({
      type: 'function_call',
      itemId: 'f',
      previousItemId: null,
      status: 'completed',
      callId: '',
      name: 'lookup',
      arguments: '',
      output: null,
      agentName: 'A',
      serverLabel: null,
    })
    expect(
      fromWire(
        { id: 'f', type: 'function_call', name: 'n', call_id: 'c', arguments: '{}', status: 'in_progress' },
        null,
        null,
      ),
    ).toMatchObject({ callId: 'c', arguments: '{}', status: 'in_progress' })
    expect(fromWire({ type: 'message', role: 'user', content: [] } as WireItem, null, null)).toBeNull()
    expect(
      fromWire({ id: 'o', type: 'function_call_output', call_id: 'c', output: 'x' }, null, null),
    ).toBeNull()
  })
})

describe('mergeItem', () => {
  it('takes a newer status and text, keeps a truncated text, and notices nothing new', () => {
    expect(mergeItem(msg(), msg({ status: 'completed', text: 'hello there' }))).toMatchObject({
      status: 'completed',
      text: 'hello there',
    })
    expect(mergeItem(msg(), msg())).toBeNull()
    expect(mergeItem(msg(), msg({ text: '' }))).toBeNull() // an empty text does not erase
    const cut = msg({ truncated: { audioEndMs: 10 }, text: 'hel' })
    expect(mergeItem(cut, msg({ text: 'hello there', status: 'completed' }))).toMatchObject({
      text: 'hel',
      status: 'completed',
    })
    expect(mergeItem(msg(), msg({ modality: 'audio' }))).toMatchObject({ modality: 'audio' })
    expect(
      mergeItem(msg({ modality: 'audio' }), msg({ modality: 'text', status: 'completed' })),
    ).toMatchObject({
      modality: 'audio',
    })
    expect(mergeItem(msg({ agentName: 'A' }), msg({ agentName: 'B', status: 'completed' }))?.agentName).toBe(
      'A',
    )
  })

  it('takes a newer function call but keeps its output and agent; a changed type replaces the item', () => {
    const old = callItem({ output: 'done', agentName: 'A' })
    const merged = mergeItem(old, callItem({ arguments: '{"q":1}', status: 'completed', agentName: 'B' }))
    expect(merged).toMatchObject({
      arguments: '{"q":1}',
      status: 'completed',
      output: 'done',
      agentName: 'A',
    })
    const other = msg({ itemId: 'f' })
    expect(mergeItem(old, other)).toBe(other)
  })
})

describe('cutTextToFraction', () => {
  it('cuts at the last word boundary before the fraction, trimming the end only', () => {
    expect(cutTextToFraction('  one two three', 0.5)).toBe('  one')
    expect(cutTextToFraction('one two', -0.5)).toBe('')
    expect(cutTextToFraction('one two', 0)).toBe('')
    expect(cutTextToFraction('one two', 1.5)).toBe('one two')
    expect(cutTextToFraction(' abcdef', 0.5)).toBe(' abc') // the only space is at 0: cut mid-word
  })
})

describe('truncateItem', () => {
  it('cuts a message to what was heard once, marks it incomplete, and leaves calls alone', () => {
    const store = storeWith(msg({ text: 'one two three four' }), callItem())
    expect(truncateItem(store, 'm', 500, 1000)).toMatchObject({
      item: { text: 'one two', truncated: { audioEndMs: 500 }, status: 'incomplete' },
    })
    expect(truncateItem(store, 'm', 100, 1000)).toBeNull()
    expect(truncateItem(store, 'f', 100, 1000)).toBeNull()
    const none = storeWith(msg({ text: 'a b' }))
    expect(truncateItem(none, 'm', 100, 0)?.item).toMatchObject({ text: '' })
  })
})

describe('applyToHistory', () => {
  it('adds items from every event that carries one, with the previous item', () => {
    for (const type of ['conversation.item.added', 'conversation.item.created', 'conversation.item.done']) {
      const store = storeWith(msg({ itemId: 'first' }))
      const change = applyToHistory(
        store,
        ev(type, {
          previous_item_id: 'first',
          item: { id: 'u', type: 'message', role: 'user', content: [] },
        }),
        null,
      )
      expect(change, type).toMatchObject({ kind: 'added', item: { itemId: 'u', previousItemId: 'first' } })
    }
    const retrieved = storeWith()
    expect(
      applyToHistory(
        retrieved,
        ev('conversation.item.retrieved', { item: { id: 'r', type: 'message', role: 'user', content: [] } }),
        null,
      ),
    ).toMatchObject({ kind: 'added', item: { itemId: 'r', previousItemId: null } })
    for (const type of ['response.output_item.added', 'response.output_item.done']) {
      const store = storeWith(msg({ itemId: 'first' }))
      expect(
        applyToHistory(
          store,
          ev(type, { response_id: 'r', item: { id: 'a', type: 'message', role: 'assistant', content: [] } }),
          'Bot',
        ),
        type,
      ).toMatchObject({ kind: 'added', item: { itemId: 'a', previousItemId: 'first', agentName: 'Bot' } })
    }
  })

  it('joins a tool output to its call, once', () => {
    const store = storeWith(callItem())
    const output = ev('conversation.item.added', {
      item: { id: 'o', type: 'function_call_output', call_id: 'c', output: 'sunny' },
    })
    expect(applyToHistory(store, output, null)).toMatchObject({ kind: 'updated', item: { output: 'sunny' } })
    expect(applyToHistory(store, output, null)).toBeNull()
    const orphan = ev('conversation.item.added', {
      item: { id: 'o2', type: 'function_call_output', call_id: 'zz', output: 'x' },
    })
    expect(applyToHistory(store, orphan, null)).toBeNull()
    expect(store.size).toBe(1)
  })

  it('streams transcripts and text, and sets the final text', () => {
    const store = storeWith(
      msg({ text: '' }),
      msg({ itemId: 'u', role: 'user', text: '', status: 'in_progress' }),
    )
    applyToHistory(store, ev('response.output_audio_transcript.delta', { item_id: 'm', delta: 'Hel' }), 'A')
    expect(store.get('m')).toMatchObject({ text: 'Hel', modality: 'audio' })
    applyToHistory(store, ev('response.output_text.delta', { item_id: 'm', delta: 'lo' }), 'A')
    expect(store.get('m')).toMatchObject({ text: 'Hello', modality: 'audio' })
    expect(
      applyToHistory(store, ev('response.output_text.delta', { item_id: 'm', delta: '' }), 'A'),
    ).toBeNull()
    applyToHistory(
      store,
      ev('response.output_audio_transcript.done', { item_id: 'm', transcript: 'Hello!' }),
      'A',
    )
    expect(store.get('m')).toMatchObject({ text: 'Hello!', status: 'in_progress' })
    applyToHistory(store, ev('response.output_text.done', { item_id: 'm', text: 'Hello!!' }), 'A')
    expect(store.get('m')?.type === 'message' && store.get('m')).toMatchObject({ text: 'Hello!!' })
    expect(
      applyToHistory(store, ev('response.output_text.done', { item_id: 'm', text: 'Hello!!' }), 'A'),
    ).toBeNull()
    // User transcription: deltas, then the final transcript completes the item.
    applyToHistory(
      store,
      ev('conversation.item.input_audio_transcription.delta', { item_id: 'u', delta: 'wha' }),
      null,
    )
    expect(
      applyToHistory(store, ev('conversation.item.input_audio_transcription.delta', { item_id: 'u' }), null),
    ).toBeNull()
    expect(store.get('u')).toMatchObject({ text: 'wha', modality: 'text' })
    applyToHistory(
      store,
      ev('conversation.item.input_audio_transcription.completed', {
        item_id: 'u',
        content_index: 0,
        transcript: 'what?',
      }),
      null,
    )
    expect(store.get('u')).toMatchObject({ text: 'what?', status: 'completed' })
    // Same text, but the status still moves to completed.
    const again = storeWith(msg({ itemId: 'v', text: 'same', status: 'in_progress' }))
    expect(
      applyToHistory(
        again,
        ev('conversation.item.input_audio_transcription.completed', {
          item_id: 'v',
          content_index: 0,
          transcript: 'same',
        }),
        null,
      ),
    ).toMatchObject({ item: { status: 'completed' } })
  })

  it('leaves a truncated message and non-messages untouched by text events', () => {
    const store = storeWith(msg({ truncated: { audioEndMs: 1 }, text: 'cut' }), callItem())
    expect(
      applyToHistory(
        store,
        ev('response.output_audio_transcript.delta', { item_id: 'm', delta: 'more' }),
        'A',
      ),
    ).toBeNull()
    expect(
      applyToHistory(
        store,
        ev('response.output_audio_transcript.done', { item_id: 'm', transcript: 'all' }),
        'A',
      ),
    ).toBeNull()
    expect(
      applyToHistory(store, ev('response.output_text.delta', { item_id: 'f', delta: 'x' }), 'A'),
    ).toBeNull()
    expect(
      applyToHistory(store, ev('response.output_text.done', { item_id: 'f', text: 'x' }), 'A'),
    ).toBeNull()
    expect(store.get('m')).toMatchObject({ text: 'cut' })
  })

  it('marks a failed transcription once, on messages only', () => {
    const store = storeWith(msg({ itemId: 'u', role: 'user' }), callItem())
    const failed = (id: string) =>
      ev('conversation.item.input_audio_transcription.failed', {
        item_id: id,
        content_index: 0,
        error: { message: 'x' },
      })
    expect(applyToHistory(store, failed('u'), null)).toMatchObject({ item: { transcriptionFailed: true } })
    expect(applyToHistory(store, failed('u'), null)).toBeNull()
    expect(applyToHistory(store, failed('f'), null)).toBeNull()
  })

  it('streams function call arguments and takes the final ones; messages ignore them', () => {
    const store = storeWith(callItem(), msg())
    const delta = (id: string, d: string) =>
      ev('response.function_call_arguments.delta', { item_id: id, call_id: 'c', delta: d })
    applyToHistory(store, delta('f', '{"q":'), 'A')
    applyToHistory(store, delta('f', '1}'), 'A')
    expect(store.get('f')).toMatchObject({ arguments: '{"q":1}' })
    expect(applyToHistory(store, delta('f', ''), 'A')).toBeNull()
    expect(applyToHistory(store, delta('m', 'x'), 'A')).toBeNull()
    const done = (id: string, args: string) =>
      ev('response.function_call_arguments.done', {
        item_id: id,
        call_id: 'c',
        name: 'lookup',
        arguments: args,
      })
    expect(applyToHistory(store, done('f', '{"q":1}'), 'A')).toBeNull()
    expect(applyToHistory(store, done('f', '{"q":2}'), 'A')).toMatchObject({ item: { arguments: '{"q":2}' } })
    expect(applyToHistory(store, done('m', '{}'), 'A')).toBeNull()
  })

  it('deletes items, and ignores events that do not touch the conversation', () => {
    const store = storeWith(msg())
    expect(applyToHistory(store, ev('conversation.item.deleted', { item_id: 'm' }), null)).toMatchObject({
      kind: 'removed',
    })
    expect(store.size).toBe(0)
    expect(
      applyToHistory(
        store,
        ev('input_audio_buffer.speech_started', { item_id: 'x', audio_start_ms: 0 }),
        null,
      ),
    ).toBeNull()
    // A wire event the kit does not act on (the parser passes it on raw) changes nothing either.
    const limits: ServerEvent = { type: 'rate_limits.updated', event_id: 'e', rate_limits: [] }
    expect(applyToHistory(store, limits, null)).toBeNull()
  })
})
