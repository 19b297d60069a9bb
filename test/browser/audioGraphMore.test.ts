import { describe, expect, inject, it } from 'vitest'
import { connectAudio, workletModuleSource } from '../../src/audio'
import { RealtimeAgent, RealtimeRunner } from '../../src/core'
import { flushMicrotasks } from '../../src/testing'
import { nextServerEvent } from '../helpers/session'
import {
  graphFactory,
  nextDrained,
  recordFrames,
  startRunning,
  untilRunning,
  untilSnapshot,
} from './helpers/graphs'
import { pcm16Tone, tapOutput } from './helpers/tap'
import { eventually } from './helpers/wait'

const makeGraph = graphFactory()

describe('levels, echo gate, devices, hosting', () => {
  it('reads input and output levels and spectra through the pull API', async () => {
    const graph = makeGraph()
    await startRunning(graph)
    // The fake microphone speaks in the first half of each 3.6 s loop.
    await eventually(() => graph.getInputLevel() > 0.01, {
      what: 'the input level of the speaking microphone',
      seen: () => graph.getInputLevel(),
    })
    const tap = await tapOutput(graph.output!)
    graph.play('lvl', 0, pcm16Tone(2000))
    // 100 ms of tone fills the analyser's 21 ms window several times over.
    await tap.until((r) => r.audibleMs >= 100, { what: '100 ms of the tone to be heard' })
    expect(graph.getOutputLevel()).toBeGreaterThan(0.2)
    const bins = new Uint8Array(512)
    graph.getOutputFrequencyData(bins)
    const peakBin = bins.indexOf(Math.max(...bins))
    const hz = (peakBin * graph.context!.sampleRate) / 1024
    expect(Math.abs(hz - 440)).toBeLessThan(60)
  })

  it('echo gate: drops microphone frames while the agent is audible', async () => {
    const graph = makeGraph({ echoGate: true })
    const log = recordFrames(graph)
    await startRunning(graph)
    await log.until((frames) => frames.length > 3, { what: 'frames before the agent speaks' })
    // The capture worklet answers each move of the gate after every frame it sent before it, however
    // long the message took: the counts at the closing's and the opening's answers bound what came
    // while it was shut.
    const counts: Promise<number>[] = []
    let playing = false
    graph.subscribe(() => {
      if (graph.getSnapshot().playing === playing) return
      playing = !playing
      counts.push(graph.inputSettled().then(() => log.frames.length))
    })
    graph.play('echo', 0, pcm16Tone(1200))
    graph.endItem('echo')
    await untilSnapshot(graph, () => counts.length === 2, { what: 'the agent to speak, then fall silent' })
    const [atClose = 0, atOpen = 0] = await Promise.all(counts)
    expect(atOpen).toBe(atClose) // nothing while the agent was audible
    await log.until((frames) => frames.length > atOpen + 3, { what: 'frames again once the agent is silent' })
    // The gate stayed shut while the tone played: the frames on either side are that far apart.
    expect(log.frames[atOpen]!.time - log.frames[atClose - 1]!.time).toBeGreaterThan(0.3)
  })

  it('routes output with setSinkId where the browser supports it, and says so where not', async () => {
    const graph = makeGraph({ microphone: false })
    await startRunning(graph)
    // Chromium has AudioContext.setSinkId; Safari (WebKit) does not.
    const supported = typeof (AudioContext.prototype as { setSinkId?: unknown }).setSinkId === 'function'
    expect(graph.canSelectOutput).toBe(supported)
    if (supported) {
      await graph.setOutputDevice(null)
      expect(graph.getSnapshot().outputDeviceId).toBeNull()
    } else {
      await expect(graph.setOutputDevice('speaker-2')).rejects.toMatchObject({ code: 'output_device_failed' })
      expect(graph.getSnapshot().outputDeviceId).toBeNull()
    }
  })

  it('routes output to a speaker chosen before start()', async () => {
    const sinks: string[] = []
    class RecordingSink extends AudioContext {
      setSinkId(id: string): Promise<void> {
        sinks.push(id)
        return Promise.resolve()
      }
    }
    const graph = makeGraph({ microphone: false, AudioContext: RecordingSink })
    await graph.setOutputDevice('speaker-2')
    expect(sinks).toEqual([]) // nothing to route yet
    await startRunning(graph)
    expect(sinks).toEqual(['speaker-2'])
    expect(graph.getSnapshot().outputDeviceId).toBe('speaker-2')
  })

  it('loads the worklet from a hosted module URL (the strict-CSP path)', async () => {
    const hosted = URL.createObjectURL(new Blob([workletModuleSource()], { type: 'text/javascript' }))
    const graph = makeGraph({ workletModuleUrl: hosted, microphone: false })
    await startRunning(graph)
    const tap = await tapOutput(graph.output!)
    const drained = nextDrained(graph, 'h')
    graph.play('h', 0, pcm16Tone(200))
    graph.endItem('h')
    await drained
    expect((await tap.read()).audibleMs).toBeGreaterThan(150)
  })

  it('reports an AudioContext the browser refuses', async () => {
    class Refused {
      constructor() {
        throw new DOMException('not allowed', 'NotAllowedError')
      }
    }
    const graph = makeGraph({ AudioContext: Refused as unknown as typeof AudioContext })
    await expect(graph.start()).rejects.toMatchObject({ code: 'audio_context_failed' })
    expect(graph.getSnapshot().state).toBe('error')
  })

  it('a second start() while the first opens the microphone waits for the microphone', async () => {
    // The WebRTC transport asks so for the stream to send. The microphone answers when the test says.
    let asked!: () => void
    let grant!: () => void
    const askedOnce = new Promise<void>((resolve) => (asked = resolve))
    const mediaDevices = {
      getUserMedia: (constraints: MediaStreamConstraints) => {
        asked()
        return new Promise<MediaStream>((resolve) => {
          grant = () => resolve(navigator.mediaDevices.getUserMedia(constraints))
        })
      },
    } as unknown as MediaDevices
    const graph = makeGraph({ mediaDevices })
    const first = graph.start()
    await askedOnce
    expect(graph.getSnapshot().state).toBe('running')
    const second = graph.start().then(() => graph.inputStream)
    try {
      // Every job queued now runs before the microphone answers: the second start must still wait.
      const outcome = await Promise.race([second, flushMicrotasks().then(() => 'still waiting' as const)])
      expect(outcome).toBe('still waiting')
    } finally {
      grant()
    }
    expect(await second).not.toBeNull()
    await first
  })

  it('with the microphone denied, a text conversation still plays the answer', async () => {
    const denied = Object.assign(new Error('denied'), { name: 'NotAllowedError' })
    const graph = makeGraph({
      mediaDevices: { getUserMedia: () => Promise.reject(denied) } as unknown as MediaDevices,
    })
    const session = await new RealtimeRunner(new RealtimeAgent({ name: 'Text' })).run({
      clientSecret: 'ek_x',
      url: inject('simulatorUrl'),
    })
    const disconnect = connectAudio(session, graph)
    try {
      await expect(graph.start()).rejects.toMatchObject({ code: 'microphone_denied' })
      await untilRunning(graph)
      const tap = await tapOutput(graph.output!)
      session.sendMessage('Hello by text')
      await nextServerEvent(session, 'response.output_audio.delta', 5000)
      await tap.until((r) => r.audibleMs > 200, { what: 'the answer to be heard' })
      expect(session.history[0]).toMatchObject({ role: 'user', text: 'Hello by text' })
    } finally {
      disconnect()
      session.close()
    }
  })
})
