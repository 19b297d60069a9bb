import { describe, expect, expectTypeOf, it } from 'vitest'
import { REALTIME_VOICES, RealtimeAgent, RealtimeError, RealtimeRunner, type Voice } from '../../src/core'
import type { RawServerEvent } from '../../src/core/protocol'
import { checkEvent, RealtimeSimulator } from '../../src/testing'
import { compileSchemasFirst } from '../helpers/schemas'

compileSchemasFirst()

function thrown(fn: () => unknown): unknown {
  try {
    fn()
  } catch (error) {
    return error
  }
  throw new Error('expected a throw')
}

describe('voices', () => {
  it('types the Realtime voices and custom voices, and refuses others', () => {
    expectTypeOf<'marin'>().toExtend<Voice>()
    expectTypeOf<{ id: 'voice_1234' }>().toExtend<Voice>()
    expectTypeOf<'fable'>().not.toExtend<Voice>()
  })

  it.each(['fable', 'onyx', 'nova'])(
    'refuses %s when the agent is made, naming the supported voices',
    (voice) => {
      // @ts-expect-error the types refuse it too; plain JavaScript reaches the runtime check
      const error = thrown(() => new RealtimeAgent({ name: 'Guide', voice }))
      expect(error).toBeInstanceOf(RealtimeError)
      expect(error).toMatchObject({ code: 'invalid_config' })
      expect((error as Error).message).toContain(`"${voice}"`)
      expect((error as Error).message).toContain(REALTIME_VOICES.join(', '))
    },
  )

  it('refuses an unsupported voice in the runner settings before connecting', () => {
    const agent = new RealtimeAgent({ name: 'Guide' })
    // @ts-expect-error plain JavaScript
    const error = thrown(() => new RealtimeRunner(agent, { modelSettings: { voice: 'fable' } }))
    expect(error).toMatchObject({ code: 'invalid_config' })
  })

  it('accepts every Realtime voice, a custom voice and a name the kit does not list yet', () => {
    for (const voice of REALTIME_VOICES) expect(new RealtimeAgent({ name: 'A', voice }).voice).toBe(voice)
    expect(new RealtimeAgent({ name: 'A', voice: { id: 'voice_1234' } }).voice).toEqual({ id: 'voice_1234' })
    // @ts-expect-error a newer voice is added to RealtimeVoiceNames by module augmentation
    expect(new RealtimeAgent({ name: 'A', voice: 'juniper' }).voice).toBe('juniper')
  })
})

describe('the simulator and voices', () => {
  function updateVoice(voice: string) {
    const events: RawServerEvent[] = []
    const sim = new RealtimeSimulator((e) => events.push(e))
    sim.open()
    sim.receive(
      JSON.stringify({
        type: 'session.update',
        event_id: 'evt_1',
        session: { type: 'realtime', audio: { output: { voice } } },
      }),
    )
    return events
  }

  it('answers an unsupported voice with the invalid_value error the live API sends', () => {
    const events = updateVoice('fable')
    expect(events.map((e) => e.type)).toEqual(['session.created', 'error'])
    expect(events[1]!.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'invalid_value',
      param: 'session.audio.output.voice',
      event_id: 'evt_1',
    })
    expect(checkEvent('server', events[1])).toBeNull()
  })

  it('takes a supported voice', () => {
    expect(updateVoice('marin').map((e) => e.type)).toEqual(['session.created', 'session.updated'])
  })
})
