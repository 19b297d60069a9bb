import { describe, expect, it } from 'vitest'
import { handoff, RealtimeAgent, type RealtimeSessionEvent, tool } from '../../src/core'
import { ToolCallStore } from '../../src/core/stores'
import { ToolCallRunner } from '../../src/core/toolCalls'
import { flushMicrotasks, ManualClock } from '../../src/testing'

const lookup = tool({
  name: 'lookup',
  description: 'l',
  parameters: { type: 'object', properties: { q: { type: 'string' } }, required: ['q'] },
  execute: (args: { q: string }) => `found ${args.q}`,
})
const pay = tool({
  name: 'pay',
  description: 'p',
  parameters: { type: 'object', properties: {} },
  needsApproval: true,
  execute: () => 'paid',
})
const broken = tool({
  name: 'broken',
  description: 'b',
  parameters: { type: 'object', properties: {} },
  execute: () => {
    throw new Error('kaput')
  },
})
const slow = tool({
  name: 'slow',
  description: 's',
  parameters: { type: 'object', properties: {} },
  timeoutMs: 1000,
  execute: (_args, { signal }) =>
    new Promise((resolve) => signal.addEventListener('abort', () => resolve('late'))),
})
const other = new RealtimeAgent({ name: 'Other' })

function runner(options: { needsApprovalThrows?: boolean } = {}) {
  const asker = tool({
    name: 'asker',
    description: 'a',
    parameters: { type: 'object', properties: {} },
    needsApproval: () => {
      if (options.needsApprovalThrows) throw new Error('cannot tell')
      return false
    },
    execute: () => 'asked',
  })
  const agent = new RealtimeAgent({
    name: 'Main',
    tools: [lookup, pay, broken, slow, asker],
    handoffs: [handoff(other)],
  })
  const events: RealtimeSessionEvent[] = []
  const outputs: [string, string][] = []
  const handoffs: string[] = []
  const abort = new AbortController()
  const calls = new ToolCallStore()
  const clock = new ManualClock()
  const tools = new ToolCallRunner({
    agent,
    runContext: { context: undefined },
    clock,
    signal: abort.signal,
    calls,
    emit: (event) => events.push(event),
    sendToolOutput: (callId, output) => outputs.push([callId, output]),
    performHandoff: async (_from, target, callId) => {
      handoffs.push(`${callId}:${target.agent.name}`)
    },
  })
  const types = () => events.map((e) => e.type)
  const status = (callId: string) => calls.getSnapshot().find((c) => c.callId === callId)?.status
  return { tools, events, outputs, handoffs, abort, calls, clock, types, status }
}

describe('ToolCallRunner', () => {
  it('runs a call once, with validated arguments, and records it running then done', async () => {
    const r = runner()
    const run = r.tools.handle({ callId: 'c1', name: 'lookup', arguments: '{"q":"x"}' })
    expect(run).not.toBeNull()
    expect(r.tools.inFlight).toBe(1)
    expect(r.tools.has('c1')).toBe(true)
    expect(r.tools.has('c2')).toBe(false)
    // The API reports a call twice (arguments done, item done): the second is ignored.
    expect(r.tools.handle({ callId: 'c1', name: 'lookup', arguments: '{"q":"x"}' })).toBeNull()
    await run
    expect(r.tools.inFlight).toBe(0)
    expect(r.outputs).toEqual([['c1', 'found x']])
    expect(r.types()).toEqual(['tool_start', 'tool_end'])
    expect(r.calls.getSnapshot()).toEqual([
      {
        callId: 'c1',
        name: 'lookup',
        agentName: 'Main',
        serverLabel: null,
        arguments: { q: 'x' },
        status: 'done',
        output: 'found x',
        error: null,
      },
    ])
  })

  it('answers an unknown tool and invalid arguments with an error, never running anything', async () => {
    const r = runner()
    await r.tools.handle({ callId: 'u', name: 'missing', arguments: '{}' })
    expect(r.events[0]).toMatchObject({
      type: 'error',
      error: { code: 'tool_not_found', details: { tool: 'missing', callId: 'u' } },
    })
    expect(JSON.parse(r.outputs[0]![1])).toEqual({ error: expect.stringContaining('"missing"') })
    await r.tools.handle({ callId: 'i', name: 'lookup', arguments: '{"q":1}' })
    expect(r.events.at(-2)).toMatchObject({ type: 'error', error: { code: 'tool_invalid_arguments' } })
    expect(r.events.at(-1)).toMatchObject({
      type: 'tool_end',
      callId: 'i',
      error: { code: 'tool_invalid_arguments' },
    })
    expect(r.status('i')).toBe('failed')
    const invalid = r.events.at(-1)
    expect(r.outputs.at(-1)).toEqual([
      'i',
      JSON.stringify({ error: invalid?.type === 'tool_end' ? invalid.error?.message : '' }),
    ])
    expect(r.outputs.at(-1)![1]).toContain('q')
    expect(r.types()).not.toContain('tool_start')
  })

  it('a tool that throws fails its call; one that hangs times out on the clock', async () => {
    const r = runner()
    await r.tools.handle({ callId: 'b', name: 'broken', arguments: '{}' })
    expect(r.status('b')).toBe('failed')
    expect(r.outputs[0]![1]).toContain('kaput')
    const hanging = r.tools.handle({ callId: 's', name: 'slow', arguments: '{}' })!
    await flushMicrotasks()
    expect(r.status('s')).toBe('running')
    await r.clock.advance(999)
    expect(r.tools.inFlight).toBe(1)
    await r.clock.advance(1)
    await hanging
    expect(r.status('s')).toBe('failed')
    expect(r.calls.getSnapshot().find((c) => c.callId === 's')?.error?.code).toBe('tool_timeout')
  })

  it('waits for approval; approve runs it, reject answers with the message, and unknown ids are refused', async () => {
    const r = runner()
    const first = r.tools.handle({ callId: 'p1', name: 'pay', arguments: '{}' })!
    await flushMicrotasks()
    expect(r.status('p1')).toBe('awaiting_approval')
    expect(r.types()).toEqual(['tool_approval_required'])
    expect(r.tools.approve('nope')).toBe(false)
    expect(r.tools.approve('p1')).toBe(true)
    expect(r.tools.approve('p1')).toBe(false) // decided once
    await first
    expect(r.status('p1')).toBe('done')
    const second = r.tools.handle({ callId: 'p2', name: 'pay', arguments: '{}' })!
    await flushMicrotasks()
    expect(r.tools.reject('p2', 'Not today.')).toBe(true)
    await second
    expect(r.status('p2')).toBe('rejected')
    expect(r.outputs.at(-1)).toEqual(['p2', JSON.stringify({ error: 'Not today.' })])
    // Approval was not remembered: the next call asks again.
    void r.tools.handle({ callId: 'p3', name: 'pay', arguments: '{}' })
    await flushMicrotasks()
    expect(r.status('p3')).toBe('awaiting_approval')
  })

  it('"always" approves or declines the tool for the rest of the session', async () => {
    const r = runner()
    const a = r.tools.handle({ callId: 'a1', name: 'pay', arguments: '{}' })!
    await flushMicrotasks()
    r.tools.approve('a1', true)
    await a
    await r.tools.handle({ callId: 'a2', name: 'pay', arguments: '{}' })
    expect(r.status('a2')).toBe('done')
    expect(r.events.filter((e) => e.type === 'tool_approval_required')).toHaveLength(1)

    const d = runner()
    const b = d.tools.handle({ callId: 'b1', name: 'pay', arguments: '{}' })!
    await flushMicrotasks()
    d.tools.reject('b1', undefined, true)
    await b
    expect(d.outputs[0]![1]).toContain('declined')
    await d.tools.handle({ callId: 'b2', name: 'pay', arguments: '{}' })
    expect(d.status('b2')).toBe('rejected')
    expect(d.events.filter((e) => e.type === 'tool_approval_required')).toHaveLength(1)
  })

  it('asks for approval when needsApproval throws, and reports it', async () => {
    const r = runner({ needsApprovalThrows: true })
    void r.tools.handle({ callId: 'x', name: 'asker', arguments: '{}' })
    await flushMicrotasks()
    expect(r.events[0]).toMatchObject({ type: 'error', error: { code: 'tool_execution_failed' } })
    expect(r.status('x')).toBe('awaiting_approval')
    const fine = runner()
    await fine.tools.handle({ callId: 'y', name: 'asker', arguments: '{}' })
    expect(fine.status('y')).toBe('done')
  })

  it('hands a transfer tool to the handoff, and rejectAll answers every pending approval', async () => {
    const r = runner()
    await r.tools.handle({ callId: 'h', name: 'transfer_to_other', arguments: '{}' })
    expect(r.handoffs).toEqual(['h:Other'])
    expect(r.outputs).toEqual([])
    const pending = r.tools.handle({ callId: 'p', name: 'pay', arguments: '{}' })!
    await flushMicrotasks()
    r.tools.rejectAll('The session closed.')
    await pending
    expect(r.outputs.at(-1)).toEqual(['p', JSON.stringify({ error: 'The session closed.' })])
  })

  it('records nothing more once the session ended (its signal aborted), but still answers', async () => {
    const r = runner()
    const pending = r.tools.handle({ callId: 'p', name: 'pay', arguments: '{}' })!
    await flushMicrotasks()
    const before = r.calls.getSnapshot()
    r.abort.abort()
    r.tools.rejectAll('closed')
    await pending
    expect(r.calls.getSnapshot()).toBe(before)
    expect(r.types().at(-1)).toBe('tool_end')
  })
})
