import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  type ClientEvent,
  type RawServerEvent,
  RealtimeAgent,
  type RealtimeError,
  RealtimeRunner,
  RealtimeSession,
  type RealtimeSessionEvent,
  type Recording,
  ReplayTransport,
} from '../../src/core'
import { engineOf } from '../../src/core/session'
import { ManualClock } from '../../src/testing'

interface Capture {
  events: { provenance: string; event: RawServerEvent }[]
}
const capture: Capture = JSON.parse(
  readFileSync(new URL('../fixtures/traffic/sip-gateway-ga.json', import.meta.url), 'utf8'),
)
const events = capture.events.map((e) => e.event)
const bargeIn = events.findIndex((e, i) => i > 5 && e.type === 'input_audio_buffer.speech_started')
const AUDIO_MS = 100 // each captured audio delta holds 100 ms of pcm16 at 24 kHz

/**
 * The capture as a recording. It has no timestamps: the server streamed the whole answer (its
 * response.done came before the user spoke again) while the phone still played it, so everything
 * up to the barge-in arrives at once and the barge-in when `heardMs` of the answer had played.
 * session.created comes first, alone, so that listeners attach before the rest arrives.
 */
function asRecording(heardMs: number): Recording {
  return {
    startedAt: '2025-12-31T00:00:00.000Z',
    entries: events.map((event, i) => ({
      t: i < bargeIn ? 0 : heardMs,
      dir: 'in',
      frame: JSON.stringify(event),
    })),
  }
}

/** A session on the replay, listened to from before its first event; returns once `heardMs` passed. */
async function replay(heardMs: number) {
  const clock = new ManualClock()
  const transport = new ReplayTransport(asRecording(heardMs), { clock })
  const sent: ClientEvent[] = []
  const seen: RealtimeSessionEvent[] = []
  const session = new RealtimeSession({
    agent: new RealtimeAgent({ name: 'Phone', instructions: 'Keep answers short.' }),
    transport: {
      connect: (options, handlers) => transport.connect(options, handlers),
      send: (event) => void sent.push(event),
      close: (code, reason) => transport.close(code, reason),
    },
    clock,
  })
  session.on('*', (e) => seen.push(e))
  await transport.connect(
    { url: 'replay:', auth: { kind: 'clientSecret', value: 'replay' } },
    engineOf(session).handlers,
  )
  await clock.advance(1 + heardMs)
  return { session, seen, sent, clock }
}

describe('replaying live GA traffic (sip-gateway-ga.json)', () => {
  it('builds the history of the real conversation, cut where the user barged in', async () => {
    const { session } = await replay(300)
    const done = events.find((e) => e.type === 'response.output_audio_transcript.done')
    const full = String(done?.transcript)
    expect(session.history.map((i) => i.itemId)).toEqual([
      'item_Ct1OXLqYLre7VW2Bz9Eoy',
      'item_Ct1OZd4ZkrcbhoRueeC2O',
      'item_Ct1OhVepyDFpDovHrgmNp',
      'item_Ct1OkNEvGW5s0xZERnV95',
    ])
    const [user, answer, user2, answer2] = session.history
    // The live API sends `transcript: null` for user audio when transcription is off.
    expect(user).toMatchObject({
      type: 'message',
      role: 'user',
      text: '',
      modality: 'audio',
      status: 'completed',
    })
    expect(answer).toMatchObject({
      role: 'assistant',
      modality: 'audio',
      status: 'incomplete',
      truncated: { audioEndMs: 300 },
      agentName: 'Phone',
    })
    // 300 of the 600 ms received were heard: the transcript keeps the first half, at a word boundary.
    const text = answer?.type === 'message' ? answer.text : ''
    expect(full.startsWith(text)).toBe(true)
    expect(text.length).toBeGreaterThan(full.length * 0.4)
    expect(text.length).toBeLessThanOrEqual(full.length * 0.5)
    expect(user2).toMatchObject({ role: 'user', text: '', status: 'completed' })
    expect(answer2).toMatchObject({ role: 'assistant', text: 'The highest', status: 'in_progress' })
    session.close()
  })

  it('emits the events the session promises, and no error', async () => {
    const { session, seen, sent } = await replay(300)
    const count = (type: string) => seen.filter((e) => e.type === type).length
    expect(count('error')).toBe(0)
    expect(count('raw_model_event')).toBe(events.length)
    expect(count('audio')).toBe(6)
    expect(count('audio_end')).toBe(1)
    expect(seen.filter((e) => e.type === 'audio_interrupted')).toMatchObject([
      { itemId: 'item_Ct1OZd4ZkrcbhoRueeC2O', contentIndex: 0 },
    ])
    expect(sent.filter((e) => e.type === 'conversation.item.truncate')).toEqual([
      {
        type: 'conversation.item.truncate',
        item_id: 'item_Ct1OZd4ZkrcbhoRueeC2O',
        content_index: 0,
        audio_end_ms: 300,
      },
    ])
    expect(count('history_added')).toBe(4)
    expect(session.status).toBe('thinking') // the capture ends inside the second answer
    session.close()
  })

  it('counts the usage the server reported', async () => {
    const { session } = await replay(300)
    expect(session.usage).toMatchObject({
      requests: 1,
      inputTokens: 132,
      outputTokens: 188,
      totalTokens: 320,
    })
    session.close()
  })

  it('does not cut an answer that had fully played before the user spoke again', async () => {
    const { session, seen, sent } = await replay(6 * AUDIO_MS + 50)
    expect(seen.filter((e) => e.type === 'audio_interrupted')).toEqual([])
    expect(sent.filter((e) => e.type === 'conversation.item.truncate')).toEqual([])
    expect(session.history[1]).toMatchObject({ status: 'completed', truncated: null })
    session.close()
  })
})

describe('replaying the live API error events', () => {
  const published: { exchanges: { response: RawServerEvent }[] } = JSON.parse(
    readFileSync(new URL('../fixtures/traffic/live-errors.json', import.meta.url), 'utf8'),
  )

  it('reports each as a typed error with the server code and ids, and the session goes on', async () => {
    const clock = new ManualClock()
    const created = events[0]!
    const recording: Recording = {
      startedAt: '',
      entries: [created, ...published.exchanges.map((x) => x.response)].map((event, i) => ({
        t: i === 0 ? 0 : 1,
        dir: 'in' as const,
        frame: JSON.stringify(event),
      })),
    }
    const errors: RealtimeError[] = []
    const running = new RealtimeRunner(new RealtimeAgent({ name: 'E' })).run({
      clientSecret: 'replay',
      transport: new ReplayTransport(recording, { clock }),
      clock,
    })
    await clock.advance(0)
    const session = await running
    session.on('error', (e) => errors.push(e.error))
    await clock.advance(1)
    expect(errors.map((e) => [e.code, e.serverCode, e.eventId, e.clientEventId])).toEqual([
      ['server_error', 'invalid_value', 'event_…', null],
      ['server_error', 'unknown_parameter', 'event_…', null],
      ['server_error', 'invalid_json', 'event_…', null],
      ['server_error', 'invalid_event', 'event_…', null],
    ])
    expect(session.status).toBe('listening')
    session.close()
  })
})
