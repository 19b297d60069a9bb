import { describe, expect, inject, it } from 'vitest'
import { z } from 'zod'
import { AudioGraph, connectAudio } from '../../src/audio'
import { RealtimeAgent, RealtimeRunner, tool } from '../../src/core'
import { nextEvent, RecordingTransport } from '../helpers/session'
import { untilSnapshot } from './helpers/graphs'
import { tapOutput } from './helpers/tap'

describe('voice conversation in a real browser', () => {
  it('fake microphone -> graph -> session -> simulator -> playback; a barge-in truncates at the played position', async () => {
    const getWeather = tool({
      name: 'get_weather',
      description: 'Weather in a city',
      parameters: z.object({ city: z.string() }),
      execute: ({ city }) => `Sunny in ${city}`,
    })
    const runner = new RealtimeRunner(
      new RealtimeAgent({ name: 'Voice', instructions: 'Answer briefly.', tools: [getWeather] }),
      {
        modelSettings: {
          inputAudioTranscription: { model: 'gpt-4o-mini-transcribe' },
          turnDetection: { type: 'server_vad' },
        },
      },
    )
    const transport = new RecordingTransport()
    const session = await runner.run({
      clientSecret: 'ek_browser_test',
      url: inject('simulatorUrl'),
      transport,
    })
    const graph = new AudioGraph()
    const disconnect = connectAudio(session, graph)
    await graph.start()
    const tap = await tapOutput(graph.output!)
    try {
      // The fake microphone says "what is the weather in Tokyo", then is silent for 1.5 s, then says it again.
      const user = await nextEvent(
        session,
        'history_updated',
        (e) => e.item?.type === 'message' && e.item.role === 'user' && e.item.text.endsWith('?'),
        8000,
      )
      expect(user.item).toMatchObject({ text: 'What is the weather in Tokyo?', modality: 'audio' })
      const toolEnd = await nextEvent(session, 'tool_end', () => true, 5000)
      expect(toolEnd.output).toBe('Sunny in Tokyo')
      await nextEvent(session, 'audio', () => true, 5000)
      // The user speaks again while the long answer plays: the server's VAD hears it.
      const interrupted = await nextEvent(session, 'audio_interrupted', () => true, 30_000)
      // The graph was told to interrupt before this listener ran. The worklet reports the end of its
      // fade (playing turns false); a tap reading asked for after that report is taken after the
      // fade, whatever order the audio thread reads its ports in.
      await untilSnapshot(graph, (s) => !s.playing, { what: 'the fade and flush' })
      const heard = await tap.read()
      const truncate = transport.ofType('conversation.item.truncate')[0]
      expect(truncate).toMatchObject({ item_id: interrupted.itemId, content_index: 0 })
      const latency = ((graph.context as { outputLatency?: number }).outputLatency ?? 0) * 1000
      // The truncation point is what had reached the speaker: everything rendered, less the output
      // latency while playback runs (none of it after an underrun); the tap also counts the fade.
      const gap = heard.audibleMs - latency - truncate!.audio_end_ms
      // How much played before the user spoke again depends on how fast the simulator answered (the
      // microphone repeats on the audio clock); the bound only says the answer was really heard.
      expect(truncate!.audio_end_ms).toBeGreaterThan(100)
      expect(gap).toBeGreaterThanOrEqual(-latency - 10)
      expect(gap).toBeLessThanOrEqual(25)
      const answer = session.history.find((i) => i.itemId === interrupted.itemId)
      expect(answer).toMatchObject({ role: 'assistant', truncated: { audioEndMs: truncate!.audio_end_ms } })
      const sentFrames = transport.ofType('input_audio_buffer.append').length
      expect(sentFrames).toBeGreaterThan(100)
    } finally {
      disconnect()
      session.close()
      await graph.stop()
    }
  })
})
