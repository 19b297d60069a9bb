import { describe, expect, it } from 'vitest'
import { decodeSamples, pcm16ToFloat } from '../../src/core/codec'
import { graphFactory } from './helpers/graphs'
import { eventually, pcm16Tone, sleep, tapOutput } from './helpers/tap'

const makeGraph = graphFactory()

const rms = (samples: Float32Array) => Math.sqrt(samples.reduce((s, x) => s + x * x, 0) / samples.length)

describe('capture (fake microphone playing a spoken WAV)', () => {
  it('posts 20 ms pcm16 frames at 24 kHz, about 50 a second, with speech energy', async () => {
    const graph = makeGraph()
    const frames: ArrayBuffer[] = []
    graph.on('frame', (f) => frames.push(f))
    await graph.start()
    expect(graph.getSnapshot().state).toBe('running')
    // Rate against the audio clock: a wall-clock sleep stretches when the machine is busy.
    const context = graph.context!
    await sleep(200)
    const startFrames = frames.length
    const startTime = context.currentTime
    await sleep(1000)
    const seconds = context.currentTime - startTime
    const perSecond = (frames.length - startFrames) / seconds
    expect(perSecond).toBeGreaterThan(45)
    expect(perSecond).toBeLessThan(55)
    for (const frame of frames) expect(frame.byteLength).toBe(960) // 480 samples x 2 bytes
    const loudest = Math.max(...frames.map((f) => rms(pcm16ToFloat(new Int16Array(f)))))
    expect(loudest).toBeGreaterThan(0.02)
    expect(graph.getInputLevel()).toBeGreaterThanOrEqual(0)
  })

  it('encodes G.711 at 8 kHz (160 bytes a frame) and honours the frame length', async () => {
    const graph = makeGraph({ inputFormat: 'g711_ulaw', frameMs: 40 })
    const frames: ArrayBuffer[] = []
    graph.on('frame', (f) => frames.push(f))
    await graph.start()
    await sleep(600)
    expect(frames.length).toBeGreaterThan(10)
    for (const frame of frames) expect(frame.byteLength).toBe(320)
    const loudest = Math.max(
      ...frames.map((f) => rms(pcm16ToFloat(decodeSamples(new Uint8Array(f), 'g711_ulaw')))),
    )
    expect(loudest).toBeGreaterThan(0.02)
  })

  it('mute and push-to-talk keep the track but send nothing', async () => {
    const graph = makeGraph({ pushToTalk: true })
    let frames = 0
    graph.on('frame', () => frames++)
    await graph.start()
    await sleep(300)
    expect(frames).toBe(0)
    graph.setTalking(true)
    await sleep(300)
    expect(frames).toBeGreaterThan(5)
    graph.setPushToTalk(false)
    graph.setMuted(true)
    const before = frames
    await sleep(300)
    expect(frames - before).toBeLessThanOrEqual(1)
    expect(graph.inputStream?.getAudioTracks()[0]?.readyState).toBe('live')
  })
})

describe('playback', () => {
  it('plays known audio at the output and accounts the played milliseconds within 10 ms', async () => {
    const graph = makeGraph({ microphone: false })
    await graph.start()
    const tap = await tapOutput(graph.output!)
    graph.play('item_1', 0, pcm16Tone(1000))
    graph.endItem('item_1')
    await sleep(450)
    const reading = await tap.read()
    const played = graph.playbackTracker.getPlayedMs('item_1', 0)
    const latency = ((graph.context as { outputLatency?: number }).outputLatency ?? 0) * 1000
    // The tap counted rendered samples up to reading.currentTime; bring both to the same instant.
    const heardByTap = reading.audibleMs + (graph.context!.currentTime - reading.currentTime) * 1000 - latency
    expect(reading.peak).toBeGreaterThan(0.4)
    expect(Math.abs(played - heardByTap)).toBeLessThanOrEqual(10)
    expect(played).toBeGreaterThan(200)
    expect(played).toBeLessThan(700)
    const drained = new Promise<{ playedMs: number }>((resolve) => graph.on('drained', resolve))
    expect((await drained).playedMs).toBeCloseTo(1000, -1)
  })

  it('fades out and reaches silence within 15 ms of interrupt()', async () => {
    const graph = makeGraph({ microphone: false })
    await graph.start()
    const tap = await tapOutput(graph.output!)
    graph.play('item_2', 0, pcm16Tone(2000))
    await eventually(async () => (await tap.read()).audibleMs > 300, 3000, 'audio to play')
    const calledAt = graph.context!.currentTime
    graph.interrupt()
    await sleep(200)
    const reading = await tap.read()
    expect(reading.lastAudibleTime! - calledAt).toBeLessThanOrEqual(0.015)
    await sleep(100)
    expect((await tap.read()).audibleMs).toBe(reading.audibleMs) // nothing plays after the flush
  })

  it('counts an underrun, plays silence, and recovers when audio arrives again', async () => {
    const graph = makeGraph({ microphone: false, prebufferMs: 80 })
    await graph.start()
    const tap = await tapOutput(graph.output!)
    graph.play('item_3', 0, pcm16Tone(200))
    await sleep(500)
    await eventually(() => graph.getSnapshot().underruns === 1, 2000, 'an underrun')
    const during = await tap.read()
    graph.play('item_3', 0, pcm16Tone(300))
    graph.endItem('item_3')
    await sleep(600)
    const after = await tap.read()
    expect(after.audibleMs - during.audibleMs).toBeGreaterThan(250)
    expect(graph.playbackTracker.getPlayedMs('item_3', 0)).toBeCloseTo(500, -1)
  })

  it('plays G.711 output at 8 kHz', async () => {
    const graph = makeGraph({ microphone: false, outputFormat: 'g711_alaw' })
    await graph.start()
    const tap = await tapOutput(graph.output!)
    const { encodeSamples } = await import('../../src/core/codec')
    const samples = new Int16Array(8 * 300).map((_, i) =>
      Math.round(Math.sin((2 * Math.PI * 440 * i) / 8000) * 16000),
    )
    graph.play('g', 0, encodeSamples(samples, 'g711_alaw').slice().buffer)
    graph.endItem('g')
    await sleep(600)
    const reading = await tap.read()
    expect(reading.audibleMs).toBeGreaterThan(280)
    expect(reading.audibleMs).toBeLessThan(330)
  })
})

describe('faults and lifecycle', () => {
  it('stop() leaves no live track and a closed context, and is idempotent', async () => {
    const graph = makeGraph()
    await graph.start()
    const stream = graph.inputStream!
    const context = graph.context!
    await graph.stop()
    await graph.stop()
    expect(stream.getTracks().every((t) => t.readyState === 'ended')).toBe(true)
    expect(context.state).toBe('closed')
    expect(graph.getSnapshot().state).toBe('closed')
    await graph.start() // a stopped graph can start again
    expect(graph.getSnapshot().state).toBe('running')
  })

  it('reports a denied microphone with a typed error, and playback still works', async () => {
    const denied = Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' })
    const mediaDevices = {
      getUserMedia: () => Promise.reject(denied),
      enumerateDevices: async () => [],
    } as unknown as MediaDevices
    const graph = makeGraph({ mediaDevices })
    await expect(graph.start()).rejects.toMatchObject({ code: 'microphone_denied' })
    expect(graph.getSnapshot().state).toBe('running')
    const tap = await tapOutput(graph.output!)
    graph.play('x', 0, pcm16Tone(200))
    graph.endItem('x')
    await sleep(400)
    expect((await tap.read()).audibleMs).toBeGreaterThan(150)
  })

  it('reports a missing microphone', async () => {
    const missing = Object.assign(new Error('Requested device not found'), { name: 'NotFoundError' })
    const mediaDevices = { getUserMedia: () => Promise.reject(missing) } as unknown as MediaDevices
    await expect(makeGraph({ mediaDevices }).start()).rejects.toMatchObject({
      code: 'microphone_unavailable',
    })
  })

  it('reports a worklet that fails to load, naming the hosted-URL option', async () => {
    const graph = makeGraph({ workletModuleUrl: '/definitely-not-here.js' })
    const error = await graph.start().catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'worklet_failed' })
    expect(graph.getSnapshot().state).toBe('error')
  })

  it('falls back to the default microphone when the device is lost, and says so', async () => {
    const graph = makeGraph({ inputDeviceId: 'default' })
    const errors: string[] = []
    const fallbacks: string[] = []
    graph.on('error', (e) => errors.push(e.code))
    graph.on('fallback', (f) => fallbacks.push(f.kind))
    await graph.start()
    const lost = graph.inputStream!
    lost.getAudioTracks()[0]!.dispatchEvent(new Event('ended'))
    await eventually(
      () => graph.inputStream !== lost && graph.inputStream !== null,
      3000,
      'a new microphone stream',
    )
    expect(errors).toEqual(['device_lost'])
    expect(fallbacks).toEqual(['input'])
    expect(graph.inputStream!.getAudioTracks()[0]!.readyState).toBe('live')
    expect(lost.getAudioTracks()[0]!.readyState).toBe('ended')
  })

  it('lists devices and switches the microphone while running', async () => {
    const graph = makeGraph()
    await graph.start()
    const { inputs } = await graph.listDevices()
    expect(inputs.length).toBeGreaterThan(0)
    const first = graph.inputStream
    await graph.setInputDevice(inputs[0]!.deviceId)
    expect(graph.inputStream).not.toBe(first)
    expect(first!.getAudioTracks()[0]!.readyState).toBe('ended')
    expect(graph.getSnapshot().inputDeviceId).toBe(inputs[0]!.deviceId)
  })
})
