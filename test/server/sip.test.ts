import { setupServer } from 'msw/node'
import { Webhook } from 'standardwebhooks'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  RealtimeAgent,
  type RealtimeModelSettings,
  RealtimeRunner,
  type RealtimeSession,
  tool,
} from '../../src/core'
import {
  attachToCall,
  createCallsClient,
  createSipWebhook,
  type IncomingCall,
  sessionConfigForAgent,
} from '../../src/server'
import { callTool, createCallsHandlers, SimulatedCalls, say } from '../../src/testing'
import { until } from '../helpers/session'
import { refusalTests } from './refusals'

const SECRET = `whsec_${Buffer.from('a-test-signing-secret-of-32-bytes').toString('base64')}`
const KEY = ['sk', 'sip', 'test'].join('-')

const looked: string[] = []
const lookupOrder = tool({
  name: 'lookup_order',
  description: 'Finds an order in the shop database (server only).',
  parameters: z.object({ order: z.string() }),
  execute: ({ order }) => {
    looked.push(order)
    return `Order ${order} ships tomorrow.`
  },
})
const agent = new RealtimeAgent({
  name: 'Support line',
  instructions: 'Help callers with orders.',
  tools: [lookupOrder],
})
const modelSettings: RealtimeModelSettings = { voice: 'marin' }

const calls = new SimulatedCalls({
  scenario: {
    turns: [
      {
        replies: [callTool('lookup_order', { order: 'A-17' }), say('Your order A-17 ships tomorrow.')],
      },
    ],
  },
})
const api = setupServer(...createCallsHandlers(calls))
beforeAll(() => api.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  looked.length = 0
})
afterAll(() => api.close())

function signed(body: string, headers: Record<string, string> = {}, secret = SECRET): Request {
  const id = `wh_${Math.random().toString(36).slice(2)}`
  return new Request('http://app/webhooks/openai', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
      'webhook-signature': new Webhook(secret).sign(id, new Date(), body),
      ...headers,
    },
    body,
  })
}

const texts = (session: RealtimeSession<unknown>, role: 'user' | 'assistant') =>
  session.history.flatMap((i) =>
    i.type === 'message' && i.role === role && i.status === 'completed' ? [i.text] : [],
  )

describe('OpenAI SIP calls on the simulator', () => {
  it('accepts a ringing call with the agent, attaches a server session by call_id, greets, runs tools there', async () => {
    let attached!: (session: RealtimeSession<unknown>) => void
    const sessionReady = new Promise<RealtimeSession<unknown>>((resolve) => (attached = resolve))
    const webhook = createSipWebhook({
      secret: SECRET,
      apiKey: KEY,
      onIncomingCall: async (call) => {
        expect(call.header('from')).toBe('sip:+15550100@example.com')
        await call.accept(await sessionConfigForAgent(agent, modelSettings))
        const session = await attachToCall(new RealtimeRunner(agent, { modelSettings }), call.callId, {
          apiKey: KEY,
        })
        session.sendRawEvent({ type: 'response.create' })
        attached(session as RealtimeSession<unknown>)
      },
    })
    const { call, event } = calls.incoming()
    const response = await webhook(signed(JSON.stringify(event)))
    expect(response.status).toBe(200)
    const session = await sessionReady
    expect(call.state).toBe('accepted')
    expect(call.acceptedWith).toMatchObject({
      instructions: 'Help callers with orders.',
      tools: [{ name: 'lookup_order' }],
    })
    let responsesDone = 0
    session.on('raw_model_event', (e) => {
      if (e.data.type === 'response.done') responsesDone++
    })
    // The caller speaks once the greeting's response is over (the API refuses a second one meanwhile).
    await until(session, () => responsesDone === 1, 'the greeting to end')
    expect(texts(session, 'assistant')).toEqual(['Hello! How can I help you today?'])
    // The caller speaks on the phone line; the tool runs in this server session.
    call.inject({
      type: 'conversation.item.create',
      item: {
        type: 'message',
        role: 'user',
        content: [{ type: 'input_text', text: 'Where is order A-17?' }],
      },
    })
    call.inject({ type: 'response.create' })
    await until(session, () => texts(session, 'assistant').length === 2, 'the answer')
    expect(looked).toEqual(['A-17'])
    expect(texts(session, 'assistant').at(-1)).toBe('Your order A-17 ships tomorrow.')
    // Transfer to a person: the call leaves the agent and the server session ends.
    await createCallsClient({ apiKey: KEY }).refer(call.id, 'tel:+15550199')
    expect(call.state).toBe('referred')
    expect(call.referredTo).toBe('tel:+15550199')
    await until(
      session,
      () => session.status === 'error' || session.status === 'closed',
      'the session to end',
    )
    expect(call.connections).toBe(0)
  })

  it('rejects and hangs up through the calls endpoints; unknown calls and wrong states are refused', async () => {
    const client = createCallsClient({ apiKey: KEY })
    const ringing = calls.incoming().call
    await client.reject(ringing.id, { statusCode: 486 })
    expect([ringing.state, ringing.rejectedWith]).toEqual(['rejected', 486])
    await expect(client.accept(ringing.id, { type: 'realtime' })).rejects.toMatchObject({
      code: 'server_error',
      details: { status: 409 },
    })
    await expect(client.hangup('rtc_nothing')).rejects.toMatchObject({ details: { status: 404 } })
    const answered = calls.incoming().call
    await client.accept(answered.id, { type: 'realtime' })
    await client.hangup(answered.id)
    expect(answered.state).toBe('ended')
    await expect(
      createCallsClient({ apiKey: KEY }).accept(calls.incoming().call.id, { type: 'nonsense' } as never),
    ).rejects.toMatchObject({
      details: { status: 400 },
    })
  })

  it('a socket for a call that is not in progress is refused', async () => {
    const ended = calls.incoming().call
    await expect(attachToCall(new RealtimeRunner(agent), ended.id, { apiKey: KEY })).rejects.toMatchObject({
      code: 'connection_failed',
    })
  })

  it('hands other webhook events back with 200 and leaves them alone', async () => {
    const seen: IncomingCall[] = []
    const webhook = createSipWebhook({
      secret: SECRET,
      apiKey: KEY,
      onIncomingCall: (call) => void seen.push(call),
    })
    const response = await webhook(
      signed(JSON.stringify({ type: 'response.completed', data: { id: 'resp_1' } })),
    )
    expect(response.status).toBe(200)
    expect(seen).toHaveLength(0)
  })
})

describe('SIP webhook: signature and guard', () => {
  const body = JSON.stringify({ type: 'realtime.call.incoming', data: { call_id: 'rtc_x', sip_headers: [] } })
  const webhook = createSipWebhook({ secret: SECRET, apiKey: KEY, onIncomingCall: () => {} })

  it('refuses a missing signature with 401, a wrong or stale one with 403', async () => {
    expect((await webhook(new Request('http://app/w', { method: 'POST', body }))).status).toBe(401)
    const other = `whsec_${Buffer.from('another-secret-another-secret-00').toString('base64')}`
    expect((await webhook(signed(body, {}, other))).status).toBe(403)
    const stale = signed(body, { 'webhook-timestamp': String(Math.floor(Date.now() / 1000) - 3600) })
    expect((await webhook(stale)).status).toBe(403)
    // A body changed after signing fails too.
    const good = signed(body)
    const tampered = new Request(good.url, {
      method: 'POST',
      headers: good.headers,
      body: body.replace('rtc_x', 'rtc_y'),
    })
    expect((await webhook(tampered)).status).toBe(403)
  })

  // The signature passes; the app's own guard decides the rest.
  refusalTests(
    (guard) => createSipWebhook({ secret: SECRET, apiKey: KEY, onIncomingCall: () => {}, ...guard }),
    (headers) => signed(body, headers),
    { signedBySender: true },
  )

  it('cannot be made without the signing secret', () => {
    expect(() => createSipWebhook({ secret: '', apiKey: KEY, onIncomingCall: () => {} })).toThrow(/secret/)
  })
})
