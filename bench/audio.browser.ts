/**
 * Audio latencies in headless Chromium (run by `npm run bench`, not by `npm test`): microphone frame
 * to `input_audio_buffer.append` on the socket, and `interrupt()` to silence at the output, both on
 * the audio clock (resolution: one render quantum, 2.7 ms at 48 kHz).
 */
import { expect, inject, it } from 'vitest'
import { AudioGraph, connectAudio } from '../src/audio'
import { RealtimeAgent, RealtimeRunner } from '../src/core'
import { WebSocketTransport } from '../src/core/transport'
import { pcm16Tone, tapOutput } from '../test/browser/helpers/tap'
import { untilAudioTime } from '../test/browser/helpers/wait'

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] as number

it('measures', async () => {
  // 1. Microphone frame -> append sent.
  const graph = new AudioGraph()
  const frameLatencies: number[] = []
  class TimedTransport extends WebSocketTransport {
    override send(event: Parameters<WebSocketTransport['send']>[0]): void {
      // Both times on the audio clock: when the frame's last sample was captured, and the clock now.
      if (event.type === 'input_audio_buffer.append' && graph.context)
        frameLatencies.push((graph.context.currentTime - graph.lastFrameTime) * 1000)
      super.send(event)
    }
  }
  const session = await new RealtimeRunner(new RealtimeAgent({ name: 'Bench' })).run({
    clientSecret: 'ek_bench',
    url: inject('simulatorUrl'),
    transport: new TimedTransport(),
  })
  const disconnect = connectAudio(session, graph)
  await graph.start()
  await untilAudioTime(graph.context!, graph.context!.currentTime + 3, '3 s of microphone frames')
  disconnect()
  session.close()
  await graph.stop()

  // 2. interrupt() -> silence, over 20 trials.
  const silence: number[] = []
  const player = new AudioGraph({ microphone: false })
  await player.start()
  const tap = await tapOutput(player.output!)
  for (let i = 0; i < 20; i++) {
    const before = await tap.read()
    player.play(`item${i}`, 0, pcm16Tone(1500))
    await tap.until((r) => r.audibleMs >= before.audibleMs + 150, { what: `150 ms of item${i}` })
    const calledAt = player.context!.currentTime
    player.interrupt()
    const reading = await tap.until((r) => r.currentTime >= calledAt + 0.12, {
      what: '120 ms of audio after interrupt()',
    })
    silence.push(((reading.lastAudibleTime ?? calledAt) - calledAt) * 1000)
  }
  await player.stop()

  const result = {
    frames: frameLatencies.length,
    frameToSendMedianMs: percentile(frameLatencies, 0.5),
    frameToSendP95Ms: percentile(frameLatencies, 0.95),
    interruptToSilenceMedianMs: percentile(silence, 0.5),
    interruptToSilenceMaxMs: Math.max(...silence),
  }
  console.log(`BENCH_AUDIO ${JSON.stringify(result)}`)
  expect(result.frames).toBeGreaterThan(100)
}, 60_000)
