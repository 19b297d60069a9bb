/**
 * A streaming band-limited resampler as a self-contained factory (the worklets embed its source).
 * Windowed-sinc interpolation with a Kaiser window (beta 8.6, about -85 dB side lobes): when it
 * downsamples, the cutoff sits at 90% of the output's Nyquist frequency, so what cannot be
 * represented is filtered out instead of folding back as aliasing.
 */
/** A streaming resampler between two fixed sample rates. */
export interface Resampler {
  readonly fromRate: number
  readonly toRate: number
  /** Resamples the next block of a stream; output length varies by at most one sample per call. */
  process(input: Float32Array): Float32Array
  /** Outputs what is still waiting for look-ahead, as if the stream ended in silence. */
  flush(): Float32Array
  /** Forgets buffered input (after an interruption, say). */
  reset(): void
}

/** The constructor of a streaming resampler between two sample rates. */
export type ResamplerConstructor = new (fromRate: number, toRate: number, zeroCrossings?: number) => Resampler

/** The resampler as a self-contained function, so an audio worklet can carry its source. */
export function resamplerKernel(): { Resampler: ResamplerConstructor } {
  const PHASES = 128 // kernel table resolution per input sample; linear interpolation between

  function besselI0(x: number): number {
    let sum = 1
    let term = 1
    for (let k = 1; k < 30; k++) {
      term *= (x / (2 * k)) ** 2
      sum += term
    }
    return sum
  }

  // No class fields, private fields or object spread here: an app's bundler may lower those to
  // module-level helpers, which the embedded worklet source would not have.
  class WindowedSincResampler {
    declare readonly fromRate: number
    declare readonly toRate: number
    declare private step: number
    declare private half: number
    declare private table: Float32Array
    declare private buffer: Float32Array
    declare private length: number
    declare private position: number

    constructor(fromRate: number, toRate: number, zeroCrossings = 16) {
      this.fromRate = fromRate
      this.toRate = toRate
      this.step = fromRate / toRate
      const cutoff = Math.min(1, toRate / fromRate) * 0.9
      this.half = Math.ceil(zeroCrossings / cutoff)
      const beta = 8.6
      const size = this.half * PHASES + 2
      this.table = new Float32Array(size)
      const norm = besselI0(beta)
      for (let i = 0; i < size; i++) {
        const x = i / PHASES
        const r = x / this.half
        const window = r >= 1 ? 0 : besselI0(beta * Math.sqrt(1 - r * r)) / norm
        const arg = Math.PI * cutoff * x
        this.table[i] = (x === 0 ? cutoff : (cutoff * Math.sin(arg)) / arg) * window
      }
      // Start with `half` samples of silence as history, so the first output has full support.
      this.buffer = new Float32Array(4096)
      this.length = this.half
      this.position = this.half
    }

    process(input: Float32Array): Float32Array {
      if (this.fromRate === this.toRate) return input.slice()
      if (this.length + input.length > this.buffer.length) {
        const grown = new Float32Array(Math.max(this.buffer.length * 2, this.length + input.length))
        grown.set(this.buffer.subarray(0, this.length))
        this.buffer = grown
      }
      this.buffer.set(input, this.length)
      this.length += input.length
      const half = this.half
      const buffer = this.buffer
      const table = this.table
      const available = Math.max(0, Math.floor((this.length - half - this.position) / this.step) + 1)
      const out = new Float32Array(available)
      let produced = 0
      while (produced < available && this.position + half < this.length) {
        const center = Math.floor(this.position)
        const frac = this.position - center
        let sum = 0
        for (let k = center - half + 1; k <= center + half; k++) {
          const d = Math.abs(k - center - frac) * PHASES
          const i = Math.floor(d)
          const w = table[i]! + (table[i + 1]! - table[i]!) * (d - i)
          sum += buffer[k]! * w
        }
        // cutoff * sinc(cutoff * x) integrates to 1, so the sum over input samples has unity DC gain.
        out[produced++] = sum
        this.position += this.step
      }
      // Drop what no future output needs; keep `half` samples of history.
      const keepFrom = Math.max(0, Math.floor(this.position) - half)
      if (keepFrom > 0) {
        buffer.copyWithin(0, keepFrom, this.length)
        this.length -= keepFrom
        this.position -= keepFrom
      }
      return produced === out.length ? out : out.subarray(0, produced)
    }

    flush(): Float32Array {
      const end = this.length
      const tail = this.process(new Float32Array(this.half))
      // Only outputs that stand for real input (before the stream's end) are returned.
      const real = Math.max(0, Math.ceil((end - (this.position - tail.length * this.step)) / this.step))
      return tail.subarray(0, Math.min(tail.length, real))
    }

    reset(): void {
      this.buffer.fill(0, 0, this.half)
      this.length = this.half
      this.position = this.half
    }
  }

  return { Resampler: WindowedSincResampler }
}

/** A streaming resampler between two sample rates; see {@link resamplerKernel}. */
export const Resampler: ResamplerConstructor = resamplerKernel().Resampler

/** Resamples a whole signal at once. */
export function resample(samples: Float32Array, fromRate: number, toRate: number): Float32Array {
  const resampler = new Resampler(fromRate, toRate)
  const body = resampler.process(samples)
  const tail = resampler.flush()
  const out = new Float32Array(body.length + tail.length)
  out.set(body)
  out.set(tail, body.length)
  return out
}
