import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { RealtimeAgent, RealtimeRunner, tool } from '../../src/core'
import { callTool, say } from '../../src/testing'
import { flakySimulator } from '../helpers/flaky'
import {
  advanceUntil,
  advanceUntilEvent,
  advanceUntilServerEvent,
  answered,
  inMemorySimulator,
  serverEventsOf,
} from '../helpers/inMemory'
import { collect, hasAnswer } from '../helpers/session'

const sim = inMemorySimulator()
const fast = { initialDelayMs: 10, maxDelayMs: 40, maxAttempts: 4, timeoutMs: 2000 }

describe('reconnecting without losing the conversation', () => {
  it('reconnects after a drop, re-seeds the conversation with the same ids, and carries on', async () => {
    const { transport, clock, stats } = flakySimulator(sim, {
      drops: 1,
      dropAfter: (e) => e.type === 'response.done',
      scenario: {
        turns: [{ replies: [say('First answer.')] }, { replies: [say('Second answer.')] }],
        fallback: (ctx) => say(`Still here after ${ctx.userText}`),
      },
    })
    const agent = new RealtimeAgent({ name: 'Steady', instructions: 'Keep context.' })
    const session = await new RealtimeRunner(agent).run({
      apiKey: 'sk-test',
      transport,
      clock,
      reconnect: fast,
    })
    const events = collect(session)
    const statuses: string[] = []
    session.subscribe(() => statuses.push(session.status))
    session.sendMessage('one')
    // The line dies right after the answer's response.done, in the same turn of the clock.
    await advanceUntil(clock, () => session.status === 'reconnecting', 'the drop')
    expect(session.history.at(-1)).toMatchObject({ text: 'First answer.', status: 'completed' })
    expect(events.filter((e) => e.type === 'error').map((e) => e.error.code)).toEqual(['connection_closed'])
    session.sendMessage('two') // sent while the connection is down: kept and delivered
    expect(transport.connections).toBe(1)
    await clock.advance(fast.initialDelayMs - 1)
    expect(transport.connections).toBe(1) // the backoff runs on the session's clock
    await clock.advance(1)
    expect(transport.connections).toBe(2)
    await advanceUntil(clock, hasAnswer(session, 'Second answer.'), 'the second answer')
    expect(statuses).toContain('reconnecting')
    expect(session.status).not.toBe('reconnecting')

    const second = stats.clientEvents.filter((c) => c.connection === 2).map((c) => c.event)
    expect(second[0]).toMatchObject({ type: 'session.update', session: { instructions: 'Keep context.' } })
    const seeded = second.filter((e) => e.type === 'conversation.item.create').slice(0, 2)
    const [userItem, assistantItem] = session.history
    expect(seeded).toEqual([
      {
        type: 'conversation.item.create',
        item: {
          id: userItem!.itemId,
          type: 'message',
          role: 'user',
          content: [{ type: 'input_text', text: 'one' }],
        },
      },
      {
        type: 'conversation.item.create',
        item: {
          id: assistantItem!.itemId,
          type: 'message',
          role: 'assistant',
          content: [{ type: 'output_text', text: 'First answer.' }],
        },
      },
    ])
    // What was sent while the connection was down follows the seed.
    expect(second[3]).toMatchObject({
      type: 'conversation.item.create',
      item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'two' }] },
    })
    // Nothing duplicated: the server's echoes of the seed merged into the items already there.
    expect(session.history.map((i) => (i.type === 'message' ? `${i.role}:${i.text}` : i.type))).toEqual([
      'user:one',
      'assistant:First answer.',
      'user:two',
      'assistant:Second answer.',
    ])
    expect(events.filter((e) => e.type === 'agent_end')).toHaveLength(0) // the loop did not end
    session.close()
  })

  it('treats the end of the maximum session duration (1001) like a drop, with a fresh ephemeral key each time', async () => {
    const { transport, clock, stats } = flakySimulator(sim, {
      drops: 1,
      dropAfter: (e) => e.type === 'session.updated',
      closeCode: 1001,
      closeReason: 'session_expired',
    })
    let minted = 0
    const session = await new RealtimeRunner(new RealtimeAgent({ name: 'Long' })).run({
      getClientSecret: async () => `ek_${++minted}`,
      transport,
      clock,
      reconnect: fast,
    })
    const dropped = await advanceUntilEvent(
      clock,
      session,
      'error',
      (e) => e.error.code === 'connection_closed',
    )
    expect(dropped.error).toMatchObject({ details: { code: 1001, reason: 'session_expired' } })
    await advanceUntilServerEvent(clock, session, 'session.updated')
    expect(stats.credentials).toEqual(['ek_1', 'ek_2'])
    session.sendMessage('still there?')
    await advanceUntilServerEvent(clock, session, 'response.done')
    expect(transport.connections).toBe(2)
    session.close()
  })

  it('answers a tool call that was running when the connection dropped', async () => {
    let release!: () => void
    const slow = tool({
      name: 'slow_lookup',
      description: 's',
      parameters: z.object({ q: z.string() }),
      execute: () =>
        new Promise<string>((resolve) => {
          release = () => resolve('found it')
        }),
    })
    const { transport, clock, stats } = flakySimulator(sim, {
      drops: 1,
      dropAfter: (e) => e.type === 'response.done',
      // Like a model: call the tool, answer once its output is in the conversation.
      scenario: {
        turns: [],
        fallback: (ctx) =>
          ctx.toolOutput ? say(`Result: ${ctx.toolOutput}`) : callTool('slow_lookup', { q: 'x' }),
      },
    })
    const session = await new RealtimeRunner(new RealtimeAgent({ name: 'T', tools: [slow] })).run({
      apiKey: 'sk-test',
      transport,
      clock,
      reconnect: fast,
    })
    const events = collect(session)
    const ends: string[] = []
    session.on('tool_end', (e) => ends.push(e.output))
    session.sendMessage('look it up')
    // The line dies right after the call's response.done, as the tool starts.
    const updated = () => serverEventsOf(transport.serverEvents, 'session.updated').length
    await advanceUntil(clock, () => updated() === 2, 'the session update on the new connection')
    expect(transport.connections).toBe(2)
    expect(events.filter((e) => e.type === 'tool_start')).toHaveLength(1)
    expect(events.filter((e) => e.type === 'error').map((e) => e.error.code)).toEqual(['connection_closed'])
    expect(session.status).toBe('thinking') // the tool is still running
    expect(ends).toEqual([])
    release()
    await advanceUntilEvent(clock, session, 'history_updated', answered('Result: found it'))
    expect(ends).toEqual(['found it'])
    const second = stats.clientEvents.filter((c) => c.connection === 2).map((c) => c.event)
    const call = second.findIndex(
      (e) => e.type === 'conversation.item.create' && e.item.type === 'function_call',
    )
    const output = second.findIndex(
      (e) => e.type === 'conversation.item.create' && e.item.type === 'function_call_output',
    )
    expect(call).toBeGreaterThan(0)
    expect(output).toBeGreaterThan(call) // the call is seeded before its output
    session.close()
  })

  it('gives up after the last attempt: status error, a typed error, the loop ends, waiting approvals are reported', async () => {
    let accepted = 0
    const { transport, clock } = flakySimulator(sim, {
      drops: 1,
      dropAfter: (e) => e.type === 'response.function_call_arguments.done',
      authorize: () => ++accepted === 1, // the server refuses every reconnection
      scenario: { turns: [{ replies: [callTool('pay')] }] },
    })
    const pay = tool({ name: 'pay', description: 'p', needsApproval: true, execute: () => 'paid' })
    const session = await new RealtimeRunner(new RealtimeAgent({ name: 'G', tools: [pay] })).run({
      apiKey: 'sk-test',
      transport,
      clock,
      reconnect: { ...fast, maxAttempts: 2 },
    })
    let seen: string[] | undefined
    void (async () => {
      const types: string[] = []
      for await (const e of session) types.push(e.type)
      seen = types
    })()
    const ends: (string | undefined)[] = []
    session.on('tool_end', (e) => ends.push(e.error?.code))
    session.sendMessage('pay')
    await advanceUntilEvent(clock, session, 'tool_approval_required')
    const final = await advanceUntilEvent(clock, session, 'error', (e) =>
      e.error.message.includes('attempts to reconnect failed'),
    )
    expect(final.error.code).toBe('connection_closed')
    expect(ends).toEqual(['tool_rejected'])
    expect(session.status).toBe('error')
    await advanceUntil(clock, () => seen !== undefined, 'the end of the event loop')
    expect(seen).toContain('agent_end')
    expect(transport.connections).toBe(3)
    expect(accepted).toBe(3)
  })
})
