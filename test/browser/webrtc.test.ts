import { HttpResponse, http } from 'msw'
import { setupWorker } from 'msw/browser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RealtimeAgent } from '../../src/core'
import type { RawServerEvent } from '../../src/core/protocol'
import { REALTIME_CALLS_URL } from '../../src/core/transport'
import { RealtimeClient } from '../../src/react'
import { RealtimeSimulator, say } from '../../src/testing'
import { eventually, sleep } from './helpers/tap'

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
    return new HttpResponse(pc.localDescription!.sdp, { headers: { 'content-type': 'application/sdp' } })
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
    await client.connect()
    expect(client.getSnapshot().status).toBe('listening')
    expect(client.session?.audioOverMedia).toBe(true)
    await eventually(() => peer.sent[0] === 'session.update', 3000, 'session.update on the data channel')

    // Microphone -> server: the fake microphone's speech arrives as a track.
    await eventually(() => peer.micLevel > 0.01, 8000, 'the microphone at the server')

    // Server -> speakers: the agent's voice plays through the audio graph, so levels follow it.
    client.sendMessage('Say hello')
    await eventually(() => client.getSnapshot().status === 'speaking', 5000, 'speaking')
    let loudest = 0
    for (let i = 0; i < 20; i++) {
      loudest = Math.max(loudest, client.audioGraph!.getOutputLevel())
      await sleep(25)
    }
    expect(loudest).toBeGreaterThan(0.05)

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
    await eventually(() => client.getSnapshot().status === 'listening', 3000, 'listening again')

    client.disconnect()
    await eventually(() => peer.closed, 3000, 'the peer to see the data channel close')
    expect(peer.connections).toBe(1)
  }, 30_000)
})
