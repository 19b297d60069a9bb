import { runInNewContext } from 'node:vm'
import { parseAst } from 'rolldown/parseAst'
import { describe, expect, it } from 'vitest'
import { workletModuleSource } from '../../src/audio'
import { decodeSamples, encodeSamples, pcm16ToFloat } from '../../src/core/codec'

type Posted = { message: unknown }
interface FakeProcessor {
  port: { onmessage: ((e: { data: unknown }) => void) | null; posted: Posted[] }
  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean
}

/** Evaluates the worklet module in an empty context that has only the AudioWorkletGlobalScope names. */
function loadModule(sampleRate = 48000) {
  const processors = new Map<string, new (options: unknown) => FakeProcessor>()
  class AudioWorkletProcessor {
    port = {
      onmessage: null,
      posted: [] as Posted[],
      postMessage(message: unknown) {
        this.posted.push({ message })
      },
    }
  }
  const scope = {
    AudioWorkletProcessor,
    registerProcessor: (name: string, ctor: never) => processors.set(name, ctor),
    sampleRate,
    currentTime: 0,
  }
  runInNewContext(workletModuleSource(), {
    ...scope,
    globalThis: scope,
    Math,
    Float32Array,
    Int16Array,
    Uint8Array,
    Map,
    Set,
  })
  return processors
}

describe('the worklet module source', () => {
  it('is self-contained: it runs in a context with nothing but the worklet scope', () => {
    expect([...loadModule().keys()]).toEqual(['rak-capture', 'rak-playback'])
  })

  it('avoids syntax that app bundlers lower to module-level helpers', () => {
    // Class fields, private names and spread become helper calls when an app targets older
    // browsers; the embedded source would then call helpers it does not have.
    const found = new Set<string>()
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk)
      if (!node || typeof node !== 'object') return
      const type = (node as { type?: string }).type
      if (type && ['PropertyDefinition', 'PrivateIdentifier', 'SpreadElement', 'StaticBlock'].includes(type))
        found.add(type)
      for (const value of Object.values(node)) if (value && typeof value === 'object') walk(value)
    }
    walk(parseAst(workletModuleSource()))
    expect([...found]).toEqual([])
  })

  it('capture: downmixes, resamples 48 kHz to 24 kHz, frames 20 ms and encodes pcm16', () => {
    const Capture = loadModule().get('rak-capture')!
    const node = new Capture({ processorOptions: { format: 'pcm16', frameMs: 20 } })
    const left = new Float32Array(128)
    const right = new Float32Array(128)
    let n = 0
    for (let q = 0; q < 100; q++) {
      for (let i = 0; i < 128; i++, n++) {
        left[i] = Math.sin((2 * Math.PI * 1000 * n) / 48000) * 0.5
        right[i] = left[i]!
      }
      node.process([[left, right]], [])
    }
    const frames = node.port.posted.map((p) => (p.message as { data: ArrayBuffer }).data)
    // 100 quanta of 128 samples at 48 kHz = 266.7 ms: 13 full 20 ms frames.
    expect(frames).toHaveLength(13)
    for (const f of frames) expect(f.byteLength).toBe(960)
    const last = pcm16ToFloat(new Int16Array(frames.at(-1)!))
    const peak = Math.max(...last.map(Math.abs))
    expect(peak).toBeGreaterThan(0.48)
    expect(peak).toBeLessThan(0.52)
  })

  it('capture: the gate drops frames while closed, and answers each change after the frames before it', () => {
    const Capture = loadModule().get('rak-capture')!
    const node = new Capture({ processorOptions: { format: 'g711_alaw', frameMs: 20 } })
    const posted = () => node.port.posted.map((p) => p.message as { type: string; data?: ArrayBuffer })
    const quantum = new Float32Array(128).fill(0.1)
    node.process([[quantum]], []) // part of a frame
    node.port.onmessage!({ data: { type: 'gate', open: false } })
    // The frame in progress goes out (a push-to-talk release keeps its last words), then the answer.
    expect(posted().map((m) => m.type)).toEqual(['frame', 'gate'])
    const partial = posted()[0]!.data!.byteLength
    expect(partial).toBeGreaterThan(0)
    expect(partial).toBeLessThan(160)
    for (let q = 0; q < 40; q++) node.process([[quantum]], [])
    expect(posted()).toHaveLength(2)
    node.port.onmessage!({ data: { type: 'gate', open: true } })
    expect(posted()[2]).toEqual({ type: 'gate', open: true })
    for (let q = 0; q < 40; q++) node.process([[quantum]], [])
    // Frames flow again, whole.
    for (const frame of posted().slice(3)) expect(frame.data!.byteLength).toBe(160)
    expect(posted().length).toBeGreaterThan(3)
  })

  it('playback: prebuffers, plays, reports position, drains, and fades on interrupt', () => {
    const Playback = loadModule().get('rak-playback')!
    const node = new Playback({ processorOptions: { prebufferMs: 100, fadeMs: 8 } })
    const render = () => {
      const out = [[new Float32Array(128)]]
      node.process([], out)
      return out[0]![0]!
    }
    const tone = (ms: number) =>
      encodeSamples(
        Int16Array.from({ length: 24 * ms }, (_, i) => Math.round(Math.sin(i / 5) * 10000)),
        'pcm16',
      ).slice().buffer
    node.port.onmessage!({
      data: { type: 'audio', itemId: 'a', contentIndex: 0, format: 'pcm16', data: tone(50) },
    })
    expect(Math.max(...render().map(Math.abs))).toBe(0) // below the 100 ms prebuffer: silence
    node.port.onmessage!({
      data: { type: 'audio', itemId: 'a', contentIndex: 0, format: 'pcm16', data: tone(100) },
    })
    expect(Math.max(...render().map(Math.abs))).toBeGreaterThan(0.2)
    node.port.onmessage!({ data: { type: 'end', itemId: 'a' } })
    for (let q = 0; q < 60; q++) render()
    const reports = node.port.posted.map((p) => p.message as { type: string; playedMs: number })
    const drained = reports.find((r) => r.type === 'drained')!
    expect(drained.playedMs).toBeCloseTo(150, 0)

    node.port.onmessage!({
      data: { type: 'audio', itemId: 'b', contentIndex: 0, format: 'pcm16', data: tone(500) },
    })
    render()
    node.port.onmessage!({ data: { type: 'interrupt' } })
    const faded: number[] = []
    for (let q = 0; q < 4; q++) faded.push(...render())
    const lastLoud = faded.findLastIndex((x) => Math.abs(x) > 1e-6)
    expect(lastLoud).toBeLessThan(Math.round(0.008 * 48000) + 1) // silent within the 8 ms fade
    expect(reports.length).toBeLessThan(node.port.posted.length)
    expect(node.port.posted.some((p) => (p.message as { type: string }).type === 'interrupted')).toBe(true)
  })

  it('playback: decodes G.711 at 8 kHz', () => {
    const Playback = loadModule().get('rak-playback')!
    const node = new Playback({ processorOptions: { prebufferMs: 20, fadeMs: 8 } })
    const samples = Int16Array.from({ length: 8 * 100 }, (_, i) => Math.round(Math.sin(i / 3) * 12000))
    node.port.onmessage!({
      data: {
        type: 'audio',
        itemId: 'g',
        contentIndex: 0,
        format: 'g711_ulaw',
        data: encodeSamples(samples, 'g711_ulaw').slice().buffer,
      },
    })
    node.port.onmessage!({ data: { type: 'end', itemId: 'g' } })
    let rendered = 0
    let peak = 0
    for (let q = 0; q < 60; q++) {
      const out = [[new Float32Array(128)]]
      node.process([], out)
      rendered += out[0]![0]!.filter((x) => Math.abs(x) > 1e-4).length
      for (const x of out[0]![0]!) peak = Math.max(peak, Math.abs(x))
    }
    expect((rendered / 48000) * 1000).toBeCloseTo(100, -1)
    // The loudness of the μ-law decoding, not of another decoding of the same bytes.
    const decoded = pcm16ToFloat(decodeSamples(encodeSamples(samples, 'g711_ulaw'), 'g711_ulaw'))
    expect(peak).toBeCloseTo(Math.max(...decoded.map(Math.abs)), 1)
  })
})
