/**
 * An analyser tap with a pull API for requestAnimationFrame readers: nothing is computed or
 * emitted unless someone asks.
 */
export class LevelMeter {
  readonly node: AnalyserNode
  #time: Float32Array<ArrayBuffer>

  constructor(context: BaseAudioContext, fftSize = 1024) {
    this.node = context.createAnalyser()
    this.node.fftSize = fftSize
    this.node.smoothingTimeConstant = 0.6
    this.#time = new Float32Array(fftSize)
  }

  /** RMS level of the latest window, 0..1 (full-scale sine = 0.707). */
  getLevel(): number {
    this.node.getFloatTimeDomainData(this.#time)
    let sum = 0
    for (let i = 0; i < this.#time.length; i++) sum += (this.#time[i] as number) ** 2
    return Math.sqrt(sum / this.#time.length)
  }

  /** Fills `array` with byte frequency magnitudes (0..255); its length sets how many bins. */
  getFrequencyData(array: Uint8Array<ArrayBuffer>): void {
    this.node.getByteFrequencyData(array)
  }

  get frequencyBinCount(): number {
    return this.node.frequencyBinCount
  }
}
