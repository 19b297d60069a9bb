import { describe, expect, it } from 'vitest'
import { defineOutputGuardrail, handoff, RealtimeAgent, type RealtimeSessionEvent } from '../../src/core'
import { engineOf } from '../../src/core/session'
import { say } from '../../src/testing'
import { advanceUntilEvent, answered, inMemorySimulator } from '../helpers/inMemory'
import { offlineSession } from '../helpers/pushTransport'

const sim = inMemorySimulator()

const noSecrets = defineOutputGuardrail({
  name: 'no_secrets',
  execute: ({ agentOutput }) => ({ tripwireTriggered: agentOutput.includes('secret code') }),
})

describe('output guardrail checks, loaded only by sessions that have guardrails', () => {
  it('are not loaded for a session without guardrails', async () => {
    const { session, clock } = await sim.start(new RealtimeAgent({ name: 'Plain' }), {
      scenario: { turns: [{ replies: [say('Hi.')] }] },
    })
    session.sendMessage('Hello')
    await advanceUntilEvent(clock, session, 'history_updated', answered('Hi.'))
    expect(engineOf(session).monitor.requested).toBe(false)
    session.close()
  })

  it('are loaded before connecting for run-wide guardrails', async () => {
    const { session } = await sim.start(
      new RealtimeAgent({ name: 'G' }),
      {},
      {
        config: { outputGuardrails: [noSecrets] },
      },
    )
    expect(engineOf(session).monitor.loaded).not.toBeNull()
    session.close()
  })

  it('are loaded before connecting when an agent reached by a handoff has a guardrail', async () => {
    const guarded = new RealtimeAgent({ name: 'Guarded', outputGuardrails: [noSecrets] })
    const middle = new RealtimeAgent({ name: 'Middle', handoffs: [handoff(guarded)] })
    const { session } = await sim.start(new RealtimeAgent({ name: 'Triage', handoffs: [middle] }), {})
    expect(engineOf(session).monitor.loaded).not.toBeNull()
    session.close()
  })

  it('are loaded before the app switches to an agent with a guardrail', async () => {
    const { session } = await sim.start(new RealtimeAgent({ name: 'Plain' }), {})
    expect(engineOf(session).monitor.requested).toBe(false)
    await session.updateAgent(new RealtimeAgent({ name: 'Guarded', outputGuardrails: [noSecrets] }))
    expect(engineOf(session).monitor.loaded).not.toBeNull()
    session.close()
  })

  it('load on first use in a session made without the runner, and still trip', async () => {
    const { session, transport } = offlineSession(new RealtimeAgent({ name: 'G' }), {
      outputGuardrails: [noSecrets],
      outputGuardrailSettings: { debounceTextLength: 1 },
    })
    const engine = engineOf(session)
    expect(engine.monitor.requested).toBe(false)
    const tripped = new Promise<RealtimeSessionEvent>((resolve) => session.on('guardrail_tripped', resolve))
    transport.push({
      type: 'response.created',
      event_id: 'e1',
      response: { id: 'r1', object: 'realtime.response', status: 'in_progress', output: [] },
    })
    transport.push({
      type: 'response.output_item.added',
      event_id: 'e2',
      response_id: 'r1',
      output_index: 0,
      item: { id: 'a1', type: 'message', role: 'assistant', status: 'in_progress', content: [] },
    })
    transport.push({
      type: 'response.output_text.delta',
      event_id: 'e3',
      response_id: 'r1',
      item_id: 'a1',
      output_index: 0,
      content_index: 0,
      delta: 'The secret code is 1234.',
    })
    expect(engine.monitor.requested).toBe(true)
    expect(engine.monitor.loaded).toBeNull()
    // The check handed over before the support loaded runs once it has.
    expect(await tripped).toMatchObject({ itemId: 'a1', message: 'The secret code is 1234.' })
    expect(transport.sent.map((e) => e.type)).toContain('response.cancel')
    session.close()
  })
})
