import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import {
  RealtimeAgent,
  RealtimeRunner,
  type RealtimeSessionEvent,
  type RealtimeSessionEventOf,
  type RealtimeSessionEventType,
  tool,
} from '../../src/core'
import { callTool, checkEvent, createSimulatorTransport, type Scenario, say } from '../../src/testing'
import { frames, tone } from '../helpers/audio'
import { compileSchemasFirst } from '../helpers/schemas'

const STORY = 'Once upon a time a small robot learned to listen before it spoke, and everyone liked it.'

const scenario: Scenario = {
  turns: [
    {
      replies: [callTool('get_weather', { city: 'Tokyo' }), (ctx) => say(`Here it is: ${ctx.toolOutput}`)],
    },
    { user: 'Wait, stop.', replies: [say(STORY)] },
    { replies: [say('Okay, I stopped.')] },
  ],
}

const getWeather = tool({
  name: 'get_weather',
  description: 'The weather in a city',
  parameters: z.object({ city: z.string() }),
  execute: async ({ city }) => {
    await Promise.resolve() // a tool that awaits, as real ones do
    return `sunny in ${city}`
  },
})

compileSchemasFirst()

// The platform's timers are frozen and never advanced: the turn must complete on the manual clock
// alone, so nothing in it depends on how fast the machine is.
beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

async function start() {
  const clientProblems: string[] = []
  const { transport, clock } = createSimulatorTransport({
    pace: 'realtime',
    chunkMs: 100,
    scenario,
    onClientEvent: (event, problem) =>
      problem && clientProblems.push(`${problem} in ${JSON.stringify(event)}`),
  })
  const agent = new RealtimeAgent({
    name: 'Forecaster',
    instructions: 'Answer briefly.',
    tools: [getWeather],
  })
  const session = await new RealtimeRunner(agent).run({ apiKey: 'test', transport, clock })
  const events: RealtimeSessionEvent[] = []
  session.on('*', (event) => events.push(event))
  const of = <T extends RealtimeSessionEventType>(type: T) =>
    events.filter((e): e is RealtimeSessionEventOf<T> => e.type === type)
  const serverEvents = (type: string) => transport.serverEvents.filter((e) => e.type === type)
  const conforms = () => {
    expect(clientProblems, 'client events that fail the official schema').toEqual([])
    const bad = transport.serverEvents.map((e) => checkEvent('server', e, 'closed')).filter(Boolean)
    expect(bad, 'server events that fail the official schema').toEqual([])
  }
  return { session, transport, clock, events, of, serverEvents, conforms }
}

describe('a full turn through the runner on the in-memory transport and a manual clock', () => {
  it('answers a typed message with a tool call, then streams transcript and audio in step with the clock', async () => {
    const { session, transport, clock, of, serverEvents, conforms } = await start()
    expect(session.status).toBe('listening')
    expect(clock.now()).toBe(0)

    const sentBefore = transport.serverEvents.length
    session.sendMessage('What is the weather in Tokyo?')
    expect(transport.serverEvents).toHaveLength(sentBefore) // delivered in a microtask, not synchronously
    expect(of('history_added')).toHaveLength(0)
    await clock.flush()
    expect(session.status).toBe('thinking')
    expect(of('history_added')[0]?.item).toMatchObject({
      role: 'user',
      text: 'What is the weather in Tokyo?',
    })
    expect(of('tool_start')).toHaveLength(0) // the model has not answered yet: no time has passed

    await clock.advance(100) // the first response: one function call
    expect(of('tool_start')).toMatchObject([{ tool: { name: 'get_weather' }, arguments: { city: 'Tokyo' } }])
    expect(of('tool_end')).toMatchObject([{ output: 'sunny in Tokyo' }])
    const call = serverEvents('response.function_call_arguments.done')[0]!
    const output = transport.clientEvents.find(
      (e) => e.type === 'conversation.item.create' && e.item.type === 'function_call_output',
    )
    expect(output).toMatchObject({ item: { call_id: call.call_id, output: 'sunny in Tokyo' } })
    expect(serverEvents('response.created')).toHaveLength(2) // the answer to the tool output started
    expect(of('audio')).toHaveLength(0)

    await clock.advance(100) // the answer's first chunk
    expect(of('audio')).toHaveLength(1)
    expect(session.status).toBe('speaking')
    await clock.advance(500)
    expect(of('audio')).toHaveLength(6)

    await clock.runAll()
    const answer = 'Here it is: sunny in Tokyo' // 26 characters of speech: 1690 ms, 17 chunks
    const deltas = serverEvents('response.output_audio_transcript.delta').map((e) => e.delta)
    expect(deltas.length).toBeGreaterThan(1)
    expect(deltas.join('')).toBe(answer)
    const audio = of('audio')
    expect(audio).toHaveLength(17)
    expect(audio.reduce((bytes, e) => bytes + e.data.byteLength, 0)).toBe(1690 * 48) // pcm16 at 24 kHz
    expect(of('audio_end')).toHaveLength(1)
    expect(session.history.at(-1)).toMatchObject({ role: 'assistant', text: answer, status: 'completed' })
    expect(session.status).toBe('listening')
    expect(clock.now()).toBe(1900) // 100 ms before the call, 100 before the first chunk, 17 chunks of 100 ms
    expect(clock.pendingTimers).toBe(0)
    const seen = of('raw_model_event').map((e) => e.data)
    expect(seen).toEqual(transport.serverEvents.slice(-seen.length)) // every event, in the order sent
    conforms()

    session.close()
    await clock.flush()
    expect(transport.connected).toBe(false)
    expect(vi.getTimerCount()).toBe(0) // no platform timer was left behind either
  })

  it('interrupt() cuts the answer at what was played by the clock and truncates it there', async () => {
    const { session, transport, clock, events, of, serverEvents, conforms } = await start()
    session.sendMessage('Weather?')
    await clock.runAll() // the first turn, as above
    const began = clock.now()
    const heard = of('audio').length
    session.sendMessage('Tell me a story.')
    await clock.advance(100 + 250) // 3 chunks received (300 ms), played from their arrival: 250 ms heard
    expect(of('audio').length - heard).toBe(3)
    expect(clock.now()).toBe(began + 350)

    session.interrupt()
    const interrupted = of('audio_interrupted')
    expect(interrupted).toHaveLength(1)
    const itemId = interrupted[0]!.itemId
    const truncate = transport.clientEvents.filter((e) => e.type === 'conversation.item.truncate')
    expect(truncate).toEqual([
      { type: 'conversation.item.truncate', item_id: itemId, content_index: 0, audio_end_ms: 250 },
    ])
    expect(transport.clientEvents.filter((e) => e.type === 'response.cancel')).toHaveLength(1)

    await clock.runAll()
    expect(serverEvents('conversation.item.truncated').at(-1)).toMatchObject({
      item_id: itemId,
      audio_end_ms: 250,
    })
    expect(serverEvents('response.done').at(-1)).toMatchObject({
      response: { status: 'cancelled', status_details: { reason: 'client_cancelled' } },
    })
    const after = events.slice(events.indexOf(interrupted[0]!))
    expect(after.filter((e) => e.type === 'audio')).toEqual([])
    const item = session.history.find((i) => i.itemId === itemId)
    expect(item).toMatchObject({ truncated: { audioEndMs: 250 }, status: 'incomplete' })
    expect((item as { text: string }).text.length).toBeLessThan(STORY.length / 2)
    expect(session.status).toBe('listening')
    conforms()
    session.close()
  })

  it('a spoken turn interrupts the answer (barge-in) and gets its own answer', async () => {
    const { session, transport, clock, of, serverEvents, conforms } = await start()
    session.sendMessage('Weather?')
    await clock.runAll()
    session.sendMessage('Tell me a story.')
    await clock.advance(300) // chunks at +100, +200 and +300 ms

    for (const frame of frames(tone(300, 0.3))) session.sendAudio(frame) // the user talks over it
    await clock.flush()
    expect(serverEvents('input_audio_buffer.speech_started')).toHaveLength(1)
    expect(of('audio_interrupted')).toHaveLength(1)
    expect(transport.clientEvents.filter((e) => e.type === 'conversation.item.truncate')).toMatchObject([
      { audio_end_ms: 200 }, // 300 ms arrived from +100 ms on; at +300 ms, 200 ms of it had played
    ])
    for (const frame of frames(tone(600, 0))) session.sendAudio(frame) // then stops
    await clock.runAll()

    expect(serverEvents('response.done').map((e) => (e.response as { status: string }).status)).toEqual([
      'completed',
      'completed',
      'cancelled',
      'completed',
    ])
    expect(session.history.at(-1)).toMatchObject({ role: 'assistant', text: 'Okay, I stopped.' })
    expect(session.status).toBe('listening')
    conforms()
    session.close()
  })

  it('reconnects after drop(): a fresh simulator, the conversation re-seeded, and what was sent meanwhile answered', async () => {
    const { session, transport, clock, of, conforms } = await start()
    session.sendMessage('Weather?')
    await clock.runAll()
    const before = session.history.map((item) => item.itemId)

    transport.drop()
    await clock.flush()
    expect(of('error').map((e) => e.error.code)).toEqual(['connection_closed'])
    expect(session.status).toBe('reconnecting')
    const firstConnection = transport.clientEvents.length
    session.sendMessage('Tell me a story.') // kept until the new connection is up

    // The session's reconnect backoff (500 ms) waits on the session's clock.
    await clock.advance(500)
    expect(transport.connections).toBe(2)
    const resent = transport.clientEvents.slice(firstConnection)
    expect(resent[0]).toMatchObject({ type: 'session.update', session: { instructions: 'Answer briefly.' } })
    const seeded = resent.flatMap((e) =>
      e.type === 'conversation.item.create' && e.item.id ? [e.item.id] : [],
    )
    expect(seeded.slice(0, before.length)).toEqual(before)

    await clock.runAll()
    expect(session.history.at(-1)).toMatchObject({ role: 'assistant', text: STORY, status: 'completed' })
    expect(session.history.at(-1)?.itemId).toMatch(/^item_sim2_/)
    const ids = session.history.map((item) => item.itemId)
    expect(new Set(ids).size).toBe(ids.length)
    expect(session.status).toBe('listening')
    conforms()
    session.close()
    await clock.flush()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('fails the run when the connection is refused or the credential is revoked', async () => {
    const agent = new RealtimeAgent({ name: 'Refused' })
    const refused = createSimulatorTransport({ refuse: true })
    await expect(
      new RealtimeRunner(agent).run({ apiKey: 'test', transport: refused.transport, clock: refused.clock }),
    ).rejects.toMatchObject({ code: 'connection_failed' })

    const revoked = createSimulatorTransport({ authorize: (credential) => credential !== 'sk-revoked' })
    const error = await new RealtimeRunner(agent)
      .run({ apiKey: 'sk-revoked', transport: revoked.transport, clock: revoked.clock })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'connection_failed', serverCode: 'invalid_api_key' })
    expect(vi.getTimerCount()).toBe(0)
  })

  it('gives up when every reconnection is refused', async () => {
    const { transport, clock } = createSimulatorTransport({ refuse: (attempt) => attempt > 1, scenario })
    const session = await new RealtimeRunner(new RealtimeAgent({ name: 'Doomed' })).run({
      apiKey: 'test',
      transport,
      clock,
      reconnect: { maxAttempts: 2, initialDelayMs: 10 },
    })
    const errors: string[] = []
    session.on('error', (e) => errors.push(e.error.code))
    transport.drop()
    await clock.flush()
    await clock.advance(10 + 20) // the backoff before each attempt, on the session's clock
    expect(errors).toEqual([
      'connection_closed',
      'connection_failed',
      'connection_failed',
      'connection_closed',
    ])
    expect(session.status).toBe('error')
    expect(transport.connections).toBe(1)
  })
})
