import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import {
  isRealtimeError,
  parseRecording,
  RealtimeAgent,
  type RealtimeItem,
  RealtimeRunner,
  ReplayTransport,
  SessionRecorder,
  serializeRecording,
  tool,
} from '../../src/core'
import { callTool, say } from '../../src/testing'
import { advanceUntil, inMemorySimulator } from '../helpers/inMemory'
import { PushTransport } from '../helpers/pushTransport'
import { hasAnswer } from '../helpers/session'

const sim = inMemorySimulator()
const weather = tool({
  name: 'get_weather',
  description: 'w',
  parameters: z.object({ city: z.string() }),
  execute: ({ city }) => `Sunny in ${city}`,
})
const agent = new RealtimeAgent({ name: 'Recorded', tools: [weather] })
const ANSWER = 'It is sunny in Oslo today.'
const summary = (history: readonly RealtimeItem[]) =>
  history.map((i) => (i.type === 'message' ? `${i.role}:${i.text}` : `call:${i.name}=${i.output}`))

const thrown = (run: () => unknown): unknown => {
  try {
    run()
  } catch (error) {
    return error
  }
  return undefined
}

/** A conversation recorded on the session's clock: one 100 ms chunk of audio per 100 ms. */
async function recordConversation(includeAudio = false) {
  const { transport, clock } = sim.transport({
    pace: 'realtime',
    chunkMs: 100,
    scenario: { turns: [{ replies: [callTool('get_weather', { city: 'Oslo' }), say(ANSWER)] }] },
  })
  const recorder = new SessionRecorder(transport, { includeAudio, now: () => clock.now() })
  const session = await new RealtimeRunner(agent).run({
    apiKey: 'sk-test',
    transport: recorder.transport,
    clock,
  })
  session.sendMessage('Weather in Oslo?')
  await advanceUntil(clock, hasAnswer(session, ANSWER), 'the answer')
  const history = summary(session.history)
  session.close()
  return { recorder, history }
}

describe('record and replay', () => {
  it('records both directions with timestamps, as JSON Lines that read back', async () => {
    const { recorder } = await recordConversation()
    const jsonl = recorder.toJSONL()
    const lines = jsonl.trim().split('\n')
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'realtime-agent-kit/recording', version: 1 })
    const recording = parseRecording(jsonl)
    expect(recording.entries.some((e) => e.dir === 'out' && e.event.type === 'session.update')).toBe(true)
    expect(
      recording.entries.some((e) => e.dir === 'out' && e.event.type === 'conversation.item.create'),
    ).toBe(true)
    expect(recording.entries[0]).toMatchObject({ dir: 'in', event: { type: 'session.created' } })
    const times = recording.entries.map((e) => e.t)
    expect(times).toEqual([...times].sort((a, b) => a - b))
    // The times are the recorder's clock: the model starts its tool call one pace step (100 ms) in.
    expect(recording.entries.find((e) => e.event.type === 'response.created')?.t).toBe(0)
    expect(recording.entries.find((e) => e.event.type === 'response.output_item.added')?.t).toBe(100)
    expect(serializeRecording(recording)).toBe(jsonl)
    // Audio is left out unless asked for: its size stays, its bytes do not.
    const audio = recording.entries.find((e) => e.event.type === 'response.output_audio.delta')!
    expect(audio.event).toMatchObject({ delta: '', audio_bytes: expect.any(Number) })
    const withAudio = (await recordConversation(true)).recorder.toJSONL()
    expect(withAudio.length).toBeGreaterThan(jsonl.length * 2)
  })

  it('replays straight into a session: the same conversation, tool result included, at its recorded pace', async () => {
    const { recorder, history } = await recordConversation()
    const recording = parseRecording(recorder.toJSONL())
    const tools: string[] = []
    // A replay plays on the platform's timers (faked here), and the session runs on the same ones.
    const running = new RealtimeRunner(agent).run({
      clientSecret: 'replay',
      transport: new ReplayTransport(recording, { speed: 10 }),
    })
    await vi.advanceTimersByTimeAsync(0) // what was recorded at 0 ms: the session is confirmed
    const replayed = await running
    replayed.on('tool_end', (e) => tools.push(e.output))
    const callAt = recording.entries.find((e) => e.event.type === 'response.function_call_arguments.done')!.t
    await vi.advanceTimersByTimeAsync(callAt / 10 - 1)
    expect(tools).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(tools).toEqual(['Sunny in Oslo']) // the replayed tool call runs the tool again, as it would live
    await vi.runAllTimersAsync()
    expect(summary(replayed.history)).toEqual(history)
    replayed.close()
  })

  it('refuses what is not a recording, naming the line', () => {
    expect(() => parseRecording('{"hello":1}\n')).toThrow(/Not a realtime-agent-kit recording/)
    expect(() => parseRecording('not json\n')).toThrow(/Not a realtime-agent-kit recording/)
    const header = '{"format":"realtime-agent-kit/recording","version":1}\n'
    const entry = '{"t":0,"dir":"in","event":{"type":"session.created"}}\n'
    expect(() => parseRecording(`${header}{"t":"x"}\n`)).toThrow(/line 2/)
    expect(() => parseRecording(`${header}${entry}{"t":1,"dir":"in"\n`)).toThrow(/line 3/)
    expect(() => parseRecording(`${header}${entry}{"t":1,"dir":"up","event":{"type":"x"}}\n`)).toThrow(
      /line 3/,
    )
    const error = thrown(() => parseRecording(`${header}{"t":0,"dir":"in","event":"x"}\n`))
    expect(isRealtimeError(error, 'invalid_config')).toBe(true)
    expect(error).toMatchObject({ details: { line: 2 } })
  })

  it('records the server messages that are events, so what it writes reads back', async () => {
    const inner = new PushTransport()
    const recorder = new SessionRecorder(inner, { now: () => 0 })
    const delivered: string[] = []
    await recorder.transport.connect(
      { url: 'wss://example.test', auth: { kind: 'apiKey', value: 'sk-test' } },
      { onMessage: (data) => delivered.push(data), onClose: () => {} },
    )
    inner.push('not json')
    inner.push('42')
    inner.push({ hello: 1 })
    inner.push({ type: 'rate_limits.updated', rate_limits: [] })
    expect(delivered).toHaveLength(4) // the session still gets every message
    expect(parseRecording(recorder.toJSONL()).entries).toEqual([
      { t: 0, dir: 'in', event: { type: 'rate_limits.updated', rate_limits: [] } },
    ])
  })
})
