import type {
  AudioFormat,
  g711Kernel,
  pcm16ToFloat,
  ResamplerConstructor,
  Resampler as ResamplerInstance,
} from '../../core'
import type { WorkletScope } from './scope'

export const PLAYBACK_PROCESSOR = 'rak-playback'

export interface PlaybackOptions {
  /** Audio gathered before playback starts (and restarts after an underrun), ms. */
  prebufferMs: number
  /** Fade-out on interruption, ms (at most 12). */
  fadeMs: number
}

/** Messages the main thread sends the playback processor. */
export type PlaybackCommand =
  | { type: 'audio'; itemId: string; contentIndex: number; format: AudioFormat; data: ArrayBuffer }
  /** The server sent all of an item's audio: play out what is buffered, even below the prebuffer. */
  | { type: 'end'; itemId: string }
  /** Fade out and drop everything queued. */
  | { type: 'interrupt' }

/**
 * What the playback processor reports; `time` is the context time the report stands for, `playing`
 * whether it is rendering then (only a position report can say yes).
 */
export type PlaybackReport =
  | {
      type: 'position'
      itemId: string
      contentIndex: number
      playedMs: number
      time: number
      playing: boolean
    }
  | {
      type: 'interrupted'
      itemId: string | null
      contentIndex: number
      playedMs: number
      time: number
      playing: false
    }
  | { type: 'drained'; itemId: string; contentIndex: number; playedMs: number; time: number; playing: false }
  | { type: 'underrun'; itemId: string; underruns: number; time: number }

/** A report of how much of the current item has been rendered. */
export type PlaybackPosition = Extract<PlaybackReport, { playedMs: number }>

/**
 * Runs inside the AudioWorkletGlobalScope: decodes wire audio, resamples it to the context rate,
 * holds it in a jitter buffer (prebuffer first; an underrun plays silence, counts, and re-buffers),
 * and accounts per item for the milliseconds actually rendered. An interrupt fades out over
 * `fadeMs` and flushes.
 */
export function definePlaybackProcessor(
  scope: WorkletScope,
  g711: ReturnType<typeof g711Kernel>,
  Resampler: ResamplerConstructor,
  toFloat: typeof pcm16ToFloat,
  name: string,
): void {
  interface Segment {
    itemId: string
    contentIndex: number
    samples: Float32Array
    offset: number
  }
  const REPORT_EVERY = 4 // quanta between position reports (about 11 ms at 48 kHz)

  class PlaybackProcessor extends scope.AudioWorkletProcessor {
    // Fields are declared, not initialised: see resamplerKernel on syntax an app bundler may lower.
    declare private prebuffer: number
    declare private fadeLength: number
    declare private resamplers: Map<number, ResamplerInstance>
    declare private queue: Segment[]
    declare private buffered: number
    declare private playing: boolean
    declare private ended: Set<string>
    declare private fadeLeft: number
    declare private itemId: string | null
    declare private contentIndex: number
    declare private played: number
    declare private underruns: number
    declare private quanta: number
    declare private wasPlaying: boolean

    constructor(options?: { processorOptions?: unknown }) {
      super(options)
      this.resamplers = new Map()
      this.queue = []
      this.buffered = 0
      this.playing = false
      this.ended = new Set()
      this.fadeLeft = -1
      this.itemId = null
      this.contentIndex = 0
      this.played = 0
      this.underruns = 0
      this.quanta = 0
      this.wasPlaying = false
      const { prebufferMs, fadeMs } = (options?.processorOptions ?? {}) as PlaybackOptions
      this.prebuffer = Math.round((scope.sampleRate * prebufferMs) / 1000)
      this.fadeLength = Math.max(1, Math.round((scope.sampleRate * Math.min(12, fadeMs)) / 1000))
      this.port.onmessage = (event: MessageEvent<PlaybackCommand>) => this.command(event.data)
    }

    private resampler(rate: number): ResamplerInstance {
      let resampler = this.resamplers.get(rate)
      if (!resampler) {
        resampler = new Resampler(rate, scope.sampleRate)
        this.resamplers.set(rate, resampler)
      }
      return resampler
    }

    private enqueue(itemId: string, contentIndex: number, samples: Float32Array): void {
      if (samples.length === 0) return
      this.queue.push({ itemId, contentIndex, samples, offset: 0 })
      this.buffered += samples.length
    }

    private command(command: PlaybackCommand): void {
      if (command.type === 'audio') {
        const bytes = new Uint8Array(command.data)
        const pcm =
          command.format === 'g711_ulaw'
            ? g711.decodeUlaw(bytes)
            : command.format === 'g711_alaw'
              ? g711.decodeAlaw(bytes)
              : new Int16Array(command.data, 0, bytes.length >> 1)
        const rate = command.format === 'pcm16' ? 24000 : 8000
        this.ended.delete(command.itemId)
        this.enqueue(command.itemId, command.contentIndex, this.resampler(rate).process(toFloat(pcm)))
      } else if (command.type === 'end') {
        this.ended.add(command.itemId)
        const last = this.queue.at(-1)
        for (const resampler of this.resamplers.values()) {
          const tail = resampler.flush()
          if (last) this.enqueue(last.itemId, last.contentIndex, tail)
        }
      } else if (command.type === 'interrupt') {
        // Fade what is playing; with nothing queued there is nothing to fade.
        if (this.queue.length === 0 || !this.playing) this.flush()
        else if (this.fadeLeft < 0) this.fadeLeft = this.fadeLength
      }
    }

    private flush(): void {
      this.queue = []
      this.buffered = 0
      this.fadeLeft = -1
      this.playing = false
      for (const resampler of this.resamplers.values()) resampler.reset()
      this.report('interrupted', scope.currentTime)
    }

    private report(type: PlaybackPosition['type'], time: number, playing = false): void {
      this.port.postMessage({
        type,
        itemId: this.itemId,
        contentIndex: this.contentIndex,
        playedMs: (this.played / scope.sampleRate) * 1000,
        time,
        playing,
      } as PlaybackPosition)
    }

    process(_inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
      // One output of one channel: the node is created with `outputChannelCount: [1]`.
      const out = outputs[0]?.[0]
      if (!out) return true
      out.fill(0)
      const last = this.queue.at(-1)
      if (last && (this.buffered >= this.prebuffer || this.ended.has(last.itemId))) this.playing = true
      let written = 0
      while (this.playing && written < out.length) {
        const segment = this.queue[0]
        if (!segment) {
          this.playing = false
          // The item drained if it had ended (and it is forgotten); otherwise more audio is late.
          if (this.itemId !== null && this.ended.delete(this.itemId)) {
            this.report('drained', scope.currentTime)
          } else {
            this.underruns++
            this.port.postMessage({
              type: 'underrun',
              itemId: this.itemId ?? '',
              underruns: this.underruns,
              time: scope.currentTime,
            } satisfies PlaybackReport)
          }
          break
        }
        if (segment.itemId !== this.itemId || segment.contentIndex !== this.contentIndex) {
          this.itemId = segment.itemId
          this.contentIndex = segment.contentIndex
          this.played = 0
        }
        const take = Math.min(out.length - written, segment.samples.length - segment.offset)
        for (let i = 0; i < take; i++) {
          let sample = segment.samples[segment.offset + i] as number
          if (this.fadeLeft >= 0) {
            sample *= this.fadeLeft / this.fadeLength
            this.fadeLeft--
          }
          out[written + i] = sample
          if (this.fadeLeft === 0) {
            this.played += i + 1
            this.flush()
            return true
          }
        }
        written += take
        segment.offset += take
        this.buffered -= take
        this.played += take
        if (segment.offset >= segment.samples.length) this.queue.shift()
      }
      // Report while rendering, and once when rendering stops: an idle report would restart the
      // main thread's latency window.
      const playing = this.playing
      if (
        this.itemId !== null &&
        ((playing && ++this.quanta % REPORT_EVERY === 0) || (!playing && this.wasPlaying))
      ) {
        this.report('position', scope.currentTime + out.length / scope.sampleRate, playing)
      }
      this.wasPlaying = playing
      return true
    }
  }
  scope.registerProcessor(name, PlaybackProcessor)
}
