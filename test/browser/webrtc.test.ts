import { HttpResponse, http } from 'msw'
import { setupWorker } from 'msw/browser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RealtimeAgent, RealtimeRunner } from '../../src/core'
import type { RawServerEvent } from '../../src/core/protocol'
import { REALTIME_CALLS_URL, WebRTCTransport } from '../../src/core/transport'
import { RealtimeClient } from '../../src/react'
import { RealtimeSimulator, say } from '../../src/testing'
import { eventually, until } from './helpers/wait'

/**
 * A local peer that plays the Realtime API's role over WebRTC: msw answers the SDP offer with its
 * answer, the simulator (in WebRTC mode) talks on the data channel, a tone is the agent's voice while
 * the simulator says it is speaking, and the client's microphone is measured as it arrives.
 */
function localRealtimePeer() {
  const peer = { micLevel: 0, sent: [] as string[], connections: 0, closed: false }
  const handler = http.post(`${REALTIME_CALLS_URL}*`, async ({ request }) => {
    peer.connections++
    const offer = await request.text()
    const pc = new RTCPeerConnection()
    const context = new AudioContext()
    const tone = context.createOscillator()
    const gain = context.createGain()
    gain.gain.value = 0
    const voice = context.createMediaStreamDestination()
    tone.connect(gain).connect(voice)
    tone.start()
    pc.addTrack(voice.stream.getAudioTracks()[0]!, voice.stream)
    pc.ontrack = (event) => {
      const analyser = context.createAnalyser()
      // Chrome renders a remote stream into WebAudio only while a media element holds it.
      const sink = document.createElement('audio')
      sink.muted = true
      sink.srcObject = event.streams[0] ?? new MediaStream([event.track])
      context.createMediaStreamSource(sink.srcObject as MediaStream).connect(analyser)
      const data = new Float32Array(analyser.fftSize)
      const measure = () => {
        analyser.getFloatTimeDomainData(data)
        peer.micLevel = Math.max(peer.micLevel, Math.sqrt(data.reduce((s, x) => s + x * x, 0) / data.length))
        if (!peer.closed) setTimeout(measure, 50)
      }
      measure()
    }
    pc.ondatachannel = ({ channel }) => {
      const simulator = new RealtimeSimulator(
        (event) => channel.readyState === 'open' && channel.send(JSON.stringify(event)),
        {
          audioOverMedia: true,
          pace: 40,
          scenario: {
            turns: [
              {
                replies: [
                  say('Hello over WebRTC, with a voice on the audio track and events on the channel.'),
                ],
              },
            ],
          },
          onServerEvent: (event: RawServerEvent) => {
            if (event.type === 'output_audio_buffer.started') gain.gain.value = 0.5
            if (event.type === 'output_audio_buffer.stopped' || event.type === 'output_audio_buffer.cleared')
              gain.gain.value = 0
          },
        },
      )
      channel.onopen = () => simulator.open()
      channel.onmessage = (m) => {
        peer.sent.push(JSON.parse(String(m.data)).type)
        simulator.receive(String(m.data))
      }
      channel.onclose = () => {
        peer.closed = true
        simulator.dispose()
      }
    }
    await pc.setRemoteDescription({ type: 'offer', sdp: offer })
    await pc.setLocalDescription(await pc.createAnswer())
    await new Promise<void>((resolve) => {
      if (pc.iceGatheringState === 'complete') return resolve()
      pc.onicegatheringstatechange = () => pc.iceGatheringState === 'complete' && resolve()
      setTimeout(resolve, 2000)
    })
    // As the API does: the call's URL, whose last segment is the id a server uses to attach to it.
    return new HttpResponse(pc.localDescription!.sdp, {
      headers: {
        'content-type': 'application/sdp',
        location: `/v1/realtime/calls/rtc_browser_${peer.connections}`,
      },
    })
  })
  return { peer, handler }
}

const { peer, handler } = localRealtimePeer()
const worker = setupWorker(handler)
beforeAll(() => worker.start({ onUnhandledRequest: 'bypass', quiet: true }))
afterAll(() => worker.stop())

describe('WebRTC transport', () => {
  it('connects, carries audio both ways, interrupts with output_audio_buffer.clear, and closes', async () => {
    const client = new RealtimeClient({
      agent: new RealtimeAgent({ name: 'Over WebRTC' }),
      auth: { clientSecret: 'ek_webrtc' },
      transport: 'webrtc',
    })
    const untilStatus = (status: string) =>
      until(
        (notify) => client.subscribe(notify),
        () => client.getSnapshot().status === status,
        { what: `the client to be ${status}`, seen: () => client.getSnapshot().status },
      )
    await client.connect()
    expect(client.getSnapshot().status).toBe('listening')
    expect(client.session?.audioOverMedia).toBe(true)
    await eventually(() => peer.sent[0] === 'session.update', { what: 'session.update on the data channel' })

    // Microphone -> server: the fake microphone's speech arrives as a track.
    await eventually(() => peer.micLevel > 0.01, {
      what: 'the microphone at the server',
      seen: () => peer.micLevel,
    })

    // Server -> speakers: the agent's voice plays through the audio graph, so levels follow it.
    client.sendMessage('Say hello')
    await untilStatus('speaking')
    await eventually(() => client.audioGraph!.getOutputLevel() > 0.05, {
      what: "the agent's voice in the output level",
      seen: () => client.audioGraph!.getOutputLevel(),
    })

    // Interrupt: the server cuts its own buffer (and truncates there); no truncate from the client.
    const interrupted = new Promise<string>((resolve) => {
      const off = client.onEvent((e) => {
        if (e.type === 'audio_interrupted') {
          off()
          resolve(e.itemId)
        }
      })
    })
    client.interrupt()
    expect(await interrupted).toMatch(/^item_sim_/)
    expect(peer.sent).toContain('output_audio_buffer.clear')
    expect(peer.sent).not.toContain('conversation.item.truncate')
    await untilStatus('listening')

    client.disconnect()
    await eventually(() => peer.closed, { what: 'the peer to see the data channel close' })
    expect(peer.connections).toBe(1)
  }, 30_000)

  it("gives the app the call's id from the answer, before the session is live", async () => {
    const ids: string[] = []
    const session = await new RealtimeRunner(new RealtimeAgent({ name: 'Call id' })).run({
      clientSecret: 'ek_webrtc',
      transport: new WebRTCTransport({ onCallId: (id) => ids.push(id) }),
    })
    try {
      expect(ids).toEqual([`rtc_browser_${peer.connections}`])
    } finally {
      session.close()
    }
  }, 30_000)
})
