import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { encodeBase64 } from '../../src/core/codec'
import type { RawServerEvent } from '../../src/core/protocol'
import { checkEvent, ManualClock, RealtimeSimulator, type SimulatorOptions, say } from '../../src/testing'
import { frames, tone } from '../helpers/audio'
import { compileSchemasFirst } from '../helpers/schemas'

const capture: { events: { event: RawServerEvent }[] } = JSON.parse(
  readFileSync(new URL('../fixtures/traffic/sip-gateway-ga.json', import.meta.url), 'utf8'),
)
const live = capture.events.map((e) => e.event)
const liveErrors: { exchanges: { request: string | { binary: true }; response: RawServerEvent }[] } =
  JSON.parse(readFileSync(new URL('../fixtures/traffic/live-errors.json', import.meta.url), 'utf8'))

/** A simulator on a manual clock: client events in as objects, server events collected. */
function drive(options: SimulatorOptions = {}) {
  const clock = new ManualClock()
  const events: RawServerEvent[] = []
  const closes: string[] = []
  const sim = new RealtimeSimulator(
    (e) => events.push(e),
    { clock, ...options },
    (_code, reason) => closes.push(reason),
  )
  sim.open()
  const send = (event: object) => sim.receive(JSON.stringify(event))
  const of = (type: string) => events.filter((e) => e.type === type)
  const speak = (bytes: Uint8Array) => {
    for (const frame of frames(bytes)) send({ type: 'input_audio_buffer.append', audio: encodeBase64(frame) })
  }
  return { sim, send, of, speak, events, clock, closes }
}

/** Event types in order, each run of one type (the deltas) kept once. */
function shape(events: readonly RawServerEvent[]): string[] {
  const types = events.map((e) => e.type).filter((t) => t !== 'response.output_audio.delta')
  return types.filter((t, i) => t !== types[i - 1])
}

/** Every field path of a value (array items merged), e.g. `response.usage.input_token_details.text_tokens`. */
function paths(value: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) paths(item, `${prefix}[]`, out)
  else if (typeof value === 'object' && value !== null)
    for (const [key, child] of Object.entries(value)) {
      const path = prefix ? `${prefix}.${key}` : key
      out.add(path)
      paths(child, path, out)
    }
  return out
}

/** A spoken turn on the simulator: half a second of speech, then silence for the VAD. */
async function spokenTurn() {
  const run = drive({
    scenario: { turns: [{ user: 'Tell me a story.', replies: [say('Once upon a time.')] }] },
  })
  run.speak(tone(300, 0))
  run.speak(tone(500, 0.3))
  run.speak(tone(800, 0))
  await run.clock.runAll()
  return run
}

compileSchemasFirst()

describe('the simulator against live GA traffic', () => {
  it('sends a spoken turn in the order the live API does', async () => {
    const { events } = await spokenTurn()
    const liveTurn = live.slice(2, live.findIndex((e) => e.type === 'rate_limits.updated') + 1)
    expect(shape(events.slice(1))).toEqual(shape(liveTurn))
  })

  it('sends, for every event type the capture holds, exactly the fields the live API sends (nulls included)', async () => {
    const { events } = await spokenTurn()
    const byType = new Map<string, Set<string>>()
    for (const event of live) byType.set(event.type, paths(event, '', byType.get(event.type)))
    const compared: string[] = []
    for (const type of new Set(events.map((e) => e.type))) {
      const expected = byType.get(type)
      if (!expected) continue
      const sent = new Set<string>()
      for (const event of events.filter((e) => e.type === type)) paths(event, '', sent)
      compared.push(type)
      const extra = [...sent].filter((p) => !expected.has(p))
      const missing = [...expected].filter((p) => !sent.has(p))
      expect({ type, extra, missing }).toEqual({ type, extra: [], missing: [] })
    }
    expect(compared.length).toBeGreaterThanOrEqual(15)
  })

  it('follows every response with rate_limits.updated', async () => {
    const { events } = await spokenTurn()
    const done = events.findIndex((e) => e.type === 'response.done')
    expect(events[done + 1]).toMatchObject({
      type: 'rate_limits.updated',
      rate_limits: [{ name: 'tokens', limit: expect.any(Number), remaining: expect.any(Number) }],
    })
  })

  it('answers invalid requests with the live error events', () => {
    const { sim, of } = drive()
    for (const { request } of liveErrors.exchanges)
      sim.receive(typeof request === 'string' ? request : new Uint8Array([1, 2, 3]))
    const sent = of('error').map((e) => e.error as Record<string, unknown>)
    const expected = liveErrors.exchanges.map((x) => x.response.error as Record<string, unknown>)
    expect(sent).toHaveLength(expected.length)
    for (const [i, error] of sent.entries()) {
      const { message, ...rest } = expected[i]!
      expect(error).toMatchObject(rest)
      // The capture shortened the list of supported types with "...".
      expect(error.message).toMatch(
        new RegExp(
          `^${String(message)
            .replace(/\.\.\.$/, '')
            .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`,
        ),
      )
    }
  })

  it('accepts the nulls the live API accepts in session.update, and turns those settings off', async () => {
    const { send, of, speak, clock } = drive()
    send({
      type: 'session.update',
      session: {
        type: 'realtime',
        audio: { input: { noise_reduction: null, transcription: null, turn_detection: null } },
      },
    })
    expect(of('error')).toEqual([])
    expect(of('session.updated')[0]!.session).toMatchObject({
      audio: { input: { noise_reduction: null, transcription: null, turn_detection: null } },
    })
    speak(tone(500, 0.3))
    speak(tone(800, 0))
    await clock.runAll()
    expect(of('input_audio_buffer.speech_started')).toEqual([]) // no turn detection
  })

  it('streams a text-only session as response.output_text.*', async () => {
    const { send, of, events, clock } = drive({ scenario: { turns: [{ replies: [say('Plain text.')] }] } })
    send({ type: 'session.update', session: { type: 'realtime', output_modalities: ['text'] } })
    send({
      type: 'conversation.item.create',
      item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hi' }] },
    })
    send({ type: 'response.create' })
    await clock.runAll()
    expect(
      of('response.output_text.delta')
        .map((e) => e.delta)
        .join(''),
    ).toBe('Plain text.')
    expect(of('response.output_text.done')[0]).toMatchObject({ text: 'Plain text.' })
    expect(events.some((e) => e.type.startsWith('response.output_audio'))).toBe(false)
    expect(of('response.done')[0]!.response).toMatchObject({ output_modalities: ['text'] })
  })

  it('transcribes speech with deltas and the transcript, or fails as scripted', async () => {
    const run = drive({
      scenario: {
        turns: [
          { user: 'Hello there', replies: [say('Hi.')] },
          { user: 'mumble', transcriptionFails: true, replies: [say('Sorry?')] },
        ],
      },
    })
    run.send({
      type: 'session.update',
      session: { type: 'realtime', audio: { input: { transcription: { model: 'gpt-4o-mini-transcribe' } } } },
    })
    for (let turn = 0; turn < 2; turn++) {
      run.speak(tone(500, 0.3))
      run.speak(tone(800, 0))
      await run.clock.runAll()
    }
    expect(run.of('conversation.item.input_audio_transcription.delta').map((e) => e.delta)).toEqual([
      'Hello ',
      'there',
    ])
    for (const delta of run.of('conversation.item.input_audio_transcription.delta'))
      expect(delta.obfuscation).toEqual(expect.any(String))
    expect(run.of('conversation.item.input_audio_transcription.completed')).toMatchObject([
      { transcript: 'Hello there' },
    ])
    expect(run.of('conversation.item.input_audio_transcription.failed')).toMatchObject([
      { error: { type: 'transcription_error', code: 'audio_unintelligible' } },
    ])
    for (const event of run.events) expect(checkEvent('server', event, 'closed')).toBeNull()
  })

  it('ends the session when its time is up: an error, then the connection closes', async () => {
    const { of, clock, closes, send } = drive({ sessionDurationMs: 30 * 60_000 })
    expect(of('session.created')[0]!.session).toMatchObject({ expires_at: 30 * 60 })
    await clock.advance(30 * 60_000 - 1)
    expect(of('error')).toEqual([])
    await clock.advance(1)
    expect(of('error')).toMatchObject([
      {
        error: {
          type: 'invalid_request_error',
          code: 'session_expired',
          message: expect.stringMatching(/30 minutes/),
        },
      },
    ])
    expect(closes).toEqual(['session_expired'])
    send({ type: 'response.create' })
    expect(of('response.created')).toEqual([])
  })
})
