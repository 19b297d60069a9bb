import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RealtimeAgent, RealtimeSession, systemClock, tool } from '../../src/core'
import type { ClientEvent } from '../../src/core/protocol'
import type { RealtimeTransport } from '../../src/core/transport'

// A few ids shared by every generated event, so events collide, repeat and arrive out of order.
const itemId = fc.constantFrom('i1', 'i2', 'i3', 'fc1')
const callId = fc.constantFrom('c1', 'c2')
const text = fc.string({ maxLength: 12 })
const role = fc.constantFrom('user', 'assistant', 'system')
const status = fc.constantFrom('in_progress', 'completed', 'incomplete')

const messageItem = fc.record({
  id: itemId,
  type: fc.constant('message'),
  role,
  status,
  content: fc.array(
    fc.record({
      type: fc.constantFrom('input_text', 'output_text', 'output_audio', 'input_audio'),
      text,
      transcript: text,
    }),
    { maxLength: 2 },
  ),
})
const callItem = fc.record({
  id: itemId,
  type: fc.constant('function_call'),
  status,
  call_id: callId,
  name: fc.constantFrom('lookup', 'missing', 'transfer_to_other'),
  arguments: fc.constantFrom('{}', '{"q":"x"}', '{bad', ''),
})
const outputItem = fc.record({
  id: itemId,
  type: fc.constant('function_call_output'),
  call_id: callId,
  output: text,
})
const anyItem = fc.oneof(messageItem, callItem, outputItem)

/** Well-formed events of the types the session acts on, over the shared ids. */
const validEvent = fc.oneof(
  fc.record({
    type: fc.constant('conversation.item.added'),
    previous_item_id: fc.option(itemId),
    item: anyItem,
  }),
  fc.record({ type: fc.constant('conversation.item.done'), item: anyItem }),
  fc.record({ type: fc.constant('conversation.item.deleted'), item_id: itemId }),
  fc.record({
    type: fc.constant('conversation.item.truncated'),
    item_id: itemId,
    content_index: fc.nat(1),
    audio_end_ms: fc.nat(5000),
  }),
  fc.record({
    type: fc.constant('conversation.item.input_audio_transcription.delta'),
    item_id: itemId,
    delta: text,
  }),
  fc.record({
    type: fc.constant('conversation.item.input_audio_transcription.completed'),
    item_id: itemId,
    transcript: text,
  }),
  fc.record({
    type: fc.constant('response.created'),
    response: fc.record({ id: fc.constantFrom('r1', 'r2') }),
  }),
  fc.record({
    type: fc.constant('response.output_item.added'),
    response_id: fc.constant('r1'),
    item: anyItem,
  }),
  fc.record({
    type: fc.constant('response.output_item.done'),
    response_id: fc.constant('r1'),
    item: anyItem,
  }),
  fc.record({
    type: fc.constant('response.output_audio.delta'),
    response_id: fc.constant('r1'),
    item_id: itemId,
    content_index: fc.nat(1),
    delta: fc.constantFrom('AAAA', 'AAAAAAAA', ''),
  }),
  fc.record({
    type: fc.constant('response.output_audio.done'),
    response_id: fc.constant('r1'),
    item_id: itemId,
    content_index: fc.nat(1),
  }),
  fc.record({ type: fc.constant('response.output_audio_transcript.delta'), item_id: itemId, delta: text }),
  fc.record({
    type: fc.constant('response.output_audio_transcript.done'),
    item_id: itemId,
    transcript: text,
  }),
  fc.record({ type: fc.constant('response.output_text.delta'), item_id: itemId, delta: text }),
  fc.record({
    type: fc.constant('response.function_call_arguments.delta'),
    item_id: itemId,
    call_id: callId,
    delta: text,
  }),
  fc.record({
    type: fc.constant('response.function_call_arguments.done'),
    item_id: itemId,
    call_id: callId,
    name: fc.constantFrom('lookup', 'missing'),
    arguments: fc.constantFrom('{}', '{"q":"x"}', '{bad'),
  }),
  fc.record({
    type: fc.constant('response.done'),
    response: fc.record({
      id: fc.constantFrom('r1', 'r2'),
      status: fc.constantFrom('completed', 'cancelled', 'failed', 'incomplete'),
    }),
  }),
  fc.record({
    type: fc.constant('input_audio_buffer.speech_started'),
    item_id: itemId,
    audio_start_ms: fc.nat(1000),
  }),
  fc.record({
    type: fc.constant('error'),
    error: fc.record({ type: fc.constant('invalid_request_error'), message: text, code: fc.option(text) }),
  }),
)

/** Anything at all: broken JSON, arrays, known types with wrong fields, unknown types. */
const malformed = fc.oneof(
  fc.string().map((s) => s),
  fc.json(),
  fc.anything().map((v) => JSON.stringify(v) ?? 'undefined'),
  fc
    .record({
      type: fc.constantFrom(
        'response.output_audio.delta',
        'conversation.item.added',
        'response.done',
        'error',
      ),
      item: fc.anything(),
      delta: fc.anything(),
      response: fc.anything(),
    })
    .map((e) => JSON.stringify(e)),
  fc.record({ type: fc.string(), payload: fc.anything() }).map((e) => JSON.stringify(e)),
)

function offlineSession() {
  const sent: ClientEvent[] = []
  const transport: RealtimeTransport = { connect: async () => {}, send: (e) => sent.push(e), close: () => {} }
  const lookup = tool({
    name: 'lookup',
    description: 'l',
    parameters: { type: 'object', properties: { q: { type: 'string' } } },
    execute: () => 'found',
  })
  const other = new RealtimeAgent({ name: 'Other' })
  const session = new RealtimeSession({
    agent: new RealtimeAgent({ name: 'Fuzz', tools: [lookup], handoffs: [other] }),
    transport,
    clock: { ...systemClock, now: () => 0 },
  })
  session.receive(JSON.stringify({ type: 'session.created', session: { type: 'realtime' } }))
  return { session, sent }
}

function checkInvariants(session: RealtimeSession) {
  const items = session.history
  const ids = items.map((i) => i.itemId)
  expect(new Set(ids).size, 'item ids are unique').toBe(ids.length)
  expect(session.getSnapshot().history).toBe(items)
  for (const item of items) {
    expect(Object.isFrozen(items)).toBe(true)
    if (item.type === 'message') expect(typeof item.text).toBe('string')
  }
}

/** After any prefix, a normal answer still lands in the history. */
function stillWorks(session: RealtimeSession) {
  const id = `fresh_${Math.random().toString(36).slice(2)}`
  for (const e of [
    { type: 'response.created', response: { id: 'rf' } },
    {
      type: 'response.output_item.added',
      response_id: 'rf',
      item: { id, type: 'message', role: 'assistant', status: 'in_progress', content: [] },
    },
    { type: 'response.output_audio_transcript.delta', item_id: id, delta: 'still ' },
    { type: 'response.output_audio_transcript.delta', item_id: id, delta: 'here' },
    { type: 'response.done', response: { id: 'rf', status: 'completed' } },
  ]) {
    session.receive(JSON.stringify(e))
  }
  expect(session.history.find((i) => i.itemId === id)).toMatchObject({
    text: 'still here',
    status: 'completed',
  })
}

describe('fuzzing the session with server events', () => {
  it('valid events in random order, duplicated: never throws, history stays consistent (6,000 sequences)', () => {
    fc.assert(
      fc.property(fc.array(validEvent, { maxLength: 25 }), fc.nat(), (events, seed) => {
        const { session } = offlineSession()
        // Duplicate some events and replay them out of order.
        const replay = [...events, ...events.filter((_, i) => (i + seed) % 3 === 0)].sort(
          (a, b) => ((JSON.stringify(a).length + seed) % 7) - ((JSON.stringify(b).length + seed) % 7),
        )
        for (const event of replay) expect(() => session.receive(JSON.stringify(event))).not.toThrow()
        checkInvariants(session)
        stillWorks(session)
        session.close()
      }),
      { numRuns: 6000 },
    )
  })

  it('malformed and unknown input mixed with valid events: reported, never thrown (4,000 sequences)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            validEvent.map((e) => JSON.stringify(e)),
            malformed,
          ),
          { maxLength: 20 },
        ),
        (messages) => {
          const { session } = offlineSession()
          const errors: string[] = []
          session.on('error', (e) => errors.push(e.error.code))
          for (const message of messages) expect(() => session.receive(message)).not.toThrow()
          for (const code of errors)
            expect([
              'invalid_server_event',
              'server_error',
              'tool_not_found',
              'tool_invalid_arguments',
            ]).toContain(code)
          checkInvariants(session)
          stillWorks(session)
          session.close()
        },
      ),
      { numRuns: 4000 },
    )
  })
})
