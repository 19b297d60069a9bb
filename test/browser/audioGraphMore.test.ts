import { describe, expect, inject, it } from 'vitest'
import { connectAudio, workletModuleSource } from '../../src/audio'
import { RealtimeAgent, RealtimeRunner } from '../../src/core'
import { nextServerEvent } from '../helpers/session'
import { graphFactory } from './helpers/graphs'
import { eventually, pcm16Tone, sleep, tapOutput } from './helpers/tap'

const makeGraph = graphFactory()

describe('levels, echo gate, devices, hosting', () => {
  it('reads input and output levels and spectra through the pull API', async () => {
    const graph = makeGraph()
    await graph.start()
    let loudest = 0
    for (let i = 0; i < 60; i++) {
      loudest = Math.max(loudest, graph.getInputLevel())
      await sleep(20)
    }
    expect(loudest).toBeGreaterThan(0.01) // the fake microphone is speaking
    graph.play('lvl', 0, pcm16Tone(600))
    await sleep(250)
    expect(graph.getOutputLevel()).toBeGreaterThan(0.2)
    const bins = new Uint8Array(512)
    graph.getOutputFrequencyData(bins)
    const peakBin = bins.indexOf(Math.max(...bins))
    const hz = (peakBin * graph.context!.sampleRate) / 1024
    expect(Math.abs(hz - 440)).toBeLessThan(60)
  })

  it('echo gate: drops microphone frames while the agent is audible', async () => {
    const graph = makeGraph({ echoGate: true })
    let frames = 0
    graph.on('frame', () => frames++)
    await graph.start()
    await sleep(200)
    expect(frames).toBeGreaterThan(3)
    graph.play('echo', 0, pcm16Tone(800))
    await eventually(() => graph.getSnapshot().playing, 2000, 'playback')
    await sleep(50)
    const during = frames
    await sleep(400)
    expect(frames - during).toBeLessThanOrEqual(1)
    graph.endItem('echo')
    await eventually(() => !graph.getSnapshot().playing, 3000, 'playback to end')
    await sleep(200)
    expect(frames - during).toBeGreaterThan(3)
  })

  it('routes output with setSinkId where the browser supports it', async () => {
    const graph = makeGraph({ microphone: false })
    await graph.start()
    expect(graph.canSelectOutput).toBe(true)
    await graph.setOutputDevice(null)
    expect(graph.getSnapshot().outputDeviceId).toBeNull()
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
    await graph.start()
    expect(sinks).toEqual(['speaker-2'])
    expect(graph.getSnapshot().outputDeviceId).toBe('speaker-2')
  })

  it('loads the worklet from a hosted module URL (the strict-CSP path)', async () => {
    const hosted = URL.createObjectURL(new Blob([workletModuleSource()], { type: 'text/javascript' }))
    const graph = makeGraph({ workletModuleUrl: hosted, microphone: false })
    await graph.start()
    const tap = await tapOutput(graph.output!)
    graph.play('h', 0, pcm16Tone(200))
    graph.endItem('h')
    await sleep(400)
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
      const tap = await tapOutput(graph.output!)
      session.sendMessage('Hello by text')
      await nextServerEvent(session, 'response.output_audio.delta', 5000)
      await eventually(async () => (await tap.read()).audibleMs > 200, 5000, 'the answer to be heard')
      expect(session.history[0]).toMatchObject({ role: 'user', text: 'Hello by text' })
    } finally {
      disconnect()
      session.close()
    }
  })
})
