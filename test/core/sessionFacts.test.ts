import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { RealtimeAgent, tool } from '../../src/core'
import { flushMicrotasks } from '../../src/testing'
import { offlineSession } from '../helpers/pushTransport'

const lookup = tool({
  name: 'lookup',
  description: 'Looks a word up.',
  parameters: z.object({ word: z.string() }),
  execute: ({ word }) => `${word}: a greeting`,
})

describe('agent_end', () => {
  it('comes once when the session closes, however often close() is called', async () => {
    const agent = new RealtimeAgent({ name: 'A' })
    const { session } = offlineSession(agent)
    const ended: string[] = []
    session.on('agent_end', (e) => ended.push(e.agent.name))
    const iterated: string[] = []
    const loop = (async () => {
      for await (const event of session) if (event.type === 'agent_end') iterated.push(event.agent.name)
    })()
    session.close()
    session.close()
    await loop
    expect(ended).toEqual(['A'])
    expect(iterated).toEqual(['A'])
  })

  it('comes once when the server drops the connection and the app closes afterwards', () => {
    const { session, transport } = offlineSession(new RealtimeAgent({ name: 'A' }))
    const ended: string[] = []
    session.on('agent_end', (e) => ended.push(e.agent.name))
    transport.drop()
    session.close()
    expect(ended).toEqual(['A'])
  })
})

describe('a server error event', () => {
  it('carries its own event_id and the refused client event id as fields', () => {
    const { session, transport } = offlineSession(new RealtimeAgent({ name: 'A' }))
    const errors: unknown[] = []
    session.on('error', (e) => errors.push(e.error))
    transport.push({
      type: 'error',
      event_id: 'event_srv_1',
      error: {
        type: 'invalid_request_error',
        code: 'invalid_value',
        message: 'Bad.',
        param: null,
        event_id: 'evt_client_9',
      },
    })
    expect(errors).toMatchObject([
      {
        code: 'server_error',
        serverCode: 'invalid_value',
        eventId: 'event_srv_1',
        clientEventId: 'evt_client_9',
      },
    ])
  })
})

describe('a tool output', () => {
  it('joins its call in the history when the kit sends it, and the echo adds nothing', async () => {
    const { session, transport } = offlineSession(new RealtimeAgent({ name: 'A', tools: [lookup] }))
    const call = {
      id: 'item_call',
      type: 'function_call',
      status: 'completed',
      call_id: 'call_1',
      name: 'lookup',
      arguments: '{"word":"hi"}',
    }
    transport.push({
      type: 'response.created',
      event_id: 'e1',
      response: { id: 'resp_1', status: 'in_progress' },
    })
    transport.push({
      type: 'response.output_item.added',
      event_id: 'e2',
      response_id: 'resp_1',
      output_index: 0,
      item: { ...call, status: 'in_progress', arguments: '' },
    })
    transport.push({
      type: 'response.output_item.done',
      event_id: 'e3',
      response_id: 'resp_1',
      output_index: 0,
      item: call,
    })
    await flushMicrotasks()
    const create = transport.ofType('conversation.item.create').at(-1)!
    expect(create.item).toMatchObject({
      type: 'function_call_output',
      call_id: 'call_1',
      output: 'hi: a greeting',
    })
    // No echo yet: the history already holds the output.
    expect(session.history).toMatchObject([
      { type: 'function_call', callId: 'call_1', output: 'hi: a greeting' },
    ])
    const updates: unknown[] = []
    session.on('history_updated', (e) => updates.push(e.item))
    transport.push({
      type: 'conversation.item.added',
      event_id: 'e4',
      previous_item_id: 'item_call',
      item: create.item,
    })
    transport.push({
      type: 'conversation.item.done',
      event_id: 'e5',
      previous_item_id: 'item_call',
      item: create.item,
    })
    expect(updates).toEqual([])
    expect(session.history).toHaveLength(1)
    session.close()
  })
})
