import { afterEach, describe, expect, it, vi } from 'vitest'
import { callTool, checkEvent, say } from '../../src/testing'
import { tone } from '../helpers/audio'
import { drive, IDLE_TIMEOUT_6S } from '../helpers/drive'
import { compileSchemasFirst } from '../helpers/schemas'

compileSchemasFirst()

afterEach(() => {
  vi.useRealTimers()
})

describe('RealtimeSimulator', () => {
  it('opens with session.created and echoes session.update as session.updated', () => {
    const { send, events } = drive()
    send({
      type: 'session.update',
      session: { type: 'realtime', instructions: 'Be terse.', audio: { output: { voice: 'cedar' } } },
    })
    expect(events.map((e) => e.type)).toEqual(['session.created', 'session.updated'])
    expect(events[1]!.session).toMatchObject({
      instructions: 'Be terse.',
      audio: { output: { voice: 'cedar', format: { type: 'audio/pcm' } } },
    })
  })

  it('detects speech with its energy VAD, with prefix padding, then commits, transcribes and answers', async () => {
    vi.useFakeTimers()
    const { send, of, settle, speak, events } = drive({
      scenario: { turns: [{ user: 'What time is it?', replies: [say('Noon.')] }] },
    })
    send({
      type: 'session.update',
      session: { type: 'realtime', audio: { input: { transcription: { model: 'gpt-4o-mini-transcribe' } } } },
    })
    speak(tone(500, 0))
    speak(tone(400, 0.3))
    speak(tone(600, 0))
    await settle()
    const started = of('input_audio_buffer.speech_started')[0]!
    expect(started.audio_start_ms).toBe(500 - 300) // speech began at 500 ms; 300 ms of padding
    expect(of('input_audio_buffer.speech_stopped')[0]!.audio_end_ms).toBeGreaterThanOrEqual(900 + 500)
    expect(of('input_audio_buffer.committed')[0]!.item_id).toBe(started.item_id)
    expect(of('conversation.item.input_audio_transcription.completed')[0]).toMatchObject({
      item_id: started.item_id,
      transcript: 'What time is it?',
    })
    expect(of('response.output_audio_transcript.done')[0]).toMatchObject({ transcript: 'Noon.' })
    for (const event of events) expect(checkEvent('server', event, 'closed'), event.type).toBeNull()
  })

  it('ignores quiet audio and honours a higher threshold', async () => {
    vi.useFakeTimers()
    const { send, of, speak } = drive()
    speak(tone(400, 0.01))
    expect(of('input_audio_buffer.speech_started')).toHaveLength(0)
    send({
      type: 'session.update',
      session: {
        type: 'realtime',
        audio: { input: { turn_detection: { type: 'server_vad', threshold: 0.9 } } },
      },
    })
    speak(tone(400, 0.03))
    expect(of('input_audio_buffer.speech_started')).toHaveLength(0)
    speak(tone(400, 0.3))
    expect(of('input_audio_buffer.speech_started')).toHaveLength(1)
  })

  it('does not answer when create_response is false, but still reports the turn', async () => {
    vi.useFakeTimers()
    const { send, of, settle, speak } = drive()
    send({
      type: 'session.update',
      session: {
        type: 'realtime',
        audio: { input: { turn_detection: { type: 'server_vad', create_response: false } } },
      },
    })
    speak(tone(300, 0.3))
    speak(tone(700, 0))
    await settle()
    expect(of('input_audio_buffer.committed')).toHaveLength(1)
    expect(of('response.created')).toHaveLength(0)
  })

  it('works with manual turns (turn_detection null): commit, then response.create', async () => {
    vi.useFakeTimers()
    const { send, types, settle, speak, of } = drive()
    send({
      type: 'session.update',
      session: { type: 'realtime', audio: { input: { turn_detection: null } } },
    })
    speak(tone(300, 0.3))
    expect(of('input_audio_buffer.speech_started')).toHaveLength(0)
    send({ type: 'input_audio_buffer.commit' })
    send({ type: 'response.create' })
    await settle()
    expect(types()).toContain('input_audio_buffer.committed')
    expect(types()).toContain('response.done')
  })

  it('speaks in the session output format: G.711 audio is 8 bytes a millisecond', async () => {
    vi.useFakeTimers()
    const { send, of, settle } = drive({ chunkMs: 100 })
    send({
      type: 'session.update',
      session: { type: 'realtime', audio: { output: { format: { type: 'audio/pcmu' } } } },
    })
    send({
      type: 'conversation.item.create',
      item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hi' }] },
    })
    send({ type: 'response.create' })
    await settle()
    const first = of('response.output_audio.delta')[0]!
    expect(Buffer.from(first.delta as string, 'base64').length).toBe(800)
  })

  it('accepts G.711 input audio for its VAD', async () => {
    vi.useFakeTimers()
    const { send, of, speak } = drive()
    send({
      type: 'session.update',
      session: { type: 'realtime', audio: { input: { format: { type: 'audio/pcma' } } } },
    })
    speak(tone(300, 0.3, 'g711_alaw'), 'g711_alaw')
    expect(of('input_audio_buffer.speech_started')).toHaveLength(1)
  })

  it('streams text-only answers as output_text events', async () => {
    vi.useFakeTimers()
    const { send, types, settle, of } = drive({ scenario: { turns: [{ replies: [say('Plain text.')] }] } })
    send({ type: 'session.update', session: { type: 'realtime', output_modalities: ['text'] } })
    send({
      type: 'conversation.item.create',
      item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hi' }] },
    })
    send({ type: 'response.create' })
    await settle()
    expect(types()).not.toContain('response.output_audio.delta')
    expect(of('response.output_text.done')[0]).toMatchObject({ text: 'Plain text.' })
  })

  it('streams function calls and accepts their output', async () => {
    vi.useFakeTimers()
    const { send, of, settle } = drive({
      scenario: {
        turns: [{ replies: [callTool('lookup', { q: 'x' }), (ctx) => say(`Got ${ctx.toolOutput}`)] }],
      },
    })
    send({
      type: 'session.update',
      session: {
        type: 'realtime',
        tools: [{ type: 'function', name: 'lookup', parameters: { type: 'object' } }],
      },
    })
    send({
      type: 'conversation.item.create',
      item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'look' }] },
    })
    send({ type: 'response.create' })
    await settle()
    const call = of('response.function_call_arguments.done')[0]!
    expect(call).toMatchObject({ name: 'lookup', arguments: '{"q":"x"}' })
    send({
      type: 'conversation.item.create',
      item: { type: 'function_call_output', call_id: call.call_id, output: '42' },
    })
    send({ type: 'response.create' })
    await settle()
    expect(of('response.output_audio_transcript.done').at(-1)).toMatchObject({ transcript: 'Got 42' })
  })

  it('answers invalid client events with the API error events', async () => {
    vi.useFakeTimers()
    const { sim, send, of, settle } = drive({ pace: 10 })
    sim.receive('{oops')
    send({ type: 'no.such_event' })
    send({ type: 'conversation.item.truncate', item_id: 'x', content_index: 0, audio_end_ms: 1.5 })
    send({ type: 'response.cancel' })
    send({ type: 'input_audio_buffer.commit' })
    send({
      type: 'conversation.item.create',
      item: { type: 'function_call_output', call_id: 'nope', output: '' },
    })
    send({
      type: 'conversation.item.create',
      item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hi' }] },
    })
    send({ type: 'response.create' })
    send({ type: 'response.create' })
    await settle()
    const codes = of('error').map((e) => (e.error as { code: string }).code)
    expect(codes).toEqual([
      'invalid_json',
      'invalid_value', // an unknown type: the live API names the supported ones
      'invalid_type', // audio_end_ms must be an integer
      'response_cancel_not_active',
      'input_audio_buffer_commit_empty',
      'invalid_value',
      'conversation_already_has_active_response',
    ])
    for (const e of of('error')) expect(checkEvent('server', e)).toBeNull()
  })

  it('cancels a response on response.cancel and marks it cancelled', async () => {
    vi.useFakeTimers()
    const { send, of, settle } = drive({
      pace: 10,
      scenario: { turns: [{ replies: [say('A long answer that will be cut off early.')] }] },
    })
    send({
      type: 'conversation.item.create',
      item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hi' }] },
    })
    send({ type: 'response.create' })
    await vi.advanceTimersByTimeAsync(25)
    send({ type: 'response.cancel' })
    await settle()
    const done = of('response.done')[0]!
    expect(done.response).toMatchObject({
      status: 'cancelled',
      status_details: { reason: 'client_cancelled' },
    })
    expect(of('response.output_audio.delta').length).toBeLessThan(6)
  })

  it('truncates an assistant item, refusing a point past its audio', async () => {
    vi.useFakeTimers()
    const { send, of, settle } = drive({ scenario: { turns: [{ replies: [say('Hello there.')] }] } })
    send({
      type: 'conversation.item.create',
      item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hi' }] },
    })
    send({ type: 'response.create' })
    await settle()
    const itemId = of('response.output_item.done')[0]!.item as { id: string }
    send({ type: 'conversation.item.truncate', item_id: itemId.id, content_index: 0, audio_end_ms: 99_999 })
    send({ type: 'conversation.item.truncate', item_id: itemId.id, content_index: 0, audio_end_ms: 300 })
    expect(of('error').map((e) => (e.error as { code: string }).code)).toEqual(['invalid_value'])
    expect(of('conversation.item.truncated')[0]).toMatchObject({ audio_end_ms: 300 })
    send({ type: 'conversation.item.retrieve', item_id: itemId.id })
    expect(of('conversation.item.retrieved')[0]!.item).toMatchObject({ content: [{ type: 'output_audio' }] })
    expect(
      (of('conversation.item.retrieved')[0]!.item as { content: { transcript?: string }[] }).content[0]!
        .transcript,
    ).toBeUndefined()
  })

  it('fires the idle timeout after the answer when nobody speaks', async () => {
    vi.useFakeTimers()
    const { send, of, settle } = drive({
      scenario: { turns: [{ replies: [say('Anything else?'), say('Are you still there?')] }] },
    })
    send(IDLE_TIMEOUT_6S)
    send({
      type: 'conversation.item.create',
      item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hi' }] },
    })
    send({ type: 'response.create' })
    await settle()
    expect(of('input_audio_buffer.timeout_triggered')).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(8_000)
    expect(of('input_audio_buffer.timeout_triggered')).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(100)
    expect(of('response.output_audio_transcript.done').map((e) => e.transcript)).toEqual([
      'Anything else?',
      'Are you still there?',
    ])
  })

  it('puts idPrefix in every id it mints', async () => {
    vi.useFakeTimers()
    const { send, events, settle } = drive({ idPrefix: 'second' })
    send({
      type: 'conversation.item.create',
      item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hi' }] },
    })
    send({ type: 'response.create' })
    await settle()
    const ids = JSON.stringify(events).match(/"(?:event|item|resp|sess|conv)_[a-z0-9]+_\d{4}"/g) ?? []
    expect(ids.length).toBeGreaterThan(20)
    expect(ids.filter((id) => !id.includes('_second_'))).toEqual([])
  })

  it('deletes items and reports unknown ones', () => {
    const { send, of } = drive()
    send({
      type: 'conversation.item.create',
      item: { id: 'mine', type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hi' }] },
    })
    send({ type: 'conversation.item.delete', item_id: 'mine' })
    send({ type: 'conversation.item.delete', item_id: 'mine' })
    expect(of('conversation.item.deleted')).toHaveLength(1)
    expect(of('error')[0]!.error).toMatchObject({ code: 'item_delete_invalid_item_id' })
  })

  it('is deterministic: the same script gives the same events', async () => {
    vi.useFakeTimers()
    const run = async () => {
      const { send, events, settle } = drive({
        scenario: { turns: [{ replies: [say('Same every time.')] }] },
      })
      send({
        type: 'conversation.item.create',
        item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hi' }] },
      })
      send({ type: 'response.create' })
      await settle()
      // expires_at is the wall-clock end of the session, the one field a replay of the script cannot repeat.
      return JSON.stringify(events, (key, value) => (key === 'expires_at' ? 0 : value))
    }
    expect(await run()).toBe(await run())
  })
})
