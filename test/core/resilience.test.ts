import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { RealtimeAgent, RealtimeRunner, tool } from '../../src/core'
import { callTool, say } from '../../src/testing'
import { flakyServer } from '../helpers/flaky'
import { collect, nextEvent, nextServerEvent } from '../helpers/session'
import { serveSimulator } from '../helpers/simulated'

const sim = serveSimulator()
const fast = { initialDelayMs: 10, maxDelayMs: 40, maxAttempts: 4, timeoutMs: 2000 }
const answered = (text: string) => (e: { item: unknown }) => {
  const item = e.item as { type?: string; role?: string; text?: string; status?: string } | null
  return (
    item?.type === 'message' && item.role === 'assistant' && item.text === text && item.status === 'completed'
  )
}

describe('reconnecting without losing the conversation', () => {
  it('reconnects after a drop, re-seeds the conversation with the same ids, and carries on', async () => {
    const flaky = flakyServer({
      drops: 1,
      dropAfter: (e) => e.type === 'response.done',
      scenario: {
        turns: [{ replies: [say('First answer.')] }, { replies: [say('Second answer.')] }],
        fallback: (ctx) => say(`Still here after ${ctx.userText}`),
      },
    })
    sim.replaceHandlers(flaky.handler)
    const agent = new RealtimeAgent({ name: 'Steady', instructions: 'Keep context.' })
    const session = await new RealtimeRunner(agent).run({ apiKey: 'sk-test', reconnect: fast })
    const events = collect(session)
    const statuses: string[] = []
    session.subscribe(() => statuses.push(session.status))
    session.sendMessage('one')
    await nextEvent(session, 'history_updated', answered('First answer.'))
    await nextEvent(session, 'error', (e) => e.error.code === 'connection_closed')
    expect(session.status).toBe('reconnecting')
    session.sendMessage('two') // sent while the connection is down: kept and delivered
    await nextEvent(session, 'history_updated', answered('Second answer.'), 5000)
    expect(flaky.stats.connections).toBe(2)
    expect(statuses).toContain('reconnecting')
    expect(session.status).not.toBe('reconnecting')

    const second = flaky.stats.clientEvents.filter((c) => c.connection === 2).map((c) => c.event)
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
    const flaky = flakyServer({
      drops: 1,
      dropAfter: (e) => e.type === 'session.updated',
      closeCode: 1001,
      closeReason: 'session_expired',
    })
    sim.replaceHandlers(flaky.handler)
    let minted = 0
    const session = await new RealtimeRunner(new RealtimeAgent({ name: 'Long' })).run({
      getClientSecret: async () => `ek_${++minted}`,
      reconnect: fast,
    })
    await nextEvent(session, 'error', (e) => e.error.code === 'connection_closed')
    await nextServerEvent(session, 'session.updated', 3000)
    expect(flaky.stats.credentials).toEqual(['ek_1', 'ek_2'])
    session.sendMessage('still there?')
    await nextServerEvent(session, 'response.done', 3000)
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
    const flaky = flakyServer({
      drops: 1,
      dropAfter: (e) => e.type === 'response.done',
      // Like a model: call the tool, answer once its output is in the conversation.
      scenario: {
        turns: [],
        fallback: (ctx) =>
          ctx.toolOutput ? say(`Result: ${ctx.toolOutput}`) : callTool('slow_lookup', { q: 'x' }),
      },
    })
    sim.replaceHandlers(flaky.handler)
    const session = await new RealtimeRunner(new RealtimeAgent({ name: 'T', tools: [slow] })).run({
      apiKey: 'sk-test',
      reconnect: fast,
    })
    const started = nextEvent(session, 'tool_start')
    const dropped = nextEvent(session, 'error', (e) => e.error.code === 'connection_closed')
    session.sendMessage('look it up')
    await started
    await dropped
    await nextServerEvent(session, 'session.updated', 3000)
    release()
    const end = await nextEvent(session, 'tool_end')
    expect(end.output).toBe('found it')
    await nextEvent(session, 'history_updated', answered('Result: found it'), 3000)
    const second = flaky.stats.clientEvents.filter((c) => c.connection === 2).map((c) => c.event)
    const call = second.find((e) => (e.item as { type?: string })?.type === 'function_call')
    const output = second.find((e) => (e.item as { type?: string })?.type === 'function_call_output')
    expect(call).toBeDefined()
    expect(second.indexOf(output!)).toBeGreaterThan(second.indexOf(call!)) // the call is seeded before its output
    session.close()
  })

  it('gives up after the last attempt: status error, a typed error, the loop ends, waiting approvals are reported', async () => {
    let accepted = 0
    const flaky = flakyServer({
      drops: 1,
      dropAfter: (e) => e.type === 'response.function_call_arguments.done',
      authorize: () => ++accepted === 1, // the server refuses every reconnection
      scenario: { turns: [{ replies: [callTool('pay')] }] },
    })
    sim.replaceHandlers(flaky.handler)
    const pay = tool({ name: 'pay', description: 'p', needsApproval: true, execute: () => 'paid' })
    const session = await new RealtimeRunner(new RealtimeAgent({ name: 'G', tools: [pay] })).run({
      apiKey: 'sk-test',
      reconnect: { ...fast, maxAttempts: 2 },
    })
    const loop = (async () => {
      const seen: string[] = []
      for await (const e of session) seen.push(e.type)
      return seen
    })()
    const approval = nextEvent(session, 'tool_approval_required')
    session.sendMessage('pay')
    await approval
    const rejected = nextEvent(session, 'tool_end', () => true, 5000)
    const final = await nextEvent(
      session,
      'error',
      (e) => e.error.message.includes('attempts to reconnect failed'),
      5000,
    )
    expect(final.error.code).toBe('connection_closed')
    expect((await rejected).error?.code).toBe('tool_rejected')
    expect(session.status).toBe('error')
    expect(await loop).toContain('agent_end')
    expect(flaky.stats.connections).toBe(3)
  })
})
