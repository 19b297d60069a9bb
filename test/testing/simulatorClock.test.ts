import { afterEach, describe, expect, it, vi } from 'vitest'
import { ManualClock, say } from '../../src/testing'
import { drive, IDLE_TIMEOUT_6S } from '../helpers/drive'
import { compileSchemasFirst } from '../helpers/schemas'

compileSchemasFirst()

afterEach(() => {
  vi.useRealTimers()
})

describe('RealtimeSimulator on an injected clock', () => {
  const hi = {
    type: 'conversation.item.create',
    item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hi' }] },
  }

  it('streams one chunk per pace step of the clock, and nothing while the clock stands still', async () => {
    const clock = new ManualClock()
    const { send, of } = drive({
      clock,
      pace: 'realtime',
      chunkMs: 100,
      scenario: { turns: [{ replies: [say('One two three four.')] }] }, // 1235 ms: 13 chunks
    })
    send(hi)
    send({ type: 'response.create' })
    await clock.flush()
    expect(of('response.created')).toHaveLength(1)
    expect(of('response.output_audio.delta')).toHaveLength(0)
    await clock.advance(100)
    expect(of('response.output_audio.delta')).toHaveLength(1)
    await clock.advance(199)
    expect(of('response.output_audio.delta')).toHaveLength(2)
    await clock.advance(1)
    expect(of('response.output_audio.delta')).toHaveLength(3)
    expect(of('response.done')).toHaveLength(0)
    await clock.runAll()
    expect(of('response.output_audio.delta')).toHaveLength(13)
    expect(of('response.done')).toHaveLength(1)
    expect(clock.now()).toBe(1400) // 13 chunks, each followed by one 100 ms step, after the first step
  })

  it('fires the idle timeout when the clock reaches it, not before', async () => {
    const clock = new ManualClock()
    const { send, of } = drive({
      clock,
      scenario: { turns: [{ replies: [say('Anything else?'), say('Are you still there?')] }] },
    })
    send(IDLE_TIMEOUT_6S)
    send(hi)
    send({ type: 'response.create' })
    await clock.advance(0) // pace 0: the whole answer streams at t = 0
    expect(of('response.done')).toHaveLength(1)
    expect(clock.pendingTimers).toBe(1)
    await clock.advance(6000 + 910 - 1) // the timeout counts from the end of the answer's 910 ms of audio
    expect(of('input_audio_buffer.timeout_triggered')).toHaveLength(0)
    await clock.advance(1)
    expect(of('input_audio_buffer.timeout_triggered')).toHaveLength(1)
    expect(of('response.output_audio_transcript.done').map((e) => e.transcript)).toEqual([
      'Anything else?',
      'Are you still there?',
    ])
  })

  it('leaves no timer behind once disposed', async () => {
    const clock = new ManualClock()
    const { sim, send, of } = drive({ clock, pace: 50 })
    send(hi)
    send({ type: 'response.create' })
    await clock.advance(120)
    expect(clock.pendingTimers).toBe(1)
    sim.dispose()
    expect(clock.pendingTimers).toBe(0)
    const sent = of('response.output_audio.delta').length
    await clock.advance(1000)
    expect(of('response.output_audio.delta')).toHaveLength(sent)
    expect(of('response.done')).toHaveLength(0)
  })
})
