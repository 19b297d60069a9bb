import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { RealtimeAgent, RealtimeRunner, WebSocketTransport } from '../../src/core'
import { type SimulatorServer, say, startSimulatorServer } from '../../src/testing'
import { hasAnswer, REAL_IO_TEST_MS, until } from '../helpers/session'

let server: SimulatorServer
const credentials: string[] = []

beforeAll(async () => {
  server = await startSimulatorServer({
    scenario: { turns: [{ replies: [say('Over a real socket.')] }] },
    authorize: (credential) => {
      credentials.push(credential)
      return credential !== 'sk-revoked'
    },
  })
})
afterAll(() => server.close())

// Real sockets on real timers: the simulator streams at pace 0, and the waits are for events.
describe('the simulator over a real local WebSocket server', { timeout: REAL_IO_TEST_MS }, () => {
  it('talks to the runner with the `ws` package and an Authorization header', async () => {
    const runner = new RealtimeRunner(new RealtimeAgent({ name: 'Node' }))
    const transport = new WebSocketTransport({ WebSocket: WebSocket as never, useAuthorizationHeader: true })
    const session = await runner.run({ apiKey: 'sk-node', url: server.url, transport })
    session.sendMessage('hi')
    await until(session, hasAnswer(session, 'Over a real socket.'), 'the answer')
    expect(credentials.at(-1)).toBe('sk-node')
    session.close()
  })

  it('talks to the runner with the standard WebSocket and the subprotocol', async () => {
    const session = await new RealtimeRunner(new RealtimeAgent({ name: 'Std' })).run({
      clientSecret: 'ek_123',
      url: server.url,
    })
    expect(credentials.at(-1)).toBe('ek_123')
    session.close()
  })

  it('refuses a bad credential: the runner fails with the close code', async () => {
    const runner = new RealtimeRunner(new RealtimeAgent({ name: 'Bad' }))
    const error = await runner.run({ apiKey: 'sk-revoked', url: server.url }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'connection_failed', serverCode: 'invalid_api_key' })
    expect((error as Error).message).toMatch(/Missing or invalid credentials/)
  })

  it('reports a refused connection as connection_failed', async () => {
    const runner = new RealtimeRunner(new RealtimeAgent({ name: 'Down' }))
    await expect(runner.run({ apiKey: 'sk-x', url: 'ws://127.0.0.1:9/v1/realtime' })).rejects.toMatchObject({
      code: 'connection_failed',
    })
  })
})
