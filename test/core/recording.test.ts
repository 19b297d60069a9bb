import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  isRealtimeError,
  parseRecording,
  RealtimeAgent,
  type RealtimeItem,
  RealtimeRunner,
  type RealtimeSession,
  ReplayTransport,
  SessionRecorder,
  serializeRecording,
  tool,
  WebSocketTransport,
} from '../../src/core'
import { callTool, createReplayHandlers, say } from '../../src/testing'
import { PushTransport } from '../helpers/pushTransport'
import { nextEvent } from '../helpers/session'
import { serveSimulator } from '../helpers/simulated'

const sim = serveSimulator()
const weather = tool({
  name: 'get_weather',
  description: 'w',
  parameters: z.object({ city: z.string() }),
  execute: ({ city }) => `Sunny in ${city}`,
})
const agent = new RealtimeAgent({ name: 'Recorded', tools: [weather] })
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

/** The recorded answer has arrived, complete, in a session (live or replayed). */
const answered = (session: RealtimeSession<unknown>) =>
  nextEvent(
    session,
    'history_updated',
    (e) =>
      e.item?.type === 'message' &&
      e.item.text === 'It is sunny in Oslo today.' &&
      e.item.status === 'completed',
    5000,
  )

async function recordConversation(includeAudio = false) {
  sim.use({
    scenario: {
      turns: [{ replies: [callTool('get_weather', { city: 'Oslo' }), say('It is sunny in Oslo today.')] }],
    },
  })
  const recorder = new SessionRecorder(new WebSocketTransport(), { includeAudio })
  const session = await new RealtimeRunner(agent).run({ apiKey: 'sk-test', transport: recorder.transport })
  session.sendMessage('Weather in Oslo?')
  await answered(session)
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
    expect(serializeRecording(recording)).toBe(jsonl)
    // Audio is left out unless asked for: its size stays, its bytes do not.
    const audio = recording.entries.find((e) => e.event.type === 'response.output_audio.delta')!
    expect(audio.event).toMatchObject({ delta: '', audio_bytes: expect.any(Number) })
    const withAudio = (await recordConversation(true)).recorder.toJSONL()
    expect(withAudio.length).toBeGreaterThan(jsonl.length * 2)
  })

  it('replays straight into a session: the same conversation, tool result included', async () => {
    const { recorder, history } = await recordConversation()
    const recording = parseRecording(recorder.toJSONL())
    const tools: string[] = []
    const replayed = await new RealtimeRunner(agent).run({
      clientSecret: 'replay',
      transport: new ReplayTransport(recording, { speed: 10 }),
    })
    replayed.on('tool_end', (e) => tools.push(e.output))
    await answered(replayed)
    expect(summary(replayed.history)).toEqual(history)
    expect(tools).toEqual(['Sunny in Oslo']) // the replayed tool call runs the tool again, as it would live
    replayed.close()
  })

  it('replays through msw, for apps that cannot pass a transport', async () => {
    const { recorder, history } = await recordConversation()
    sim.replaceHandlers(
      ...createReplayHandlers(parseRecording(recorder.toJSONL()), { speed: Number.POSITIVE_INFINITY }),
    )
    const replayed = await new RealtimeRunner(agent).run({ apiKey: 'sk-test' })
    await answered(replayed)
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
