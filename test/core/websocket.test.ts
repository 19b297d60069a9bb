import { ws } from 'msw'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  parseRecording,
  RealtimeAgent,
  type RealtimeItem,
  RealtimeRunner,
  SessionRecorder,
  tool,
  WebSocketTransport,
} from '../../src/core'
import { callTool, createReplayHandlers, REALTIME_WS_URL, say } from '../../src/testing'
import {
  hasAnswer,
  nextEvent,
  REAL_IO_TEST_MS,
  REAL_IO_WAIT_MS,
  RecordingTransport,
  until,
} from '../helpers/session'
import { serveSimulator } from '../helpers/simulated'

// The paths apps use: the WebSocket transport on the platform's WebSocket, intercepted by msw, on
// real timers. Protocol behaviour is tested in memory on a manual clock; these check the wiring.
// The simulator streams at pace 0, and every wait is for an event, bounded far beyond need.
const sim = serveSimulator()

const weather = tool({
  name: 'get_weather',
  description: 'w',
  parameters: z.object({ city: z.string() }),
  execute: ({ city }) => `Sunny in ${city}`,
})
const agent = new RealtimeAgent({ name: 'Wired', tools: [weather] })
const ANSWER = 'It is sunny in Oslo today.'
const scenario = {
  turns: [{ replies: [callTool('get_weather', { city: 'Oslo' }), say(ANSWER)] }],
}
const summary = (history: readonly RealtimeItem[]) =>
  history.map((i) => (i.type === 'message' ? `${i.role}:${i.text}` : `call:${i.name}=${i.output}`))

describe('the WebSocket transport through msw', { timeout: REAL_IO_TEST_MS }, () => {
  it('runs a turn with a tool call: the credential as a subprotocol, the model in the URL', async () => {
    const credentials: string[] = []
    sim.use({
      scenario,
      authorize: (credential) => {
        credentials.push(credential)
        return true
      },
    })
    const transport = new RecordingTransport()
    const session = await new RealtimeRunner(agent).run({ apiKey: 'sk-wired', transport })
    session.sendMessage('Weather in Oslo?')
    await until(session, hasAnswer(session, ANSWER), 'the answer')
    expect(credentials).toEqual(['sk-wired'])
    expect(transport.urls).toEqual(['wss://api.openai.com/v1/realtime?model=gpt-realtime'])
    expect(summary(session.history)).toEqual([
      'user:Weather in Oslo?',
      'call:get_weather=Sunny in Oslo',
      `assistant:${ANSWER}`,
    ])
    expect(transport.ofType('response.create')).toHaveLength(2)
    session.close()
  })

  it('reports a close by the server with its code and reason', async () => {
    sim.replaceHandlers(
      ws.link(REALTIME_WS_URL).addEventListener('connection', ({ client }) => {
        client.send(
          JSON.stringify({ type: 'session.created', event_id: 'e0', session: { type: 'realtime' } }),
        )
        client.addEventListener('message', (event) => {
          if (JSON.parse(String(event.data)).type === 'response.create')
            client.close(1011, 'upstream failure')
        })
      }),
    )
    const session = await new RealtimeRunner(agent).run({ apiKey: 'sk-wired', reconnect: false })
    session.sendMessage('drop')
    const error = await nextEvent(session, 'error', () => true, REAL_IO_WAIT_MS)
    expect(error.error).toMatchObject({
      code: 'connection_closed',
      details: { code: 1011, reason: 'upstream failure' },
    })
    expect(session.status).toBe('error')
  })

  it('records a conversation on the socket and replays it through the msw replay handlers', async () => {
    sim.use({ scenario })
    const recorder = new SessionRecorder(new WebSocketTransport())
    const live = await new RealtimeRunner(agent).run({ apiKey: 'sk-wired', transport: recorder.transport })
    live.sendMessage('Weather in Oslo?')
    await until(live, hasAnswer(live, ANSWER), 'the answer')
    const history = summary(live.history)
    live.close()

    const recording = parseRecording(recorder.toJSONL())
    sim.replaceHandlers(...createReplayHandlers(recording, { speed: Number.POSITIVE_INFINITY }))
    const replayed = await new RealtimeRunner(agent).run({ apiKey: 'sk-wired' })
    await until(replayed, hasAnswer(replayed, ANSWER), 'the replayed answer')
    expect(summary(replayed.history)).toEqual(history)
    replayed.close()
  })
})
