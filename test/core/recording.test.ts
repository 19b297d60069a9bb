import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import {
  isRealtimeError,
  parseRecording,
  RealtimeAgent,
  type RealtimeItem,
  RealtimeRunner,
  type RecordedEntry,
  ReplayTransport,
  recordedEvent,
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
const typeOf = (entry: RecordedEntry) => recordedEvent(entry)?.type
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
async function recordConversation() {
  const { transport, clock } = sim.transport({
    pace: 'realtime',
    chunkMs: 100,
    scenario: { turns: [{ replies: [callTool('get_weather', { city: 'Oslo' }), say(ANSWER)] }] },
  })
  const recorder = new SessionRecorder(transport, { now: () => clock.now() })
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
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'realtime-agent-kit/recording', version: 2 })
    const recording = parseRecording(jsonl)
    const out = recording.entries.filter((e) => e.dir === 'out').map(typeOf)
    expect(out).toContain('session.update')
    expect(out).toContain('conversation.item.create')
    expect(typeOf(recording.entries[0]!)).toBe('session.created')
    const times = recording.entries.map((e) => e.t)
    expect(times).toEqual([...times].sort((a, b) => a - b))
    // The times are the recorder's clock: the model starts its tool call one pace step (100 ms) in.
    expect(recording.entries.find((e) => typeOf(e) === 'response.created')?.t).toBe(0)
    expect(recording.entries.find((e) => typeOf(e) === 'response.output_item.added')?.t).toBe(100)
    expect(serializeRecording(recording)).toBe(jsonl)
  })

  it('writes exactly the frames it saw: audio deltas keep their bytes, nothing is added', async () => {
    const { transport, clock } = sim.transport({ scenario: { turns: [{ replies: [say(ANSWER)] }] } })
    const seen: string[] = []
    const tap = new SessionRecorder(transport, { now: () => clock.now() })
    const recorder = new SessionRecorder(
      {
        connect: (options, handlers) =>
          tap.transport.connect(options, {
            onMessage: (data) => {
              seen.push(data)
              handlers.onMessage(data)
            },
            onClose: handlers.onClose,
          }),
        send: (event) => tap.transport.send(event),
        close: (code, reason) => tap.transport.close(code, reason),
      },
      { now: () => clock.now() },
    )
    const session = await new RealtimeRunner(agent).run({
      apiKey: 'sk-test',
      transport: recorder.transport,
      clock,
    })
    session.sendMessage('Hello')
    await advanceUntil(clock, hasAnswer(session, ANSWER), 'the answer')
    session.close()
    const frames = parseRecording(recorder.toJSONL()).entries.filter((e) => e.dir === 'in')
    expect(frames.map((e) => e.frame)).toEqual(seen)
    const audio = frames.filter((e) => typeOf(e) === 'response.output_audio.delta')
    expect(audio.length).toBeGreaterThan(0)
    for (const entry of audio) {
      expect(Object.keys(recordedEvent(entry)!)).not.toContain('audio_bytes')
      expect(recordedEvent(entry)!.delta).not.toBe('')
    }
  })

  it('replays a recording byte for byte: a recorder on the replay writes the same server frames', async () => {
    const { recorder } = await recordConversation()
    const recording = parseRecording(recorder.toJSONL())
    const again = new SessionRecorder(new ReplayTransport(recording, { speed: Infinity }), { now: () => 0 })
    const running = new RealtimeRunner(agent).run({ clientSecret: 'replay', transport: again.transport })
    await vi.runAllTimersAsync()
    const replayed = await running
    await vi.runAllTimersAsync()
    replayed.close()
    const frames = (r: typeof recording) => r.entries.filter((e) => e.dir === 'in').map((e) => e.frame)
    expect(frames(again.recording)).toEqual(frames(recording))
    expect(frames(recording).length).toBeGreaterThan(20)
  })

  it('reads version 1 recordings (parsed events) as the frames their events make', () => {
    const v1 = [
      '{"format":"realtime-agent-kit/recording","version":1,"startedAt":"x"}',
      '{"t":5,"dir":"in","event":{"type":"session.created","session":{"type":"realtime"}}}',
    ].join('\n')
    expect(parseRecording(v1).entries).toEqual([
      { t: 5, dir: 'in', frame: '{"type":"session.created","session":{"type":"realtime"}}' },
    ])
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
    const callAt = recording.entries.find((e) => typeOf(e) === 'response.function_call_arguments.done')!.t
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
    const entry = '{"t":0,"dir":"in","frame":"{}"}\n'
    expect(() => parseRecording(`${header}{"t":"x"}\n`)).toThrow(/line 2/)
    expect(() => parseRecording(`${header}${entry}{"t":1,"dir":"in"\n`)).toThrow(/line 3/)
    expect(() => parseRecording(`${header}${entry}{"t":1,"dir":"up","frame":"{}"}\n`)).toThrow(/line 3/)
    const error = thrown(() => parseRecording(`${header}{"t":0,"dir":"in","event":"x"}\n`))
    expect(isRealtimeError(error, 'invalid_config')).toBe(true)
    expect(error).toMatchObject({ details: { line: 2 } })
  })

  it('records every server message, malformed ones too, so a replay meets them as the session did', async () => {
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
      { t: 0, dir: 'in', frame: 'not json' },
      { t: 0, dir: 'in', frame: '42' },
      { t: 0, dir: 'in', frame: '{"hello":1}' },
      { t: 0, dir: 'in', frame: '{"type":"rate_limits.updated","rate_limits":[]}' },
    ])
  })
})
