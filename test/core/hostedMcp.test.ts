import { describe, expect, it } from 'vitest'
import { hostedMcpTool, RealtimeAgent, type RealtimeSessionEvent } from '../../src/core'
import { engineOf } from '../../src/core/session'
import { callMcp, type SimulatedMcpServer, type SimulatorTransportOptions, say } from '../../src/testing'
import {
  advanceUntil,
  advanceUntilEvent,
  advanceUntilServerEvent,
  answered,
  clientEventsOf,
  inMemorySimulator,
} from '../helpers/inMemory'

const sim = inMemorySimulator()

const dice: SimulatedMcpServer = {
  tools: [
    {
      name: 'roll',
      description: 'Rolls dice.',
      inputSchema: { type: 'object', properties: { sides: { type: 'number' } } },
    },
    { name: 'explode', description: 'Always fails.' },
  ],
  call: (name, args) => {
    if (name === 'explode') throw new Error('the die fell off the table')
    return `rolled ${(args as { sides: number }).sides}`
  },
}

function agentWith(requireApproval: 'always' | 'never' = 'always') {
  return new RealtimeAgent({
    name: 'Gamer',
    tools: [hostedMcpTool({ serverLabel: 'dice', serverUrl: 'https://dice.example/mcp', requireApproval })],
  })
}

function simulator(extra: Partial<SimulatorTransportOptions> = {}): Omit<SimulatorTransportOptions, 'clock'> {
  return {
    scenario: {
      mcpServers: { dice },
      turns: [
        {
          replies: [
            callMcp('dice', 'roll', { sides: 6 }),
            (ctx) => say(ctx.toolOutput ? `You ${ctx.toolOutput}.` : 'No roll, then.'),
          ],
        },
      ],
    },
    ...extra,
  }
}

describe('hosted MCP tools', () => {
  it('are offered to the model as mcp tools, and report the tools the server lists', async () => {
    const agent = agentWith()
    const { session, transport, clock } = await sim.start(agent, simulator())
    expect(clientEventsOf(transport.clientEvents, 'session.update')[0]!.session).toMatchObject({
      tools: [
        {
          type: 'mcp',
          server_label: 'dice',
          server_url: 'https://dice.example/mcp',
          require_approval: 'always',
        },
      ],
    })
    // The server lists the tools while run() completes: the first loop still sees the event.
    await clock.advance(0)
    const seen: RealtimeSessionEvent[] = []
    const loop = (async () => {
      for await (const event of session) seen.push(event)
    })()
    session.close()
    await loop
    expect(seen.filter((e) => e.type === 'mcp_tools_listed')).toMatchObject([
      { serverLabel: 'dice', tools: ['roll', 'explode'] },
    ])
  })

  it("filters tools by the server's read-only hint, for offering and for approval", async () => {
    const annotated: SimulatedMcpServer = {
      ...dice,
      tools: [
        { name: 'peek', description: 'Looks at the die.', annotations: { readOnlyHint: true } },
        ...dice.tools,
      ],
      call: (name, args) => (name === 'peek' ? 'a six' : dice.call?.(name, args)),
    }
    const agent = new RealtimeAgent({
      name: 'Gamer',
      tools: [
        hostedMcpTool({
          serverLabel: 'dice',
          serverUrl: 'https://dice.example/mcp',
          allowedTools: { readOnly: true },
          requireApproval: { never: { readOnly: true } },
        }),
      ],
    })
    const { session, clock } = await sim.start(
      agent,
      simulator({
        scenario: {
          mcpServers: { dice: annotated },
          turns: [{ replies: [callMcp('dice', 'peek', {}), (ctx) => say(`It shows ${ctx.toolOutput}.`)] }],
        },
      }),
    )
    // The session's iterator keeps what came while run() completed: the listing is among it.
    const seen: RealtimeSessionEvent[] = []
    const loop = (async () => {
      for await (const event of session) seen.push(event)
    })()
    session.sendMessage('What does the die show?')
    await advanceUntilEvent(clock, session, 'history_updated', answered('It shows a six.'))
    session.close()
    await loop
    expect(seen.filter((e) => e.type === 'mcp_tools_listed')).toMatchObject([
      { serverLabel: 'dice', tools: ['peek'] },
    ])
    expect(seen.filter((e) => e.type === 'tool_approval_required')).toEqual([])
    expect(seen.find((e) => e.type === 'tool_end')).toMatchObject({ name: 'peek', output: 'a six' })
  })

  it('asks the app before a call, runs it once approved, and shows it like a function call', async () => {
    const { session, transport, clock } = await sim.start(agentWith(), simulator())
    const events: RealtimeSessionEvent[] = []
    session.on('*', (e) => e.type.startsWith('tool_') && events.push(e))
    session.sendMessage('Roll a d6')
    const asked = await advanceUntilEvent(clock, session, 'tool_approval_required')
    expect(asked).toMatchObject({
      name: 'roll',
      arguments: { sides: 6 },
      tool: { type: 'hosted_mcp', serverLabel: 'dice' },
    })
    expect(session.stores.toolCalls.getSnapshot()).toMatchObject([
      {
        callId: asked.callId,
        name: 'roll',
        serverLabel: 'dice',
        status: 'awaiting_approval',
        agentName: 'Gamer',
      },
    ])
    session.approveTool(asked.callId)
    expect(clientEventsOf(transport.clientEvents, 'conversation.item.create').at(-1)!.item).toMatchObject({
      type: 'mcp_approval_response',
      approval_request_id: asked.callId,
      approve: true,
    })
    await advanceUntilEvent(clock, session, 'history_updated', answered('You rolled 6.'))
    expect(events.map((e) => e.type)).toEqual(['tool_approval_required', 'tool_start', 'tool_end'])
    expect(events[2]).toMatchObject({ name: 'roll', callId: asked.callId, output: 'rolled 6', error: null })
    expect(session.stores.toolCalls.getSnapshot()).toMatchObject([
      { callId: asked.callId, status: 'done', output: 'rolled 6', serverLabel: 'dice' },
    ])
    const call = session.history.find((i) => i.type === 'function_call')
    expect(call).toMatchObject({
      name: 'roll',
      callId: asked.callId,
      serverLabel: 'dice',
      output: 'rolled 6',
      status: 'completed',
      arguments: '{"sides":6}',
    })
    session.close()
  })

  it('reports a call as started when the server starts running it, before its result', async () => {
    const { session, clock } = await sim.start(agentWith('never'), simulator())
    let lastServerEvent = ''
    session.on('raw_model_event', (e) => {
      lastServerEvent = e.data.type
    })
    const startedBy: string[] = []
    session.on('tool_start', () => startedBy.push(lastServerEvent))
    session.sendMessage('Roll a d6')
    const started = await advanceUntilEvent(clock, session, 'tool_start')
    expect(started).toMatchObject({ name: 'roll', arguments: { sides: 6 }, tool: { serverLabel: 'dice' } })
    expect(startedBy).toEqual(['response.mcp_call.in_progress'])
    session.close()
  })

  it('tells the server when the app declines, and the model goes on without the call', async () => {
    const { session, transport, clock } = await sim.start(agentWith(), simulator())
    const ended: RealtimeSessionEvent[] = []
    session.on('tool_end', (e) => ended.push(e))
    session.sendMessage('Roll a d6')
    const asked = await advanceUntilEvent(clock, session, 'tool_approval_required')
    session.rejectTool(asked.callId, { message: 'Not now.' })
    expect(clientEventsOf(transport.clientEvents, 'conversation.item.create').at(-1)!.item).toMatchObject({
      type: 'mcp_approval_response',
      approve: false,
    })
    expect(ended).toMatchObject([{ name: 'roll', error: { code: 'tool_rejected', message: 'Not now.' } }])
    await advanceUntilEvent(clock, session, 'history_updated', answered('No roll, then.'))
    expect(session.stores.toolCalls.getSnapshot()).toMatchObject([{ status: 'rejected' }])
    expect(session.history.some((i) => i.type === 'function_call')).toBe(false)
    session.close()
  })

  it('runs calls the policy does not hold, and reports a failing one as a failed tool call', async () => {
    const { session, clock } = await sim.start(
      agentWith('never'),
      simulator({
        scenario: {
          mcpServers: { dice },
          turns: [{ replies: [callMcp('dice', 'explode'), (ctx) => say(`Oops: ${ctx.toolOutput}`)] }],
        },
      }),
    )
    const asked: unknown[] = []
    session.on('tool_approval_required', (e) => asked.push(e))
    session.sendMessage('Explode')
    const end = await advanceUntilEvent(clock, session, 'tool_end')
    expect(asked).toEqual([])
    expect(end.error).toMatchObject({
      code: 'tool_execution_failed',
      message: expect.stringMatching(/fell off the table/),
    })
    await advanceUntil(clock, () => session.status === 'listening', 'the end of the answer')
    expect(session.stores.toolCalls.getSnapshot()).toMatchObject([{ name: 'explode', status: 'failed' }])
    expect(session.history.find((i) => i.type === 'function_call')).toMatchObject({
      serverLabel: 'dice',
      status: 'incomplete',
      output: expect.stringMatching(/fell off the table/),
    })
    session.close()
  })

  it('reports a server that cannot list its tools as an mcp_failed error, and the session goes on', async () => {
    const { session, clock } = await sim.start(
      agentWith(),
      simulator({
        scenario: {
          mcpServers: { dice: { ...dice, unreachable: true } },
          turns: [{ replies: [say('Still here.')] }],
        },
      }),
    )
    await clock.advance(0)
    expect(session.getSnapshot().error).toMatchObject({ code: 'mcp_failed' })
    session.sendMessage('Hello')
    await advanceUntilEvent(clock, session, 'history_updated', answered('Still here.'))
    session.close()
  })

  it('declines calls still waiting when the session closes', async () => {
    const { session, clock } = await sim.start(agentWith(), simulator())
    const ended: RealtimeSessionEvent[] = []
    session.on('tool_end', (e) => ended.push(e))
    session.sendMessage('Roll a d6')
    await advanceUntilEvent(clock, session, 'tool_approval_required')
    session.close()
    expect(ended).toMatchObject([{ name: 'roll', error: { code: 'tool_rejected' } }])
    expect(session.stores.toolCalls.getSnapshot()).toMatchObject([{ status: 'rejected' }])
  })

  describe('support, loaded only by sessions that need it', () => {
    it('is not loaded for agents without a hosted server', async () => {
      const { session, clock } = await sim.start(
        new RealtimeAgent({ name: 'Plain' }),
        simulator({ scenario: { turns: [{ replies: [say('Hi.')] }] } }),
      )
      session.sendMessage('Hello')
      await advanceUntilEvent(clock, session, 'history_updated', answered('Hi.'))
      expect(engineOf(session).mcp.loaded).toBeNull()
      session.close()
    })

    it('is loaded before connecting when an agent reached by a handoff has a hosted server', async () => {
      const triage = new RealtimeAgent({ name: 'Triage', handoffs: [agentWith()] })
      const { session } = await sim.start(triage, simulator())
      expect(engineOf(session).mcp.loaded).not.toBeNull()
      session.close()
    })

    it('loads when the server reports a call of a hosted server set up by hand, events in order', async () => {
      const { session, clock } = await sim.start(new RealtimeAgent({ name: 'Gamer' }), simulator())
      const engine = engineOf(session)
      expect(engine.mcp.loaded).toBeNull()
      session.sendRawEvent({
        type: 'session.update',
        session: {
          type: 'realtime',
          tools: [{ type: 'mcp', server_label: 'dice', server_url: 'https://dice.example/mcp' }],
        },
      })
      const events: string[] = []
      session.on(
        '*',
        (e) => (e.type.startsWith('tool_') || e.type === 'mcp_tools_listed') && events.push(e.type),
      )
      session.sendMessage('Roll a d6')
      await advanceUntilServerEvent(clock, session, 'response.done')
      // The events that came before the support loaded are handled once it has, in their order.
      await engine.mcp.load()
      expect(events).toEqual(['mcp_tools_listed', 'tool_approval_required'])
      const [call] = session.stores.toolCalls.getSnapshot()
      expect(call).toMatchObject({ name: 'roll', serverLabel: 'dice', status: 'awaiting_approval' })
      session.approveTool(call!.callId)
      await advanceUntilEvent(clock, session, 'history_updated', answered('You rolled 6.'))
      expect(events).toEqual(['mcp_tools_listed', 'tool_approval_required', 'tool_start', 'tool_end'])
      session.close()
    })
  })
})
