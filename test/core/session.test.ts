import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  defineOutputGuardrail,
  RealtimeAgent,
  type RealtimeRunConfig,
  RealtimeRunner,
  tool,
} from '../../src/core'
import { callTool, type SimulatorTransportOptions, say } from '../../src/testing'
import {
  advanceUntil,
  advanceUntilEvent,
  advanceUntilServerEvent,
  answered,
  anyAnswer,
  clientEventsOf,
  inMemorySimulator,
} from '../helpers/inMemory'
import { collect } from '../helpers/session'

const sim = inMemorySimulator()

function start(
  agent: RealtimeAgent,
  simulator: Omit<SimulatorTransportOptions, 'clock'> = {},
  config: RealtimeRunConfig = {},
) {
  return sim.start(agent, simulator, { config })
}

describe('RealtimeSession over the simulator', () => {
  it('configures the session, answers a text message and fills the history', async () => {
    const { session, transport, clock } = await start(
      new RealtimeAgent({ name: 'Greeter', instructions: 'Greet.' }),
      { scenario: { turns: [{ replies: [say('Hi, I am here.')] }] } },
    )
    expect(transport.clientEvents[0]).toMatchObject({
      type: 'session.update',
      session: { type: 'realtime', instructions: 'Greet.', model: 'gpt-realtime' },
    })
    expect(session.status).toBe('listening')
    const audio: number[] = []
    session.on('audio', (e) => audio.push(e.data.byteLength))
    session.sendMessage('Hello')
    await advanceUntilServerEvent(clock, session, 'response.done')
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
    session.close()
    expect(session.status).toBe('closed')
  })

  it('runs a tool with validated arguments, sends its output and lets the model answer', async () => {
    const getWeather = tool({
      name: 'get_weather',
      description: 'Weather in a city',
      parameters: z.object({ city: z.string() }),
      execute: async ({ city }) => `Sunny in ${city}`,
    })
    const { session, transport, clock } = await start(new RealtimeAgent({ name: 'W', tools: [getWeather] }), {
      scenario: {
        turns: [{ replies: [callTool('get_weather', { city: 'Tokyo' }), say('It is sunny in Tokyo.')] }],
      },
    })
    expect(transport.clientEvents[0]).toMatchObject({
      session: { tools: [{ type: 'function', name: 'get_weather', parameters: { type: 'object' } }] },
    })
    const events = collect(session)
    session.sendMessage('Weather in Tokyo?')
    await advanceUntilEvent(clock, session, 'history_updated', anyAnswer)
    const start_ = events.find((e) => e.type === 'tool_start')
    const end = events.find((e) => e.type === 'tool_end')
    expect(start_).toMatchObject({ arguments: { city: 'Tokyo' }, callId: expect.any(String) })
    expect(end).toMatchObject({ output: 'Sunny in Tokyo', error: null })
    const creates = clientEventsOf(transport.clientEvents, 'conversation.item.create')
    expect(creates.at(-1)).toMatchObject({ item: { type: 'function_call_output', output: 'Sunny in Tokyo' } })
    expect(session.history.find((i) => i.type === 'function_call')).toMatchObject({
      name: 'get_weather',
      output: 'Sunny in Tokyo',
    })
    expect(session.history.at(-1)).toMatchObject({ role: 'assistant', text: 'It is sunny in Tokyo.' })
    expect(clientEventsOf(transport.clientEvents, 'response.create')).toHaveLength(2)
    expect(events.filter((e) => e.type === 'error').map((e) => e.error.message)).toEqual([])
    session.close()
  })

  it('answers bad arguments, throws and unknown tools with an error result and goes on', async () => {
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
    const { session, transport, clock } = await start(new RealtimeAgent({ name: 'W', tools }), {
      scenario: {
        turns: [
          { replies: [callTool('get_weather', { town: 'Tokyo' }), say('Sorry.')] },
          { replies: [callTool('explode'), say('That failed.')] },
          { replies: [callTool('no_such_tool'), say('I cannot.')] },
        ],
      },
    })
    const errors: string[] = []
    const ends: (string | undefined)[] = []
    session.on('error', (e) => errors.push(e.error.code))
    session.on('tool_end', (e) => ends.push(e.error?.code))
    for (const [text, answer] of [
      ['weather?', 'Sorry.'],
      ['explode', 'That failed.'],
      ['unknown', 'I cannot.'],
    ] as const) {
      session.sendMessage(text)
      await advanceUntilEvent(clock, session, 'history_updated', answered(answer))
    }
    expect(errors).toEqual(['tool_invalid_arguments', 'tool_not_found'])
    expect(ends).toEqual(['tool_invalid_arguments', 'tool_execution_failed'])
    const outputs = clientEventsOf(transport.clientEvents, 'conversation.item.create').filter(
      (e) => e.item.type === 'function_call_output',
    )
    expect(outputs).toHaveLength(3)
    for (const o of outputs) expect(JSON.parse((o.item as { output: string }).output)).toHaveProperty('error')
    session.close()
  })

  it('waits for approval, runs on approve, and remembers "always"', async () => {
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
    const { session, clock } = await start(new RealtimeAgent({ name: 'P', tools: [pay] }), {
      scenario: {
        turns: [
          { replies: [callTool('pay', { amount: 5 }), say('Paid.')] },
          { replies: [callTool('pay', { amount: 7 }), say('Paid again.')] },
        ],
      },
    })
    session.sendMessage('pay 5')
    const request = await advanceUntilEvent(clock, session, 'tool_approval_required')
    expect(request).toMatchObject({ arguments: { amount: 5 }, tool: { name: 'pay' } })
    // However long the user takes, nothing runs before the approval.
    await clock.runAll()
    expect(paid).toEqual([])
    expect(session.status).toBe('thinking')
    session.approveTool(request.callId, { always: true })
    await advanceUntilEvent(clock, session, 'history_updated', answered('Paid.'))
    expect(paid).toEqual([5])
    let asked = false
    session.on('tool_approval_required', () => {
      asked = true
    })
    session.sendMessage('pay 7')
    await advanceUntilEvent(clock, session, 'history_updated', answered('Paid again.'))
    expect(asked).toBe(false)
    expect(paid).toEqual([5, 7])
    expect(() => session.approveTool('nope')).toThrow(/waiting for approval/)
    session.close()
  })

  it('tells the model when a tool call is rejected', async () => {
    let ran = false
    const del = tool({
      name: 'delete_all',
      description: 'd',
      needsApproval: true,
      execute: () => {
        ran = true
      },
    })
    const { session, transport, clock } = await start(new RealtimeAgent({ name: 'D', tools: [del] }), {
      scenario: { turns: [{ replies: [callTool('delete_all'), (ctx) => say(`Result: ${ctx.toolOutput}`)] }] },
    })
    const ends = collect(session)
    session.sendMessage('delete everything')
    const request = await advanceUntilEvent(clock, session, 'tool_approval_required')
    session.rejectTool(request.callId, { message: 'Not allowed today.' })
    await advanceUntilEvent(clock, session, 'history_updated', anyAnswer)
    expect(ends.filter((e) => e.type === 'tool_end').map((e) => e.error?.code)).toEqual(['tool_rejected'])
    expect(ran).toBe(false)
    const creates = clientEventsOf(transport.clientEvents, 'conversation.item.create')
    expect(creates.at(-1)?.item).toMatchObject({ output: JSON.stringify({ error: 'Not allowed today.' }) })
    expect(session.history.at(-1)).toMatchObject({ text: expect.stringContaining('Not allowed today.') })
    session.close()
  })

  it('hands off: switches agent, updates the session, emits handoff/agent_end/agent_start, new agent speaks', async () => {
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
    const { session, transport, clock } = await start(triage, {
      scenario: {
        turns: [{ replies: [callTool('transfer_to_weather_agent'), (ctx) => say(ctx.instructions)] }],
      },
    })
    expect(transport.clientEvents[0]).toMatchObject({
      session: { tools: [{ name: 'transfer_to_weather_agent' }] },
    })
    const events = collect(session)
    session.sendMessage('weather please')
    await advanceUntilEvent(clock, session, 'history_updated', anyAnswer)
    const kinds = events
      .filter((e) => ['handoff', 'agent_end', 'agent_start'].includes(e.type))
      .map((e) => e.type)
    expect(kinds).toEqual(['handoff', 'agent_end', 'agent_start'])
    expect(events.find((e) => e.type === 'handoff')).toMatchObject({
      fromAgent: { name: 'Triage' },
      toAgent: { name: 'Weather Agent' },
    })
    expect(session.currentAgent.name).toBe('Weather Agent')
    const update = clientEventsOf(transport.clientEvents, 'session.update').at(-1)
    expect(update?.session).toMatchObject({
      instructions: 'You talk about weather.',
      tools: [{ name: 'forecast' }],
    })
    // The simulated model answers with the instructions it was last given: the new agent's.
    expect(session.history.at(-1)).toMatchObject({
      text: 'You talk about weather.',
      agentName: 'Weather Agent',
    })
    session.close()
  })

  it('trips an output guardrail: cancels, reports, tells the model, and the next answer goes through', async () => {
    const long = `${'The secret code is 1234. '.repeat(8)}That is all.`
    const noSecrets = defineOutputGuardrail({
      name: 'no_secrets',
      execute: ({ agentOutput }) => ({ tripwireTriggered: agentOutput.includes('secret code') }),
    })
    const { session, transport, clock } = await start(
      new RealtimeAgent({ name: 'G' }),
      { pace: 5, chunkMs: 100, scenario: { turns: [{ replies: [say(long), say('I cannot share that.')] }] } },
      { outputGuardrails: [noSecrets], outputGuardrailSettings: { debounceTextLength: 20 } },
    )
    session.sendMessage('tell me the code')
    const tripped = await advanceUntilEvent(clock, session, 'guardrail_tripped')
    expect(tripped.guardrailResults[0]).toMatchObject({
      guardrail: { name: 'no_secrets' },
      output: { tripwireTriggered: true },
    })
    await advanceUntilEvent(clock, session, 'history_updated', answered('I cannot share that.'))
    expect(clientEventsOf(transport.clientEvents, 'response.cancel')).toHaveLength(1)
    const creates = clientEventsOf(transport.clientEvents, 'conversation.item.create')
    expect(creates.at(-1)?.item).toMatchObject({
      role: 'system',
      content: [{ text: expect.stringContaining('no_secrets') }],
    })
    const first = session.history.find((i) => i.type === 'message' && i.role === 'assistant')
    expect(first).toMatchObject({ status: 'incomplete' })
    expect((first as { text: string }).text.length).toBeLessThan(long.length)
    session.close()
  })

  it('queues a response request while one is active instead of colliding', async () => {
    const { session, transport, clock } = await start(new RealtimeAgent({ name: 'Q' }), {
      pace: 2,
      scenario: { turns: [{ replies: [say('First answer here.')] }, { replies: [say('Second answer.')] }] },
    })
    const errors: string[] = []
    session.on('error', (e) => errors.push(e.error.serverCode ?? e.error.code))
    session.sendMessage('one')
    await advanceUntilServerEvent(clock, session, 'response.created')
    session.sendMessage('two')
    await clock.flush()
    // The second request waits for the first response to end.
    expect(clientEventsOf(transport.clientEvents, 'response.create')).toHaveLength(1)
    await advanceUntilEvent(clock, session, 'history_updated', answered('Second answer.'))
    expect(errors).toEqual([])
    expect(clientEventsOf(transport.clientEvents, 'response.create')).toHaveLength(2)
    session.close()
  })
})

describe('bad input and faults', () => {
  it('turns malformed and unknown server events into error / raw events and keeps working', async () => {
    const transport = sim.push({ confirm: true })
    const session = await new RealtimeRunner(new RealtimeAgent({ name: 'R' })).run({
      apiKey: 'sk-test',
      transport,
    })
    const errors: string[] = []
    const raw: string[] = []
    session.on('error', (e) => errors.push(e.error.code))
    session.on('raw_model_event', (e) => raw.push(e.data.type))
    session.sendMessage('garbage please')
    expect(transport.ofType('response.create')).toHaveLength(1)
    transport.push('{not json')
    transport.push({ type: 'response.output_audio.delta', event_id: 'e2', delta: 42 })
    transport.push(['an', 'array'])
    transport.push({ type: 'some.future_event', event_id: 'e3', payload: {} })
    transport.push({
      type: 'response.output_item.added',
      event_id: 'e4',
      response_id: 'r1',
      output_index: 0,
      item: {
        id: 'a1',
        type: 'message',
        role: 'assistant',
        status: 'completed',
        content: [{ type: 'output_text', text: 'still fine' }],
      },
    })
    expect(errors).toEqual(['invalid_server_event', 'invalid_server_event', 'invalid_server_event'])
    expect(raw).toContain('some.future_event')
    expect(raw).toContain('response.output_audio.delta') // malformed but typed: reported raw, then as an error
    expect(session.status).toBe('thinking') // still waiting for its response, not failed
    expect(session.history.at(-1)).toMatchObject({ text: 'still fine' })
    session.close()
  })

  it('reports a dropped connection with its code, ends the loop and refuses further sends', async () => {
    const { session, transport, clock } = await sim.start(
      new RealtimeAgent({ name: 'D' }),
      {},
      { run: { reconnect: false } },
    )
    const iterated: string[] = []
    const loop = (async () => {
      for await (const event of session) iterated.push(event.type)
    })()
    let ended = false
    void loop.then(() => {
      ended = true
    })
    session.sendMessage('drop')
    await advanceUntilServerEvent(clock, session, 'response.created')
    transport.drop({ code: 1011, reason: 'upstream failure' })
    const error = await advanceUntilEvent(clock, session, 'error')
    expect(error.error).toMatchObject({
      code: 'connection_closed',
      details: { code: 1011, reason: 'upstream failure' },
    })
    await advanceUntil(clock, () => ended, 'the end of the event loop')
    expect(iterated).toContain('agent_start')
    expect(iterated.at(-2)).toBe('error')
    expect(iterated.at(-1)).toBe('agent_end')
    expect(session.status).toBe('error')
    expect(transport.connections).toBe(1) // no reconnection: it was turned off
    expect(() => session.sendMessage('again')).toThrow(/closed/)
  })

  it('surfaces server error events with their code', async () => {
    const { session, clock } = await sim.start(new RealtimeAgent({ name: 'E' }))
    session.sendRawEvent({
      type: 'conversation.item.truncate',
      item_id: 'missing',
      content_index: 0,
      audio_end_ms: 10,
    })
    const error = await advanceUntilEvent(clock, session, 'error')
    expect(error.error).toMatchObject({ code: 'server_error', serverCode: 'item_truncate_invalid_item_id' })
    expect(session.status).toBe('listening')
    session.close()
  })
})
