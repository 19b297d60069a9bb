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

/** Which side of the graph a meter listens to: the microphone or the agent's audio. */
export type LevelSide = 'input' | 'output'

/**
 * The graph's two analysers. Capture and playback route their audio through the node `attach`
 * returns; readers pull levels and spectra, which are zero while a side has no meter.
 */
export class GraphLevels {
  readonly #meters: Record<LevelSide, LevelMeter | null> = { input: null, output: null }

  /** Creates the analyser `side`'s audio passes through (replacing any previous one) and returns its node. */
  attach(side: LevelSide, context: BaseAudioContext): AnalyserNode {
    this.detach(side)
    const meter = new LevelMeter(context)
    this.#meters[side] = meter
    return meter.node
  }

  /** Disconnects and forgets `side`'s analyser. */
  detach(side: LevelSide): void {
    this.#meters[side]?.node.disconnect()
    this.#meters[side] = null
  }

  /** The analyser node of `side`, while it has one. */
  node(side: LevelSide): AnalyserNode | null {
    return this.#meters[side]?.node ?? null
  }

  /** RMS level of `side`, 0..1 (0 without a meter). */
  getLevel(side: LevelSide): number {
    return this.#meters[side]?.getLevel() ?? 0
  }

  /** Fills `array` with `side`'s frequency magnitudes (0..255), or zeros without a meter. */
  getFrequencyData(side: LevelSide, array: Uint8Array<ArrayBuffer>): void {
    const meter = this.#meters[side]
    if (meter) meter.getFrequencyData(array)
    else array.fill(0)
  }
}
