import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RealtimeAgent, type RealtimeSession, systemClock, tool } from '../../src/core'
import { offlineSession } from '../helpers/pushTransport'

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

/** Frames that are not events at all: not JSON, not an object, no string `type`. */
const notAnEvent = fc.oneof(
  fc.string().filter((s) => {
    try {
      const v = JSON.parse(s)
      return typeof v !== 'object' || v === null || Array.isArray(v) || typeof v.type !== 'string'
    } catch {
      return true
    }
  }),
  fc
    .oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.nat(), { maxLength: 3 }))
    .map((v) => JSON.stringify(v)),
  fc
    .record({ type: fc.oneof(fc.integer(), fc.constant(null)), item_id: itemId })
    .map((v) => JSON.stringify(v)),
)

/** Known types missing a field the kit reads (or with the wrong JSON type). */
const brokenKnown = fc
  .oneof(
    fc.record({
      type: fc.constant('response.output_audio.delta'),
      response_id: fc.constant('r1'),
      item_id: itemId,
    }),
    fc.record({
      type: fc.constant('conversation.item.added'),
      item: fc.oneof(fc.string(), fc.constant(null)),
    }),
    fc.record({ type: fc.constant('response.done'), response: fc.oneof(fc.nat(), fc.constant(null)) }),
    fc.record({ type: fc.constant('error'), error: fc.string() }),
    fc.record({
      type: fc.constant('conversation.item.truncated'),
      item_id: itemId,
      audio_end_ms: fc.string(),
    }),
  )
  .map((v) => JSON.stringify(v))

/** Event types the kit does not act on: passed on as raw events, never an error. */
const unknownType = fc
  .record({ type: fc.constantFrom('rate_limits.updated', 'future.event', 'x'), payload: fc.json() })
  .map((v) => JSON.stringify(v))

type Frame = { kind: 'valid' | 'not_event' | 'broken' | 'unknown'; message: string }
const frame: fc.Arbitrary<Frame> = fc.oneof(
  validEvent.map((e) => ({ kind: 'valid' as const, message: JSON.stringify(e) })),
  notAnEvent.map((message) => ({ kind: 'not_event' as const, message })),
  brokenKnown.map((message) => ({ kind: 'broken' as const, message })),
  unknownType.map((message) => ({ kind: 'unknown' as const, message })),
)

function fuzzSession() {
  const lookup = tool({
    name: 'lookup',
    description: 'l',
    parameters: { type: 'object', properties: { q: { type: 'string' } } },
    execute: () => 'found',
  })
  const other = new RealtimeAgent({ name: 'Other' })
  return offlineSession(new RealtimeAgent({ name: 'Fuzz', tools: [lookup], handoffs: [other] }), {
    clock: { ...systemClock, now: () => 0 },
  })
}

const ADDS = new Set([
  'conversation.item.added',
  'conversation.item.done',
  'response.output_item.added',
  'response.output_item.done',
])

/** Which item ids must be in the history after these events: the last add or delete of each id decides. */
function expectedIds(events: unknown[]): Set<string> {
  const present = new Set<string>()
  for (const e of events as { type: string; item?: { id: string; type: string }; item_id?: string }[]) {
    if (ADDS.has(e.type) && e.item && e.item.type !== 'function_call_output') present.add(e.item.id)
    if (e.type === 'conversation.item.deleted' && e.item_id) present.delete(e.item_id)
  }
  return present
}

function checkInvariants(session: RealtimeSession, arrived: unknown[]) {
  const items = session.history
  const ids = items.map((i) => i.itemId)
  expect(new Set(ids).size, 'item ids are unique').toBe(ids.length)
  expect(new Set(ids), 'the history holds exactly the items that arrived and were not deleted').toEqual(
    expectedIds(arrived),
  )
  expect(session.stores.conversation.getSnapshot().ids).toEqual(ids)
  expect(Object.isFrozen(items)).toBe(true)
  for (const item of items) if (item.type === 'message') expect(typeof item.text).toBe('string')
}

/** After any prefix, a normal answer still lands in the history. */
function stillWorks(push: (e: unknown) => void, session: RealtimeSession) {
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
  ])
    push(e)
  expect(session.history.find((i) => i.itemId === id)).toMatchObject({
    text: 'still here',
    status: 'completed',
  })
}

// Mutation testing runs every test once per mutant: it asks for fewer sequences (FUZZ_RUNS).
const runs = (full: number) => Math.min(full, Number(process.env.FUZZ_RUNS ?? full))
// Thousands of sequences are seconds of CPU, many more on a loaded machine: the bound only catches a hang.
const FUZZ_TIMEOUT_MS = 120_000

describe('fuzzing the session with server events', () => {
  it(
    'valid events in random order, duplicated: the history is what arrived, and the next turn works (6,000 sequences)',
    () => {
      fc.assert(
        fc.property(fc.array(validEvent, { maxLength: 25 }), fc.nat(), (events, seed) => {
          const { session, transport } = fuzzSession()
          const invalid: unknown[] = []
          session.on('error', (e) => e.error.code === 'invalid_server_event' && invalid.push(e.error.details))
          // Duplicate some events and replay them out of order.
          const replay = [...events, ...events.filter((_, i) => (i + seed) % 3 === 0)].sort(
            (a, b) => ((JSON.stringify(a).length + seed) % 7) - ((JSON.stringify(b).length + seed) % 7),
          )
          for (const event of replay) transport.push(event)
          expect(invalid, 'well-formed events are applied, never rejected').toEqual([])
          checkInvariants(session, replay)
          stillWorks((e) => transport.push(e), session)
          session.close()
        }),
        { numRuns: runs(6000) },
      )
    },
    FUZZ_TIMEOUT_MS,
  )

  it(
    'junk mixed with valid events: one typed error per malformed frame, raw data attached, nothing lost (4,000 sequences)',
    () => {
      fc.assert(
        fc.property(fc.array(frame, { maxLength: 20 }), (frames) => {
          const { session, transport } = fuzzSession()
          const invalid: { data?: unknown }[] = []
          const raw: string[] = []
          session.on('error', (e) => e.error.code === 'invalid_server_event' && invalid.push(e.error.details))
          session.on('raw_model_event', (e) => raw.push(e.data.type))
          for (const f of frames) transport.push(f.message)
          const malformed = frames.filter((f) => f.kind === 'not_event' || f.kind === 'broken')
          expect(invalid.length, 'one invalid_server_event per malformed frame').toBe(malformed.length)
          expect(
            invalid.map((d) => d.data),
            'each error carries the frame',
          ).toEqual(malformed.map((f) => f.message.slice(0, 500)))
          const unknown = frames.filter((f) => f.kind === 'unknown').map((f) => JSON.parse(f.message).type)
          for (const type of unknown) expect(raw).toContain(type)
          checkInvariants(
            session,
            frames.filter((f) => f.kind === 'valid').map((f) => JSON.parse(f.message)),
          )
          stillWorks((e) => transport.push(e), session)
          session.close()
        }),
        { numRuns: runs(4000) },
      )
    },
    FUZZ_TIMEOUT_MS,
  )
})
