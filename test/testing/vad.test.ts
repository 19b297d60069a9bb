import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { encodeBase64 } from '../../src/core/codec'
import type { RawServerEvent } from '../../src/core/protocol'
import { ManualClock, RealtimeSimulator, say } from '../../src/testing'
import { EnergyVad, type VadEvent } from '../../src/testing/vad'
import { compileSchemasFirst } from '../helpers/schemas'

const RATE = 24_000

/** `ms` of a 440 Hz sine at `amplitude` (RMS = amplitude / √2); 0 is digital silence. */
function sound(ms: number, amplitude: number): Float32Array {
  const out = new Float32Array((ms * RATE) / 1000)
  for (let i = 0; i < out.length; i++) out[i] = Math.sin((2 * Math.PI * 440 * i) / RATE) * amplitude
  return out
}
const silence = (ms: number) => sound(ms, 0)

function join(parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

/** Chromium's fake capture device with no file: a 20 ms, 400 Hz beep every 500 ms. */
function beeps(ms: number): Float32Array {
  const out = new Float32Array((ms * RATE) / 1000)
  const period = RATE / 2
  const beep = (RATE * 20) / 1000
  for (let i = 0; i < out.length; i++)
    out[i] = i % period < beep ? (Math.sin((2 * Math.PI * 400 * i) / RATE) >= 0 ? 0.5 : -0.5) : 0
  return out
}

/** Feeds audio in 10 ms packets (not frame-aligned, as a capture graph may send it). */
function run(audio: Float32Array, turnDetection: object = { type: 'server_vad' }): VadEvent[] {
  const vad = new EnergyVad()
  vad.configure({ type: 'server_vad', ...turnDetection })
  const events: VadEvent[] = []
  const packet = RATE / 100
  for (let at = 0; at < audio.length; at += packet)
    events.push(...vad.push(audio.subarray(at, at + packet), RATE))
  return events
}

/** A word: loud, with a 20 ms dip in the middle as between syllables. */
const word = (ms: number) => join([sound(ms / 2 - 10, 0.3), silence(20), sound(ms / 2 - 10, 0.3)])

describe('EnergyVad on realistic input', () => {
  it('keeps speech with pauses shorter than silence_duration_ms as one turn, ending that long after the last word', () => {
    // Words at 1000 ms, 1540, 2080 and 2620 ms, each 300 ms, with 240 ms pauses between them.
    const speech = [silence(1000)]
    for (let i = 0; i < 4; i++) speech.push(word(300), silence(240))
    speech.push(silence(1000))
    expect(run(join(speech))).toEqual([
      { type: 'speech_started', audioStartMs: 1000 - 300 },
      // The last word ends at 2920 ms; audio_end_ms includes the silence, as the live API reports it.
      { type: 'speech_stopped', audioEndMs: 2920 + 500 },
    ])
  })

  it('honours silence_duration_ms: a 700 ms pause splits the turn at 500 ms and not at 800 ms', () => {
    const audio = join([silence(400), word(400), silence(700), word(400), silence(1000)])
    expect(run(audio)).toEqual([
      { type: 'speech_started', audioStartMs: 100 },
      { type: 'speech_stopped', audioEndMs: 800 + 500 },
      // The next turn's padding reaches back no further than where the last one ended.
      { type: 'speech_started', audioStartMs: 1300 },
      { type: 'speech_stopped', audioEndMs: 1900 + 500 },
    ])
    expect(run(audio, { silence_duration_ms: 800 })).toEqual([
      { type: 'speech_started', audioStartMs: 100 },
      { type: 'speech_stopped', audioEndMs: 1900 + 800 },
    ])
  })

  it('ends the turn after a tone then silence, and a periodic beep neither starts a turn nor holds one open', () => {
    expect(run(join([silence(300), sound(400, 0.3), silence(1000)]))).toEqual([
      { type: 'speech_started', audioStartMs: 0 },
      { type: 'speech_stopped', audioEndMs: 700 + 500 },
    ])
    // A beep every 500 ms would reset a 500 ms silence forever if every loud frame counted.
    expect(run(join([sound(600, 0.3), silence(250), beeps(5000)]))).toEqual([
      { type: 'speech_started', audioStartMs: 0 },
      { type: 'speech_stopped', audioEndMs: 600 + 500 },
    ])
    expect(run(beeps(5000))).toEqual([])
  })

  it('honours the threshold: a frame is speech from an RMS of threshold × 0.05', () => {
    const rmsTone = (rms: number) => join([sound(500, rms * Math.SQRT2), silence(600)])
    expect(run(rmsTone(0.024))).toEqual([])
    expect(run(rmsTone(0.026))).toHaveLength(2)
    expect(run(rmsTone(0.039), { threshold: 0.8 })).toEqual([])
    expect(run(rmsTone(0.041), { threshold: 0.8 })).toHaveLength(2)
  })

  it('reaches back prefix_padding_ms before the speech, but not before the session', () => {
    const audio = join([silence(1000), word(400), silence(600)])
    const startOf = (prefix: number) => run(audio, { prefix_padding_ms: prefix })[0]
    expect(startOf(300)).toEqual({ type: 'speech_started', audioStartMs: 700 })
    expect(startOf(0)).toEqual({ type: 'speech_started', audioStartMs: 1000 })
    expect(startOf(1500)).toEqual({ type: 'speech_started', audioStartMs: 0 })
  })
})

/** test/fixtures/speech.wav (48 kHz mono 16-bit) at the 24 kHz the capture graph sends. */
function fixtureSpeech(): Float32Array {
  const bytes = readFileSync(resolve(import.meta.dirname, '../fixtures/speech.wav'))
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let at = 12
  while (bytes.toString('ascii', at, at + 4) !== 'data') at += 8 + view.getUint32(at + 4, true)
  const count = view.getUint32(at + 4, true) / 2
  const out = new Float32Array(Math.floor(count / 2))
  for (let i = 0; i < out.length; i++)
    out[i] = (view.getInt16(at + 8 + i * 4, true) + view.getInt16(at + 10 + i * 4, true)) / 2 / 0x8000
  return out
}

compileSchemasFirst()

describe('the simulator hearing a looping fake microphone', () => {
  it('takes one turn per repetition of the speech file and answers each before the next one starts', async () => {
    const clock = new ManualClock()
    const events: RawServerEvent[] = []
    const sim = new RealtimeSimulator((e) => events.push(e), {
      clock,
      scenario: {
        turns: [1, 2, 3, 4].map((n) => ({ user: `Question ${n}`, replies: [say(`Answer ${n}.`)] })),
      },
    })
    sim.open()
    const once = fixtureSpeech()
    const loopMs = (once.length / RATE) * 1000
    const speech = join([once, once, once, once])
    const frame = RATE / 50
    // Four repetitions without a break, sent in 20 ms frames as the microphone plays them, the clock keeping pace.
    for (let at = 0; at + frame <= speech.length; at += frame) {
      const pcm = new Int16Array(frame)
      for (let i = 0; i < frame; i++) pcm[i] = Math.round(speech[at + i]! * 0x7fff)
      sim.receive(
        JSON.stringify({
          type: 'input_audio_buffer.append',
          audio: encodeBase64(new Uint8Array(pcm.buffer)),
        }),
      )
      await clock.advance(20)
    }
    const of = (type: string) => events.filter((e) => e.type === type)
    const started = of('input_audio_buffer.speech_started')
    const stopped = of('input_audio_buffer.speech_stopped')
    expect(started).toHaveLength(4)
    expect(stopped).toHaveLength(4)
    expect(of('input_audio_buffer.committed')).toHaveLength(4)
    for (let loop = 0; loop < 4; loop++) {
      const offset = loop * loopMs
      // The file: 0.3 s of silence, about 1.5 s of speech (with short gaps between words), 1.5 s of silence.
      expect(started[loop]!.audio_start_ms as number).toBeGreaterThanOrEqual(offset - 20)
      expect(started[loop]!.audio_start_ms as number).toBeLessThan(offset + 300)
      expect(stopped[loop]!.audio_end_ms as number).toBeGreaterThan(offset + 1700)
      expect(stopped[loop]!.audio_end_ms as number).toBeLessThan(offset + 2500)
    }
    // Every answer finished whole: no repetition was heard as a barge-in on the one before.
    const done = of('response.done').map((e) => (e.response as { status: string }).status)
    expect(done).toEqual(['completed', 'completed', 'completed', 'completed'])
    expect(of('response.output_audio_transcript.done').map((e) => e.transcript)).toEqual([
      'Answer 1.',
      'Answer 2.',
      'Answer 3.',
      'Answer 4.',
    ])
  })
})
