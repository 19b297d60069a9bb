import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  defineOutputGuardrail,
  RealtimeAgent,
  RealtimeRunner,
  type RealtimeRunOptions,
  tool,
} from '../../src/core'
import { callTool, checkEvent, say } from '../../src/testing'
import { droppingServer, garbageServer } from '../helpers/badServer'
import { collect, nextEvent, nextServerEvent, RecordingTransport } from '../helpers/session'
import { serveSimulator } from '../helpers/simulated'

const sim = serveSimulator()

async function start(agent: RealtimeAgent, options: Partial<RealtimeRunOptions> = {}, config = {}) {
  const transport = new RecordingTransport()
  const session = await new RealtimeRunner(agent, config).run({ apiKey: 'sk-test', transport, ...options })
  return { session, transport }
}

function expectAllEventsConform(transport: RecordingTransport) {
  for (const event of transport.sent) expect(checkEvent('client', event), event.type).toBeNull()
  for (const event of sim.serverEvents) expect(checkEvent('server', event), event.type).toBeNull()
}

describe('RealtimeSession over the simulator', () => {
  it('configures the session, answers a text message and fills the history', async () => {
    sim.use({ scenario: { turns: [{ replies: [say('Hi, I am here.')] }] } })
    const { session, transport } = await start(new RealtimeAgent({ name: 'Greeter', instructions: 'Greet.' }))
    expect(transport.sent[0]).toMatchObject({
      type: 'session.update',
      session: { type: 'realtime', instructions: 'Greet.', model: 'gpt-realtime' },
    })
    expect(session.status).toBe('listening')
    const audio: number[] = []
    session.on('audio', (e) => audio.push(e.data.byteLength))
    session.sendMessage('Hello')
    await nextServerEvent(session, 'response.done')
    expect(session.history).toMatchObject([
      { role: 'user', text: 'Hello', status: 'completed' },
      {
        role: 'assistant',
        text: 'Hi, I am here.',
        status: 'completed',
        agentName: 'Greeter',
        modality: 'audio',
      },
    ])
    expect(audio.length).toBeGreaterThan(0)
    expect(session.usage.requests).toBe(1)
    expect(session.usage.totalTokens).toBeGreaterThan(0)
    expectAllEventsConform(transport)
    session.close()
    expect(session.status).toBe('closed')
  })

  it('runs a tool with validated arguments, sends its output and lets the model answer', async () => {
    sim.use({
      scenario: {
        turns: [{ replies: [callTool('get_weather', { city: 'Tokyo' }), say('It is sunny in Tokyo.')] }],
      },
    })
    const getWeather = tool({
      name: 'get_weather',
      description: 'Weather in a city',
      parameters: z.object({ city: z.string() }),
      execute: async ({ city }) => `Sunny in ${city}`,
    })
    const { session, transport } = await start(new RealtimeAgent({ name: 'W', tools: [getWeather] }))
    expect(transport.sent[0]).toMatchObject({
      session: { tools: [{ type: 'function', name: 'get_weather', parameters: { type: 'object' } }] },
    })
    const events = collect(session)
    session.sendMessage('Weather in Tokyo?')
    await nextEvent(
      session,
      'history_updated',
      (e) => e.item?.type === 'message' && e.item.role === 'assistant' && e.item.status === 'completed',
    )
    const start_ = events.find((e) => e.type === 'tool_start')
    const end = events.find((e) => e.type === 'tool_end')
    expect(start_).toMatchObject({ arguments: { city: 'Tokyo' }, callId: expect.any(String) })
    expect(end).toMatchObject({ output: 'Sunny in Tokyo', error: null })
    expect(transport.ofType('conversation.item.create').at(-1)).toMatchObject({
      item: { type: 'function_call_output', output: 'Sunny in Tokyo' },
    })
    expect(session.history.find((i) => i.type === 'function_call')).toMatchObject({
      name: 'get_weather',
      output: 'Sunny in Tokyo',
    })
    expect(session.history.at(-1)).toMatchObject({ role: 'assistant', text: 'It is sunny in Tokyo.' })
    expect(transport.ofType('response.create')).toHaveLength(2)
    expect(events.filter((e) => e.type === 'error').map((e) => e.error.message)).toEqual([])
    expectAllEventsConform(transport)
    session.close()
  })

  it('answers bad arguments, throws and unknown tools with an error result and goes on', async () => {
    sim.use({
      scenario: {
        turns: [
          { replies: [callTool('get_weather', { town: 'Tokyo' }), say('Sorry.')] },
          { replies: [callTool('explode'), say('That failed.')] },
          { replies: [callTool('no_such_tool'), say('I cannot.')] },
        ],
      },
    })
    const tools = [
      tool({
        name: 'get_weather',
        description: 'w',
        parameters: z.object({ city: z.string() }),
        execute: () => 'x',
      }),
      tool({
        name: 'explode',
        description: 'e',
        execute: () => {
          throw new Error('kaboom')
        },
      }),
    ]
    const { session, transport } = await start(new RealtimeAgent({ name: 'W', tools }))
    const errors: string[] = []
    const ends: (string | undefined)[] = []
    session.on('error', (e) => errors.push(e.error.code))
    session.on('tool_end', (e) => ends.push(e.error?.code))
    for (const text of ['weather?', 'explode', 'unknown']) {
      session.sendMessage(text)
      await nextEvent(
        session,
        'history_updated',
        (e) => e.item?.type === 'message' && e.item.role === 'assistant' && e.item.status === 'completed',
      )
    }
    expect(errors).toEqual(['tool_invalid_arguments', 'tool_not_found'])
    expect(ends).toEqual(['tool_invalid_arguments', 'tool_execution_failed'])
    const outputs = transport
      .ofType('conversation.item.create')
      .filter((e) => e.item.type === 'function_call_output')
    expect(outputs).toHaveLength(3)
    for (const o of outputs) expect(JSON.parse((o.item as { output: string }).output)).toHaveProperty('error')
    expect(session.history.at(-1)).toMatchObject({ text: 'I cannot.' })
    session.close()
  })

  it('waits for approval, runs on approve, and remembers "always"', async () => {
    sim.use({
      scenario: {
        turns: [
          { replies: [callTool('pay', { amount: 5 }), say('Paid.')] },
          { replies: [callTool('pay', { amount: 7 }), say('Paid again.')] },
        ],
      },
    })
    const paid: number[] = []
    const pay = tool({
      name: 'pay',
      description: 'p',
      parameters: z.object({ amount: z.number() }),
      needsApproval: true,
      execute: ({ amount }) => {
        paid.push(amount)
        return 'ok'
      },
    })
    const { session } = await start(new RealtimeAgent({ name: 'P', tools: [pay] }))
    session.sendMessage('pay 5')
    const request = await nextEvent(session, 'tool_approval_required')
    expect(request).toMatchObject({ arguments: { amount: 5 }, tool: { name: 'pay' } })
    expect(paid).toEqual([])
    session.approveTool(request.callId, { always: true })
    await nextEvent(session, 'tool_end')
    expect(paid).toEqual([5])
    let asked = false
    session.on('tool_approval_required', () => {
      asked = true
    })
    session.sendMessage('pay 7')
    await nextEvent(session, 'tool_end')
    expect(asked).toBe(false)
    expect(paid).toEqual([5, 7])
    expect(() => session.approveTool('nope')).toThrow(/waiting for approval/)
    session.close()
  })

  it('tells the model when a tool call is rejected', async () => {
    sim.use({
      scenario: { turns: [{ replies: [callTool('delete_all'), (ctx) => say(`Result: ${ctx.toolOutput}`)] }] },
    })
    let ran = false
    const del = tool({
      name: 'delete_all',
      description: 'd',
      needsApproval: true,
      execute: () => {
        ran = true
      },
    })
    const { session, transport } = await start(new RealtimeAgent({ name: 'D', tools: [del] }))
    session.sendMessage('delete everything')
    const request = await nextEvent(session, 'tool_approval_required')
    session.rejectTool(request.callId, { message: 'Not allowed today.' })
    const end = await nextEvent(session, 'tool_end')
    expect(end.error?.code).toBe('tool_rejected')
    expect(ran).toBe(false)
    await nextEvent(
      session,
      'history_updated',
      (e) => e.item?.type === 'message' && e.item.role === 'assistant' && e.item.status === 'completed',
    )
    expect(transport.ofType('conversation.item.create').at(-1)?.item).toMatchObject({
      output: JSON.stringify({ error: 'Not allowed today.' }),
    })
    expect(session.history.at(-1)).toMatchObject({ text: expect.stringContaining('Not allowed today.') })
    session.close()
  })

  it('hands off: switches agent, updates the session, emits handoff/agent_end/agent_start, new agent speaks', async () => {
    sim.use({
      scenario: {
        turns: [{ replies: [callTool('transfer_to_weather_agent'), (ctx) => say(ctx.instructions)] }],
      },
    })
    const weatherAgent = new RealtimeAgent({
      name: 'Weather Agent',
      instructions: 'You talk about weather.',
      tools: [tool({ name: 'forecast', description: 'f', execute: () => 'rain' })],
    })
    const triage = new RealtimeAgent({
      name: 'Triage',
      instructions: 'Route the user.',
      handoffs: [weatherAgent],
    })
    const { session, transport } = await start(triage)
    expect(transport.sent[0]).toMatchObject({ session: { tools: [{ name: 'transfer_to_weather_agent' }] } })
    const events = collect(session)
    session.sendMessage('weather please')
    await nextEvent(
      session,
      'history_updated',
      (e) => e.item?.type === 'message' && e.item.role === 'assistant' && e.item.status === 'completed',
    )
    const kinds = events
      .filter((e) => ['handoff', 'agent_end', 'agent_start'].includes(e.type))
      .map((e) => e.type)
    expect(kinds).toEqual(['handoff', 'agent_end', 'agent_start'])
    expect(events.find((e) => e.type === 'handoff')).toMatchObject({
      fromAgent: { name: 'Triage' },
      toAgent: { name: 'Weather Agent' },
    })
    expect(session.currentAgent.name).toBe('Weather Agent')
    const update = transport.ofType('session.update').at(-1)
    expect(update?.session).toMatchObject({
      instructions: 'You talk about weather.',
      tools: [{ name: 'forecast' }],
    })
    expect(session.history.at(-1)).toMatchObject({
      text: 'You talk about weather.',
      agentName: 'Weather Agent',
    })
    expectAllEventsConform(transport)
    session.close()
  })

  it('trips an output guardrail: cancels, reports, tells the model, and the next answer goes through', async () => {
    const long = `${'The secret code is 1234. '.repeat(8)}That is all.`
    sim.use({
      pace: 5,
      chunkMs: 100,
      scenario: { turns: [{ replies: [say(long), say('I cannot share that.')] }] },
    })
    const noSecrets = defineOutputGuardrail({
      name: 'no_secrets',
      execute: ({ agentOutput }) => ({ tripwireTriggered: agentOutput.includes('secret code') }),
    })
    const { session, transport } = await start(
      new RealtimeAgent({ name: 'G' }),
      {},
      { outputGuardrails: [noSecrets], outputGuardrailSettings: { debounceTextLength: 20 } },
    )
    session.sendMessage('tell me the code')
    const tripped = await nextEvent(session, 'guardrail_tripped')
    expect(tripped.guardrailResults[0]).toMatchObject({
      guardrail: { name: 'no_secrets' },
      output: { tripwireTriggered: true },
    })
    await nextEvent(
      session,
      'history_updated',
      (e) =>
        e.item?.type === 'message' &&
        e.item.role === 'assistant' &&
        e.item.text === 'I cannot share that.' &&
        e.item.status === 'completed',
    )
    expect(transport.ofType('response.cancel')).toHaveLength(1)
    expect(transport.ofType('conversation.item.create').at(-1)?.item).toMatchObject({
      role: 'system',
      content: [{ text: expect.stringContaining('no_secrets') }],
    })
    const first = session.history.find((i) => i.type === 'message' && i.role === 'assistant')
    expect(first).toMatchObject({ status: 'incomplete' })
    expect((first as { text: string }).text.length).toBeLessThan(long.length)
    session.close()
  })

  it('queues a response request while one is active instead of colliding', async () => {
    sim.use({
      pace: 2,
      scenario: { turns: [{ replies: [say('First answer here.')] }, { replies: [say('Second answer.')] }] },
    })
    const { session, transport } = await start(new RealtimeAgent({ name: 'Q' }))
    const errors: string[] = []
    session.on('error', (e) => errors.push(e.error.serverCode ?? e.error.code))
    session.sendMessage('one')
    await nextServerEvent(session, 'response.created')
    session.sendMessage('two')
    await nextEvent(
      session,
      'history_updated',
      (e) => e.item?.type === 'message' && e.item.text === 'Second answer.' && e.item.status === 'completed',
    )
    expect(errors).toEqual([])
    expect(transport.ofType('response.create')).toHaveLength(2)
    session.close()
  })
})

describe('bad input and faults', () => {
  it('turns malformed and unknown server events into error / raw events and keeps working', async () => {
    sim.replaceHandlers(garbageServer)
    const { session } = await start(new RealtimeAgent({ name: 'R' }))
    const errors: string[] = []
    const raw: string[] = []
    session.on('error', (e) => errors.push(e.error.code))
    session.on('raw_model_event', (e) => raw.push(e.data.type))
    session.sendMessage('garbage please')
    await nextEvent(
      session,
      'history_updated',
      (e) => e.item?.type === 'message' && e.item.role === 'assistant',
    )
    expect(errors).toEqual(['invalid_server_event', 'invalid_server_event', 'invalid_server_event'])
    expect(raw).toContain('some.future_event')
    expect(raw).toContain('response.output_audio.delta') // malformed but typed: reported raw, then as an error
    expect(session.status).not.toBe('error')
    expect(session.history.at(-1)).toMatchObject({ text: 'still fine' })
    session.close()
  })

  it('reports a dropped socket with its code, ends the loop and refuses further sends', async () => {
    sim.replaceHandlers(droppingServer)
    const { session } = await start(new RealtimeAgent({ name: 'D' }), { reconnect: false })
    const iterated: string[] = []
    const loop = (async () => {
      for await (const event of session) iterated.push(event.type)
    })()
    session.sendMessage('drop')
    const error = await nextEvent(session, 'error')
    expect(error.error).toMatchObject({
      code: 'connection_closed',
      details: { code: 1011, reason: 'upstream failure' },
    })
    await loop
    expect(iterated).toContain('agent_start')
    expect(iterated).toContain('error')
    expect(session.status).toBe('error')
    expect(() => session.sendMessage('again')).toThrow(/closed/)
  })

  it('surfaces server error events with their code', async () => {
    sim.use({})
    const { session } = await start(new RealtimeAgent({ name: 'E' }))
    session.sendRawEvent({
      type: 'conversation.item.truncate',
      item_id: 'missing',
      content_index: 0,
      audio_end_ms: 10,
    })
    const error = await nextEvent(session, 'error')
    expect(error.error).toMatchObject({ code: 'server_error', serverCode: 'item_truncate_invalid_item_id' })
    expect(session.status).toBe('listening')
    session.close()
  })
})
