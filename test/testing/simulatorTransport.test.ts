import { describe, expect, it } from 'vitest'
import type { ClientEvent, RawServerEvent, TransportHandlers } from '../../src/core'
import {
  flushMicrotasks,
  ManualClock,
  SimulatorTransport,
  type SimulatorTransportOptions,
  say,
} from '../../src/testing'
import { compileSchemasFirst } from '../helpers/schemas'

compileSchemasFirst()

const connectOptions = (value = 'test') => ({
  url: 'memory://simulator',
  auth: { kind: 'apiKey' as const, value },
})
const hi: ClientEvent = {
  type: 'conversation.item.create',
  item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hi' }] },
}

/** A transport and what its client side received, without a session. */
function client(options: SimulatorTransportOptions = {}) {
  const clock = options.clock instanceof ManualClock ? options.clock : new ManualClock()
  const transport = new SimulatorTransport({ clock, ...options })
  const received: RawServerEvent[] = []
  const closes: Parameters<TransportHandlers['onClose']>[0][] = []
  const handlers: TransportHandlers = {
    onMessage: (data) => received.push(JSON.parse(data)),
    onClose: (info) => closes.push(info),
  }
  const types = () => received.map((e) => e.type)
  return { transport, clock, received, closes, handlers, types }
}

describe('SimulatorTransport', () => {
  it('opens a simulator and delivers its events in microtasks, never synchronously', async () => {
    const { transport, handlers, received } = client()
    await transport.connect(connectOptions(), handlers)
    expect(transport.connected).toBe(true)
    expect(transport.simulator).not.toBeNull()
    await flushMicrotasks()
    expect(received.map((e) => e.type)).toEqual(['session.created'])
    transport.send({ type: 'session.update', session: { type: 'realtime', instructions: 'Be brief.' } })
    expect(transport.serverEvents).toHaveLength(1) // the simulator has not read it yet
    await flushMicrotasks()
    expect(received.at(-1)).toMatchObject({ type: 'session.updated', session: { instructions: 'Be brief.' } })
  })

  it('delivers every event in the order the simulator sent it, in both directions', async () => {
    const seenByServer: unknown[] = []
    const { transport, clock, handlers, received } = client({
      pace: 10,
      scenario: { turns: [{ replies: [say('One, two, three, four, five.')] }] },
      onClientEvent: (event) => seenByServer.push(event),
    })
    await transport.connect(connectOptions(), handlers)
    const sent: ClientEvent[] = [
      { type: 'session.update', session: { type: 'realtime', instructions: 'first' } },
      hi,
      { type: 'session.update', session: { type: 'realtime', instructions: 'second' } },
      { type: 'response.create' },
    ]
    for (const event of sent) transport.send(event)
    await clock.runAll()
    expect(seenByServer).toEqual(sent)
    expect(transport.clientEvents).toEqual(sent)
    expect(received).toEqual(transport.serverEvents)
    expect(received.filter((e) => e.type === 'session.updated').map((e) => e.session)).toMatchObject([
      { instructions: 'first' },
      { instructions: 'second' },
    ])
    // The live API follows every response.done with rate_limits.updated.
    expect(received.at(-2)).toMatchObject({ type: 'response.done', response: { status: 'completed' } })
    expect(received.at(-1)).toMatchObject({ type: 'rate_limits.updated' })
    expect(received.filter((e) => e.type === 'response.output_audio.delta').length).toBeGreaterThan(10)
  })

  it('close() reports a normal close once, then delivers nothing and refuses to send', async () => {
    const { transport, clock, handlers, closes, received } = client({ pace: 10 })
    await transport.connect(connectOptions(), handlers)
    transport.send(hi)
    transport.send({ type: 'response.create' })
    await clock.advance(25)
    const before = received.length
    expect(clock.pendingTimers).toBe(1) // the simulator's wait before its next chunk
    transport.close()
    transport.close()
    expect(clock.pendingTimers).toBe(0) // the simulator stopped with the connection
    expect(closes).toEqual([]) // in a microtask, like a socket's close event
    await flushMicrotasks()
    expect(closes).toEqual([{ code: 1000, reason: '', error: null }])
    expect(transport.connected).toBe(false)
    expect(() => transport.send({ type: 'response.create' })).toThrow(
      expect.objectContaining({ code: 'session_closed' }),
    )
    expect(() => transport.drop()).toThrow(/no connection is open/)
    await clock.runAll()
    expect(received).toHaveLength(before)
    expect(closes).toHaveLength(1)
    expect(clock.pendingTimers).toBe(0)
  })

  it('drop() delivers what was already sent, then a connection_closed error as the WebSocket transport reports it', async () => {
    const { transport, clock, handlers, closes, received } = client({ pace: 10 })
    await transport.connect(connectOptions(), handlers)
    await flushMicrotasks()
    // The simulator answers synchronously; its events are on their way when the line drops.
    transport.simulator!.receive(JSON.stringify(hi))
    transport.simulator!.receive(JSON.stringify({ type: 'response.create' }))
    expect(clock.pendingTimers).toBe(1)
    transport.drop()
    expect(clock.pendingTimers).toBe(0)
    expect(received.map((e) => e.type)).toEqual(['session.created'])
    expect(closes).toEqual([])
    await flushMicrotasks()
    expect(received).toEqual(transport.serverEvents)
    expect(received.map((e) => e.type)).toEqual([
      'session.created',
      'conversation.item.added',
      'conversation.item.done',
      'response.created',
    ])
    expect(closes).toHaveLength(1)
    expect(closes[0]).toMatchObject({ code: 1006, reason: '' })
    expect(closes[0]!.error).toMatchObject({ code: 'connection_closed', details: { code: 1006 } })
    await clock.runAll()
    expect(received).toHaveLength(4) // the simulator stopped with the connection
    expect(clock.pendingTimers).toBe(0)
  })

  it('checks the credential like the msw handlers: invalid_api_key, then a 1008 close', async () => {
    const credentials: string[] = []
    const { transport, handlers, received, closes } = client({
      authorize: (credential) => {
        credentials.push(credential)
        return credential !== 'sk-revoked'
      },
    })
    await transport.connect(connectOptions('sk-revoked'), handlers)
    expect(transport.simulator).toBeNull()
    await flushMicrotasks()
    expect(credentials).toEqual(['sk-revoked'])
    expect(received).toEqual([
      expect.objectContaining({ type: 'error', error: expect.objectContaining({ code: 'invalid_api_key' }) }),
    ])
    expect(closes).toEqual([
      {
        code: 1008,
        reason: 'invalid_api_key',
        error: expect.objectContaining({ code: 'connection_closed' }),
      },
    ])
    const empty = client()
    await empty.transport.connect(connectOptions(''), empty.handlers)
    await flushMicrotasks()
    expect(empty.closes[0]).toMatchObject({ code: 1008 })
  })

  it('refuses connections on demand, and honours an aborted signal', async () => {
    const always = client({ refuse: true })
    await expect(always.transport.connect(connectOptions(), always.handlers)).rejects.toMatchObject({
      code: 'connection_failed',
    })
    const firstOnly = client({ refuse: (attempt) => attempt === 1 })
    await expect(firstOnly.transport.connect(connectOptions(), firstOnly.handlers)).rejects.toMatchObject({
      code: 'connection_failed',
    })
    await firstOnly.transport.connect(connectOptions(), firstOnly.handlers)
    expect(firstOnly.transport.connections).toBe(1)
    const aborted = client()
    const controller = new AbortController()
    controller.abort()
    await expect(
      aborted.transport.connect({ ...connectOptions(), signal: controller.signal }, aborted.handlers),
    ).rejects.toMatchObject({ code: 'aborted' })
  })

  it('opens a fresh simulator on each connect, with ids of its own', async () => {
    const { transport, clock, handlers, received } = client()
    await transport.connect(connectOptions(), handlers)
    const first = transport.simulator
    transport.drop()
    await flushMicrotasks()
    const later: RawServerEvent[] = []
    await transport.connect(connectOptions(), {
      ...handlers,
      onMessage: (data) => later.push(JSON.parse(data)),
    })
    expect(transport.simulator).not.toBe(first)
    expect(transport.connections).toBe(2)
    transport.send(hi)
    transport.send({ type: 'response.create' })
    await clock.runAll()
    expect(received.map((e) => e.type)).toEqual(['session.created'])
    expect(later[0]).toMatchObject({ type: 'session.created', session: { id: 'sess_sim2_0001' } })
    expect(later.at(-2)).toMatchObject({
      type: 'response.done',
      response: { id: expect.stringMatching(/^resp_sim2_/) },
    })
  })

  it('replaces a connection that is still open without reporting its close', async () => {
    const { transport, clock, handlers, closes, received } = client()
    await transport.connect(connectOptions(), handlers)
    transport.send(hi)
    await transport.connect(connectOptions(), { onMessage: () => {}, onClose: () => {} })
    await clock.runAll()
    expect(received.map((e) => e.type)).toEqual(['session.created']) // nothing after the replacement
    expect(closes).toEqual([])
  })
})
