import { describe, expect, it } from 'vitest'
import { RealtimeAgent, type RealtimeModelSettings } from '../../src/core'
import { type SimulatorTransportOptions, say } from '../../src/testing'
import { frames, tone } from '../helpers/audio'
import {
  advanceUntilEvent,
  advanceUntilServerEvent,
  answered,
  clientEventsOf,
  inMemorySimulator,
  serverEventsOf,
} from '../helpers/inMemory'

const sim = inMemorySimulator()
const ANSWER = 'The weather in Tokyo is sunny with a light breeze from the sea all afternoon.'
// One 100 ms chunk of audio per 100 ms of clock, played from its arrival (the default tracker, on
// the session's clock): when chunk n arrives, n * 100 ms were received and (n - 1) * 100 ms played.
const realtime = { pace: 'realtime', chunkMs: 100 } as const

function start(
  simulator: Omit<SimulatorTransportOptions, 'clock'>,
  modelSettings: RealtimeModelSettings = {},
) {
  return sim.start(new RealtimeAgent({ name: 'Speaker' }), simulator, { config: { modelSettings } })
}

describe('interruption and truncation', () => {
  it('interrupt() cancels, stops audio and truncates at what was played, not at what was received', async () => {
    const { session, transport, clock } = await start({
      ...realtime,
      scenario: { turns: [{ replies: [say(ANSWER)] }] },
    })
    let chunks = 0
    let afterInterrupt = 0
    let interruptedItem = ''
    session.on('audio_interrupted', (e) => {
      interruptedItem = e.itemId
    })
    session.on('audio', () => {
      if (interruptedItem) afterInterrupt++
      if (++chunks === 3) session.interrupt() // 300 ms received, 200 ms played
    })
    session.sendMessage('weather?')
    const truncated = await advanceUntilServerEvent(clock, session, 'conversation.item.truncated')
    await advanceUntilServerEvent(clock, session, 'response.done')
    expect(clientEventsOf(transport.clientEvents, 'response.cancel')).toHaveLength(1)
    expect(clientEventsOf(transport.clientEvents, 'conversation.item.truncate')).toEqual([
      { type: 'conversation.item.truncate', item_id: interruptedItem, content_index: 0, audio_end_ms: 200 },
    ])
    expect(truncated).toMatchObject({ item_id: interruptedItem, audio_end_ms: 200 })
    await clock.runAll()
    expect(afterInterrupt).toBe(0)
    const item = session.history.find((i) => i.itemId === interruptedItem)
    expect(item).toMatchObject({ truncated: { audioEndMs: 200 }, status: 'incomplete' })
    expect((item as { text: string }).text.length).toBeLessThan(ANSWER.length / 2)
    expect(session.status).toBe('listening')
    session.close()
  })

  it('truncates audio that was all received but not yet played, without cancelling', async () => {
    const { session, transport, clock } = await start({ scenario: { turns: [{ replies: [say(ANSWER)] }] } })
    session.sendMessage('weather?')
    await clock.advance(0) // pace 0: the whole answer arrives without time passing
    expect(serverEventsOf(transport.serverEvents, 'response.done')).toHaveLength(1)
    expect(session.status).toBe('speaking') // the answer is still playing
    await clock.advance(200)
    expect(session.status).toBe('speaking')
    session.interrupt()
    expect(clientEventsOf(transport.clientEvents, 'response.cancel')).toHaveLength(0)
    expect(clientEventsOf(transport.clientEvents, 'conversation.item.truncate')).toMatchObject([
      { audio_end_ms: 200 },
    ])
    await advanceUntilServerEvent(clock, session, 'conversation.item.truncated')
    expect(session.status).toBe('listening')
    session.close()
  })

  it('says "speaking" until the received audio has played, then "listening", and then an interrupt does nothing', async () => {
    const { session, transport, clock } = await start({ scenario: { turns: [{ replies: [say('Short.')] }] } })
    let audioMs = 0
    session.on('audio', (e) => {
      audioMs += e.data.byteLength / 48 // pcm16 at 24 kHz: 48 bytes a millisecond
    })
    session.sendMessage('hi')
    await clock.advance(0) // pace 0: the whole answer arrives without time passing
    expect(serverEventsOf(transport.serverEvents, 'response.done')).toHaveLength(1)
    expect(audioMs).toBeGreaterThan(100)
    expect(session.status).toBe('speaking')
    await clock.advance(audioMs - 1)
    expect(session.status).toBe('speaking')
    await clock.advance(1)
    expect(session.status).toBe('listening')
    let interrupted = false
    session.on('audio_interrupted', () => {
      interrupted = true
    })
    session.interrupt()
    expect(interrupted).toBe(false)
    expect(clientEventsOf(transport.clientEvents, 'conversation.item.truncate')).toHaveLength(0)
    session.close()
  })

  it('a barge-in (server VAD speech_started) truncates at the played position and the new turn is answered', async () => {
    const { session, transport, clock } = await start(
      {
        ...realtime,
        scenario: {
          turns: [
            { replies: [say(ANSWER)] },
            { user: 'Stop. What about Paris?', replies: [say('Paris is rainy.')] },
          ],
        },
      },
      { inputAudioTranscription: { model: 'gpt-4o-mini-transcribe' } },
    )
    let chunks = 0
    session.on('audio', () => {
      if (++chunks !== 3) return
      // The user talks over the assistant: 300 ms of voice, then 700 ms of silence.
      for (const frame of frames(tone(300, 0.3))) session.sendAudio(frame)
      for (const frame of frames(tone(700, 0))) session.sendAudio(frame)
    })
    session.sendMessage('weather?')
    const interrupted = await advanceUntilEvent(clock, session, 'audio_interrupted')
    await advanceUntilEvent(clock, session, 'history_updated', answered('Paris is rainy.'))
    expect(clientEventsOf(transport.clientEvents, 'conversation.item.truncate')).toMatchObject([
      { item_id: interrupted.itemId, audio_end_ms: 200 },
    ])
    // The server cancels on its own (interrupt_response).
    expect(clientEventsOf(transport.clientEvents, 'response.cancel')).toHaveLength(0)
    expect(
      serverEventsOf(transport.serverEvents, 'response.done').map(
        (e) => (e.response as { status: string }).status,
      ),
    ).toEqual(['cancelled', 'completed'])
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
    const { session, transport, clock } = await start(
      { ...realtime, scenario: { turns: [{ replies: [say(ANSWER)] }] } },
      { turnDetection: { type: 'server_vad', interruptResponse: false, createResponse: false } },
    )
    let chunks = 0
    session.on('audio', () => {
      if (++chunks === 2) for (const frame of frames(tone(300, 0.3))) session.sendAudio(frame)
    })
    const interrupted: string[] = []
    session.on('audio_interrupted', (e) => interrupted.push(e.itemId))
    session.sendMessage('weather?')
    await advanceUntilServerEvent(clock, session, 'input_audio_buffer.speech_started')
    const done = await advanceUntilServerEvent(clock, session, 'response.done')
    expect((done.response as { status: string }).status).toBe('completed')
    expect(session.history.at(-1)).toMatchObject({ role: 'assistant', text: ANSWER, status: 'completed' })
    expect(interrupted).toEqual([])
    expect(clientEventsOf(transport.clientEvents, 'conversation.item.truncate')).toHaveLength(0)
    session.close()
  })
})
