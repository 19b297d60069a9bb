import { until, type WaitOptions } from './wait'

/** What the tap measured at the output, in context time. */
export interface TapReading {
  /** Rendered samples louder than the noise floor, as milliseconds. */
  audibleMs: number
  firstAudibleTime: number | null
  lastAudibleTime: number | null
  /** The audio clock when the reading was taken (end of the latest quantum the tap heard). */
  currentTime: number
  peak: number
  /**
   * Start of the first render quantum whose peak fell below 90 % of the quantum before it (a steady
   * tone starting to fade), or null: when a fade began, read from the audio itself.
   */
  fallTime: number | null
}

/** Reports every few render quanta, so waits follow the audio thread; answers a read at once. */
const source = `
class Tap extends AudioWorkletProcessor {
  constructor() {
    super()
    this.audible = 0; this.first = null; this.last = null; this.peak = 0; this.quanta = 0; this.end = 0
    this.previous = 0; this.fall = null
    this.port.onmessage = (event) => this.report(event.data)
  }
  report(id) {
    this.port.postMessage({
      id, audibleMs: this.audible / sampleRate * 1000, firstAudibleTime: this.first,
      lastAudibleTime: this.last, currentTime: this.end, peak: this.peak, fallTime: this.fall,
    })
  }
  process(inputs) {
    const x = inputs[0] && inputs[0][0]
    let quantumPeak = 0
    if (x) {
      for (let i = 0; i < x.length; i++) {
        const v = Math.abs(x[i])
        if (v > quantumPeak) quantumPeak = v
        if (v > 1e-4) {
          this.audible++
          const t = currentTime + i / sampleRate
          if (this.first === null) this.first = t
          this.last = t
          if (v > this.peak) this.peak = v
        }
      }
    }
    if (this.fall === null && this.previous > 0.1 && quantumPeak < 0.9 * this.previous) this.fall = currentTime
    this.previous = quantumPeak
    this.end = currentTime + 128 / sampleRate
    if (++this.quanta % 4 === 0) this.report(null)
    return true
  }
}
registerProcessor('rak-test-tap', Tap)`

export interface Tap {
  /**
   * A reading taken on the audio thread once this request arrives, so after anything the audio
   * thread had done before this call. (Messages to other nodes' ports may arrive before or after it.)
   */
  read(): Promise<TapReading>
  /** The first reading, from now on, for which `check` passes. */
  until(check: (reading: TapReading) => boolean, options: WaitOptions): Promise<TapReading>
}

/** Listens to a node's output in the audio thread and counts every audible sample it renders. */
export async function tapOutput(node: AudioNode): Promise<Tap> {
  const context = node.context as AudioContext
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }))
  await context.audioWorklet.addModule(url)
  const tap = new AudioWorkletNode(context, 'rak-test-tap', { numberOfInputs: 1, numberOfOutputs: 0 })
  node.connect(tap)
  const listeners = new Set<(reading: TapReading & { id: number | null }) => void>()
  tap.port.onmessage = (event: MessageEvent<TapReading & { id: number | null }>) => {
    for (const listener of listeners) listener(event.data)
  }
  const subscribe = (listener: (reading: TapReading & { id: number | null }) => void) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }
  // A reading's clock is the end of the last quantum the tap rendered: wait for its first report,
  // so that no reading (a mark in time above all) comes from before it rendered anything.
  let rendered = false
  await until(
    (notify) =>
      subscribe(() => {
        rendered = true
        notify()
      }),
    () => rendered,
    { what: 'the tap to render its first quanta' },
  )
  let requests = 0
  return {
    read: () => {
      const id = ++requests
      return new Promise((resolve) => {
        const off = subscribe((reading) => {
          if (reading.id !== id) return
          off()
          resolve(reading)
        })
        tap.port.postMessage(id)
      })
    },
    async until(check, options) {
      let latest: TapReading | null = null
      let match: TapReading | null = null
      await until(
        (notify) =>
          subscribe((reading) => {
            latest = reading
            if (!match && check(reading)) match = reading
            notify()
          }),
        () => match !== null,
        { seen: () => latest, ...options },
      )
      return match as unknown as TapReading
    },
  }
}

/** `ms` of a 440 Hz tone at half scale as pcm16 bytes at 24 kHz. */
export function pcm16Tone(ms: number, amplitude = 0.5): ArrayBuffer {
  const samples = new Int16Array(Math.round(24 * ms))
  for (let i = 0; i < samples.length; i++)
    samples[i] = Math.round(Math.sin((2 * Math.PI * 440 * i) / 24000) * amplitude * 0x7fff)
  return samples.buffer
}
