import { describe, expect, inject, it } from 'vitest'
import { RealtimeClient } from '../../src/client'
import { RealtimeAgent } from '../../src/core'
import { RecordingTransport } from '../helpers/session'
import { eventually, untilAudioTime } from './helpers/wait'

describe('push-to-talk in a real browser', () => {
  it('a release commits the turn after its last frame, even when the page was busy as the user let go', async () => {
    const transport = new RecordingTransport()
    const client = new RealtimeClient({
      agent: new RealtimeAgent({ name: 'Push' }),
      auth: { clientSecret: 'ek_browser_test', url: inject('simulatorUrl') },
      config: { modelSettings: { turnDetection: null } },
      transport: () => transport,
    })
    const appends = () => transport.sent.filter((e) => e.type === 'input_audio_buffer.append')
    try {
      await client.connect()
      const graph = client.audioGraph!
      client.setTalking(true)
      await eventually(() => appends().length >= 5, { what: 'frames while the talk key is down' })
      // The page is busy as the user lets go (a long render, say): frames the audio thread captured
      // meanwhile wait in the main thread's queue, behind the release.
      for (const busyUntil = performance.now() + 100; performance.now() < busyUntil; );
      client.setTalking(false)
      await eventually(() => transport.ofType('input_audio_buffer.commit').length === 1, {
        what: 'the turn to be committed',
      })
      const context = graph.context!
      await untilAudioTime(context, context.currentTime + 0.3, '300 ms of microphone audio after the commit')
      const commit = transport.sent.findIndex((e) => e.type === 'input_audio_buffer.commit')
      // Every frame of the turn went before its commit; none after it (the talk key is up).
      expect(transport.sent.slice(commit + 1).filter((e) => e.type === 'input_audio_buffer.append')).toEqual(
        [],
      )
      expect(appends().length).toBeGreaterThanOrEqual(5)
    } finally {
      client.dispose()
    }
  })
})
