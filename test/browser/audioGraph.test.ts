import { describe, expect, it } from 'vitest'
import { decodeSamples, pcm16ToFloat } from '../../src/core/codec'
import {
  graphFactory,
  nextDrained,
  recordFrames,
  startRunning,
  type TimedFrame,
  untilRunning,
  untilSnapshot,
} from './helpers/graphs'
import { pcm16Tone, tapOutput } from './helpers/tap'
import { until, untilAudioTime } from './helpers/wait'

const makeGraph = graphFactory()

const rms = (samples: Float32Array) => Math.sqrt(samples.reduce((s, x) => s + x * x, 0) / samples.length)
const pcm16Rms = (frame: TimedFrame) => rms(pcm16ToFloat(new Int16Array(frame.data)))
const outputLatencyMs = (context: AudioContext) =>
  ((context as { outputLatency?: number }).outputLatency ?? 0) * 1000

describe('capture (fake microphone playing a spoken WAV)', () => {
  it('posts 20 ms pcm16 frames at 24 kHz, about 50 a second, with speech energy', async () => {
    const graph = makeGraph()
    const log = recordFrames(graph)
    const levels: number[] = []
    graph.on('frame', () => levels.push(graph.getInputLevel()))
    await startRunning(graph)
    expect(graph.getSnapshot().state).toBe('running')
    // The rate is counted on the audio clock (each frame carries its capture time), so a busy
    // machine delays the frames' arrival but not the measurement. The first 200 ms are skipped.
    await log.until((frames) => frames.length > 0, { what: 'the first microphone frame' })
    const from = log.frames[0]!.time + 0.2
    await log.until((frames) => frames.at(-1)!.time >= from + 1, { what: '1.2 s of microphone frames' })
    const counted = log.after(from)
    const perSecond = (counted.length - 1) / (counted.at(-1)!.time - counted[0]!.time)
    expect(perSecond).toBeGreaterThan(45)
    expect(perSecond).toBeLessThan(55)
    // The WAV loops every 3.6 s, speech in its first 1.8 s: within one loop a frame carries speech.
    await log.until((frames) => frames.some((f) => pcm16Rms(f) > 0.02), {
      what: 'a frame with speech energy',
      seen: () => Math.max(...log.frames.map(pcm16Rms)),
    })
    for (const frame of log.frames) expect(frame.data.byteLength).toBe(960) // 480 samples x 2 bytes
    // The input level follows the same microphone: it rose with the speech, and is 0 once stopped.
    expect(Math.max(...levels)).toBeGreaterThan(0.01)
    await graph.stop()
    expect(graph.getInputLevel()).toBe(0)
  })

  it('encodes G.711 at 8 kHz (160 bytes a frame) and honours the frame length', async () => {
    const graph = makeGraph({ inputFormat: 'g711_ulaw', frameMs: 40 })
    const log = recordFrames(graph)
    const loudness = (f: TimedFrame) => rms(pcm16ToFloat(decodeSamples(new Uint8Array(f.data), 'g711_ulaw')))
    await startRunning(graph)
    await log.until((frames) => frames.length > 10 && frames.some((f) => loudness(f) > 0.02), {
      what: 'more than 10 frames, one with speech energy',
    })
    for (const frame of log.frames) expect(frame.data.byteLength).toBe(320)
    const { frames } = log
    const spacing = (frames.at(-1)!.time - frames[0]!.time) / (frames.length - 1)
    expect(spacing).toBeCloseTo(0.04, 2)
  })

  it('mute and push-to-talk keep the track but send nothing', async () => {
    const graph = makeGraph({ pushToTalk: true })
    const log = recordFrames(graph)
    await startRunning(graph)
    const context = graph.context!
    await untilAudioTime(context, context.currentTime + 0.3, '300 ms of microphone audio, talk key up')
    expect(log.frames).toHaveLength(0)
    graph.setTalking(true)
    await log.until((frames) => frames.length > 5, { what: 'frames while the talk key is down' })
    graph.setPushToTalk(false)
    graph.setMuted(true)
    // The capture worklet answers the gate's change after every frame it sent before it: from then
    // on nothing may come (however long the message took to reach the audio thread).
    await graph.inputSettled()
    const sent = log.frames.length
    await untilAudioTime(context, context.currentTime + 0.4, '400 ms of microphone audio while muted')
    expect(log.frames.slice(sent)).toEqual([])
    expect(graph.inputStream?.getAudioTracks()[0]?.readyState).toBe('live')
  })
  it('a push-to-talk release sends the frame in progress, then inputSettled() resolves', async () => {
    // Frames of a second: a shorter press fills none, so only the release can send its audio.
    const graph = makeGraph({ pushToTalk: true, frameMs: 1000 })
    const log = recordFrames(graph)
    await startRunning(graph)
    const context = graph.context!
    graph.setTalking(true)
    await untilAudioTime(context, context.currentTime + 0.2, '200 ms of talking')
    expect(log.frames).toEqual([])
    graph.setTalking(false)
    await graph.inputSettled()
    expect(log.frames).toHaveLength(1)
    const ms = log.frames[0]!.data.byteLength / 2 / 24 // pcm16 at 24 kHz
    expect(ms).toBeGreaterThan(0)
    expect(ms).toBeLessThan(1000)
    await untilAudioTime(context, context.currentTime + 0.2, '200 ms after the release')
    expect(log.frames).toHaveLength(1)
  })
})

describe('playback', () => {
  it('plays known audio at the output and accounts the played milliseconds as the output heard them', async () => {
    const graph = makeGraph({ microphone: false })
    await startRunning(graph)
    const context = graph.context!
    const tap = await tapOutput(graph.output!)
    const drained = nextDrained(graph, 'item_1')
    graph.play('item_1', 0, pcm16Tone(2000))
    graph.endItem('item_1')
    await untilSnapshot(graph, (s) => s.playing, { what: 'the first position report of item_1' })
    // Rendered is not yet heard: the output latency (large behind a sound server) comes first.
    const before = await tap.until((r) => r.audibleMs >= 300 + outputLatencyMs(context), {
      what: '300 ms of item_1 to be heard',
    })
    const played = graph.playbackTracker.getPlayedMs('item_1', 0)
    const latency = outputLatencyMs(context)
    // A reading asked for now is taken on the audio thread after the call: what was really heard
    // at the call lies between the two readings. The tracker extrapolates its latest report with
    // the main thread's audio clock, which can lag the audio thread by a report (about 11 ms; WebKit).
    const after = await tap.read()
    expect(before.peak).toBeGreaterThan(0.4)
    expect(played).toBeGreaterThan(200)
    expect(played).toBeLessThan(1900) // still mid-item, where both sides extrapolate
    expect(played).toBeGreaterThanOrEqual(before.audibleMs - latency - 11)
    expect(played).toBeLessThanOrEqual(after.audibleMs - latency + 11)
    expect((await drained).playedMs).toBeCloseTo(2000, -1)
  })

  it('fades out and reaches silence within 15 ms of interrupt()', async () => {
    const graph = makeGraph({ microphone: false })
    await startRunning(graph)
    const tap = await tapOutput(graph.output!)
    graph.play('item_2', 0, pcm16Tone(2000))
    const before = await tap.until((r) => r.audibleMs > 300, { what: '300 ms of item_2 to be heard' })
    expect(before.fallTime).toBeNull() // a steady tone so far
    // The fade is timed on the audio itself: from the first quantum where the tone fell to the last
    // audible sample. When the interrupt reaches the audio thread depends on the machine (WebKit
    // delivered one 200 ms late, and not in order with other ports' messages); the bench measures it.
    graph.interrupt()
    const reading = await tap.until((r) => r.fallTime !== null && r.currentTime >= r.fallTime + 0.2, {
      what: 'the tone to fall, then 200 ms more audio',
    })
    // A reading received before interrupt() was taken before the interrupt could arrive.
    expect(reading.fallTime!).toBeGreaterThanOrEqual(before.currentTime)
    expect(reading.lastAudibleTime! - reading.fallTime!).toBeLessThanOrEqual(0.015)
    const later = await tap.until((r) => r.currentTime >= reading.currentTime + 0.1, {
      what: '100 ms more audio',
    })
    expect(later.audibleMs).toBe(reading.audibleMs) // nothing plays after the flush
  })

  it('counts an underrun, plays silence, and recovers when audio arrives again', async () => {
    const graph = makeGraph({ microphone: false, prebufferMs: 80 })
    await startRunning(graph)
    const context = graph.context!
    const tap = await tapOutput(graph.output!)
    const underrun = untilSnapshot(graph, (s) => s.underruns === 1, { what: 'an underrun' })
    graph.play('item_3', 0, pcm16Tone(200))
    await underrun
    const during = await tap.read()
    const silent = await tap.until((r) => r.currentTime >= during.currentTime + 0.1, {
      what: '100 ms of audio after the underrun',
    })
    expect(silent.audibleMs).toBe(during.audibleMs)
    const drained = nextDrained(graph, 'item_3')
    graph.play('item_3', 0, pcm16Tone(300))
    graph.endItem('item_3')
    await drained
    const after = await tap.read()
    expect(after.audibleMs - during.audibleMs).toBeGreaterThan(250)
    // Rendered audio reaches the speaker after the output latency; the tracker counts it then.
    await untilAudioTime(context, context.currentTime + outputLatencyMs(context) / 1000, 'the output latency')
    expect(graph.playbackTracker.getPlayedMs('item_3', 0)).toBeCloseTo(500, -1)
  })

  it('plays G.711 output at 8 kHz', async () => {
    const graph = makeGraph({ microphone: false, outputFormat: 'g711_alaw' })
    await startRunning(graph)
    const tap = await tapOutput(graph.output!)
    const { encodeSamples } = await import('../../src/core/codec')
    const samples = new Int16Array(8 * 300).map((_, i) =>
      Math.round(Math.sin((2 * Math.PI * 440 * i) / 8000) * 16000),
    )
    const drained = nextDrained(graph, 'g')
    graph.play('g', 0, encodeSamples(samples, 'g711_alaw').slice().buffer)
    graph.endItem('g')
    await drained
    const reading = await tap.read()
    expect(reading.audibleMs).toBeGreaterThan(280)
    expect(reading.audibleMs).toBeLessThan(330)
  })
})

describe('faults and lifecycle', () => {
  it('stop() leaves no live track and a closed context, and is idempotent', async () => {
    const graph = makeGraph()
    await startRunning(graph)
    const stream = graph.inputStream!
    const context = graph.context!
    await graph.stop()
    await graph.stop()
    expect(stream.getTracks().every((t) => t.readyState === 'ended')).toBe(true)
    expect(context.state).toBe('closed')
    expect(graph.getSnapshot().state).toBe('closed')
    await startRunning(graph) // a stopped graph can start again
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
    await untilRunning(graph) // the graph is up: only the microphone failed
    const tap = await tapOutput(graph.output!)
    const drained = nextDrained(graph, 'x')
    graph.play('x', 0, pcm16Tone(200))
    graph.endItem('x')
    await drained
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
    const graph = makeGraph()
    const errors: string[] = []
    const fallbacks: string[] = []
    graph.on('error', (e) => errors.push(e.code))
    graph.on('fallback', (f) => fallbacks.push(f.kind))
    await startRunning(graph)
    // A device chosen by id, as a user picks one (ids differ per browser: Safari has no "default").
    const { inputs } = await graph.listDevices()
    await graph.setInputDevice(inputs[0]!.deviceId)
    const lost = graph.inputStream!
    lost.getAudioTracks()[0]!.dispatchEvent(new Event('ended'))
    await until(
      (notify) => graph.subscribe(notify),
      () => graph.inputStream !== lost && graph.inputStream !== null,
      { what: 'a new microphone stream' },
    )
    expect(errors).toEqual(['device_lost'])
    expect(fallbacks).toEqual(['input'])
    expect(graph.inputStream!.getAudioTracks()[0]!.readyState).toBe('live')
    expect(lost.getAudioTracks()[0]!.readyState).toBe('ended')
  })

  it('lists devices and switches the microphone while running', async () => {
    const graph = makeGraph()
    await startRunning(graph)
    const { inputs } = await graph.listDevices()
    expect(inputs.length).toBeGreaterThan(0)
    const first = graph.inputStream
    await graph.setInputDevice(inputs[0]!.deviceId)
    expect(graph.inputStream).not.toBe(first)
    expect(first!.getAudioTracks()[0]!.readyState).toBe('ended')
    expect(graph.getSnapshot().inputDeviceId).toBe(inputs[0]!.deviceId)
  })
})
