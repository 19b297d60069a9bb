import type {
  AudioFormat,
  floatToPcm16,
  g711Kernel,
  ResamplerConstructor,
  Resampler as ResamplerInstance,
} from '../../core'
import type { WorkletScope } from './scope'

export const CAPTURE_PROCESSOR = 'rak-capture'

/** Options the capture processor is created with. */
export interface CaptureOptions {
  format: AudioFormat
  frameMs: number
  /** The gate at creation; later changes arrive as messages. */
  open: boolean
}

/** Messages the main thread sends the capture processor. */
export type CaptureCommand = { type: 'gate'; open: boolean }

/** What the capture processor posts: one encoded frame, as a transferable buffer. */
export interface CaptureFrame {
  type: 'frame'
  data: ArrayBuffer
  /** Audio-clock time (seconds) at which the frame's last sample was captured. */
  time: number
}

/**
 * The answer to each gate message, posted after every frame captured while the gate was open (the
 * port keeps order): once it arrives, the main thread has them all.
 */
export interface CaptureGateAnswer {
  type: 'gate'
  open: boolean
}

/** Messages of the capture processor. */
export type CaptureReport = CaptureFrame | CaptureGateAnswer

/**
 * Runs inside the AudioWorkletGlobalScope (its source is embedded, so it may only use its
 * arguments and the scope): downmix to mono, resample to the wire rate, cut into frames, encode,
 * post each frame as a transferable buffer. While the gate is closed (muted, push-to-talk up,
 * echo gate) frames are dropped, but the track keeps running.
 */
export function defineCaptureProcessor(
  scope: WorkletScope,
  g711: ReturnType<typeof g711Kernel>,
  Resampler: ResamplerConstructor,
  toPcm16: typeof floatToPcm16,
  name: string,
): void {
  class CaptureProcessor extends scope.AudioWorkletProcessor {
    // Fields are declared, not initialised: see resamplerKernel on syntax an app bundler may lower.
    declare private format: AudioFormat
    declare private resampler: ResamplerInstance
    declare private frame: Float32Array
    declare private fill: number
    declare private open: boolean
    declare private mono: Float32Array

    constructor(options?: { processorOptions?: unknown }) {
      super(options)
      this.fill = 0
      this.mono = new Float32Array(128)
      const { format, frameMs, open } = (options?.processorOptions ?? {}) as CaptureOptions
      // The gate starts as the store says: a message could land after the first quanta (WebKit
      // renders before it delivers), and a muted microphone would leak a frame.
      this.open = open !== false
      this.format = format
      const rate = format === 'pcm16' ? 24000 : 8000
      this.resampler = new Resampler(scope.sampleRate, rate)
      this.frame = new Float32Array(Math.round((rate * frameMs) / 1000))
      this.port.onmessage = (event: MessageEvent<CaptureCommand>) => {
        const { open } = event.data
        // Closing sends the frame in progress (the last words before a push-to-talk release);
        // opening starts a fresh frame, so no audio from before the gate opened goes out.
        if (this.open && !open && this.fill > 0) this.post(scope.currentTime)
        this.fill = 0
        this.open = open
        this.port.postMessage({ type: 'gate', open } satisfies CaptureGateAnswer)
      }
    }

    process(inputs: Float32Array[][]): boolean {
      const channels = inputs[0]
      if (!channels || channels.length === 0) return true
      const length = (channels[0] as Float32Array).length
      if (this.mono.length !== length) this.mono = new Float32Array(length)
      const mono = this.mono
      // Downmix: each sample is the mean of the channels'.
      for (let i = 0; i < length; i++) {
        let sum = 0
        for (let c = 0; c < channels.length; c++) sum += (channels[c] as Float32Array)[i] as number
        mono[i] = sum / channels.length
      }
      const resampled = this.resampler.process(mono)
      let offset = 0
      while (offset < resampled.length) {
        const take = Math.min(this.frame.length - this.fill, resampled.length - offset)
        this.frame.set(resampled.subarray(offset, offset + take), this.fill)
        this.fill += take
        offset += take
        if (this.fill === this.frame.length) {
          this.fill = 0
          if (this.open) this.post(scope.currentTime + length / scope.sampleRate)
        }
      }
      return true
    }

    private post(time: number): void {
      const pcm = toPcm16(this.frame.subarray(0, this.fill || this.frame.length))
      const encoded =
        this.format === 'g711_ulaw'
          ? g711.encodeUlaw(pcm)
          : this.format === 'g711_alaw'
            ? g711.encodeAlaw(pcm)
            : pcm
      const frame: CaptureFrame = { type: 'frame', data: encoded.buffer as ArrayBuffer, time }
      this.port.postMessage(frame, [frame.data])
    }
  }
  scope.registerProcessor(name, CaptureProcessor)
}
