import { describe, expect, it } from 'vitest'
import { RealtimeAgent, RealtimeRunner, systemClock } from '../../src/core'
import { say } from '../../src/testing'
import { frames, tone } from '../helpers/audio'
import { nextEvent, nextServerEvent, RecordingTransport } from '../helpers/session'
import { serveSimulator } from '../helpers/simulated'

const sim = serveSimulator()
const ANSWER = 'The weather in Tokyo is sunny with a light breeze from the sea all afternoon.'

async function start(settings = {}) {
  let now = 0
  const transport = new RecordingTransport()
  const runner = new RealtimeRunner(new RealtimeAgent({ name: 'Speaker' }), { modelSettings: settings })
  const session = await runner.run({
    apiKey: 'sk-test',
    transport,
    clock: { ...systemClock, now: () => now },
  })
  return {
    session,
    transport,
    setNow: (ms: number) => {
      now = ms
    },
  }
}

describe('interruption and truncation', () => {
  it('interrupt() cancels, stops audio and truncates at exactly what was played', async () => {
    sim.use({ pace: 5, chunkMs: 100, scenario: { turns: [{ replies: [say(ANSWER)] }] } })
    const { session, transport, setNow } = await start()
    let chunks = 0
    let afterInterrupt = 0
    let interruptedItem = ''
    session.on('audio_interrupted', (e) => {
      interruptedItem = e.itemId
    })
    session.on('audio', () => {
      if (interruptedItem) afterInterrupt++
      if (++chunks === 3) {
        setNow(150) // 300 ms received since t=0, half of it played
        session.interrupt()
      }
    })
    session.sendMessage('weather?')
    const truncated = await nextServerEvent(session, 'conversation.item.truncated')
    await nextServerEvent(session, 'response.done')
    expect(transport.ofType('response.cancel')).toHaveLength(1)
    expect(transport.ofType('conversation.item.truncate')).toEqual([
      { type: 'conversation.item.truncate', item_id: interruptedItem, content_index: 0, audio_end_ms: 150 },
    ])
    expect(truncated).toMatchObject({ item_id: interruptedItem, audio_end_ms: 150 })
    expect(afterInterrupt).toBe(0)
    const item = session.history.find((i) => i.itemId === interruptedItem)
    expect(item).toMatchObject({ truncated: { audioEndMs: 150 }, status: 'incomplete' })
    expect((item as { text: string }).text.length).toBeLessThan(ANSWER.length / 2)
    session.close()
  })

  it('truncates audio that was all received but not yet played, without cancelling', async () => {
    sim.use({ scenario: { turns: [{ replies: [say(ANSWER)] }] } })
    const { session, transport, setNow } = await start()
    session.sendMessage('weather?')
    await nextServerEvent(session, 'response.done')
    expect(session.status).toBe('speaking') // the answer is still playing
    setNow(200)
    session.interrupt()
    expect(transport.ofType('response.cancel')).toHaveLength(0)
    expect(transport.ofType('conversation.item.truncate')[0]).toMatchObject({ audio_end_ms: 200 })
    await nextServerEvent(session, 'conversation.item.truncated')
    expect(session.status).toBe('listening')
    session.close()
  })

  it('does nothing once everything was heard', async () => {
    sim.use({ scenario: { turns: [{ replies: [say('Short.')] }] } })
    const { session, transport, setNow } = await start()
    session.sendMessage('hi')
    await nextServerEvent(session, 'response.done')
    setNow(60_000)
    let interrupted = false
    session.on('audio_interrupted', () => {
      interrupted = true
    })
    session.interrupt()
    expect(interrupted).toBe(false)
    expect(transport.ofType('conversation.item.truncate')).toHaveLength(0)
    session.close()
  })

  it('a barge-in (server VAD speech_started) truncates at the played position and the new turn is answered', async () => {
    sim.use({
      pace: 5,
      chunkMs: 100,
      scenario: {
        turns: [
          { replies: [say(ANSWER)] },
          { user: 'Stop. What about Paris?', replies: [say('Paris is rainy.')] },
        ],
      },
    })
    const { session, transport, setNow } = await start({
      inputAudioTranscription: { model: 'gpt-4o-mini-transcribe' },
    })
    let chunks = 0
    session.on('audio', () => {
      if (++chunks !== 3) return
      setNow(120)
      // The user talks over the assistant: 300 ms of voice, then 700 ms of silence.
      for (const frame of frames(tone(300, 0.3))) session.sendAudio(frame)
      for (const frame of frames(tone(700, 0))) session.sendAudio(frame)
    })
    session.sendMessage('weather?')
    const interrupted = await nextEvent(session, 'audio_interrupted')
    await nextEvent(
      session,
      'history_updated',
      (e) => e.item?.type === 'message' && e.item.text === 'Paris is rainy.' && e.item.status === 'completed',
    )
    expect(transport.ofType('conversation.item.truncate')[0]).toMatchObject({
      item_id: interrupted.itemId,
      audio_end_ms: 120,
    })
    expect(transport.ofType('response.cancel')).toHaveLength(0) // the server cancels on its own (interrupt_response)
    const roles = session.history.map((i) =>
      i.type === 'message' ? `${i.role}:${i.status}:${i.truncated ? 'cut' : ''}` : i.type,
    )
    expect(roles).toEqual([
      'user:completed:',
      'assistant:incomplete:cut',
      'user:completed:',
      'assistant:completed:',
    ])
    expect(session.history[2]).toMatchObject({ text: 'Stop. What about Paris?', modality: 'audio' })
    session.close()
  })

  it('leaves playback alone when interruptResponse is false', async () => {
    sim.use({ pace: 5, chunkMs: 100, scenario: { turns: [{ replies: [say(ANSWER)] }] } })
    const { session, transport } = await start({
      turnDetection: { type: 'server_vad', interruptResponse: false, createResponse: false },
    })
    let chunks = 0
    session.on('audio', () => {
      if (++chunks === 2) for (const frame of frames(tone(300, 0.3))) session.sendAudio(frame)
    })
    session.sendMessage('weather?')
    await nextServerEvent(session, 'input_audio_buffer.speech_started')
    const done = await nextServerEvent(session, 'response.done')
    expect((done.response as { status: string }).status).toBe('completed')
    expect(transport.ofType('conversation.item.truncate')).toHaveLength(0)
    session.close()
  })
})
