/** What the tap measured at the output, in context time. */
export interface TapReading {
  /** Rendered samples louder than the noise floor, as milliseconds. */
  audibleMs: number
  firstAudibleTime: number | null
  lastAudibleTime: number | null
  currentTime: number
  peak: number
}

const source = `
class Tap extends AudioWorkletProcessor {
  constructor() {
    super()
    this.audible = 0; this.first = null; this.last = null; this.peak = 0
    this.port.onmessage = () => this.port.postMessage({
      audibleMs: this.audible / sampleRate * 1000, firstAudibleTime: this.first, lastAudibleTime: this.last,
      currentTime, peak: this.peak,
    })
  }
  process(inputs) {
    const x = inputs[0] && inputs[0][0]
    if (!x) return true
    for (let i = 0; i < x.length; i++) {
      const v = Math.abs(x[i])
      if (v > 1e-4) {
        this.audible++
        const t = currentTime + i / sampleRate
        if (this.first === null) this.first = t
        this.last = t
        if (v > this.peak) this.peak = v
      }
    }
    return true
  }
}
registerProcessor('rak-test-tap', Tap)`

/** Listens to a node's output in the audio thread and counts every audible sample it renders. */
export async function tapOutput(node: AudioNode): Promise<{ read(): Promise<TapReading> }> {
  const context = node.context as AudioContext
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }))
  await context.audioWorklet.addModule(url)
  const tap = new AudioWorkletNode(context, 'rak-test-tap', { numberOfInputs: 1, numberOfOutputs: 0 })
  node.connect(tap)
  return {
    read: () =>
      new Promise((resolve) => {
        tap.port.onmessage = (event) => resolve(event.data as TapReading)
        tap.port.postMessage('read')
      }),
  }
}

/** `ms` of a 440 Hz tone at half scale as pcm16 bytes at 24 kHz. */
export function pcm16Tone(ms: number, amplitude = 0.5): ArrayBuffer {
  const samples = new Int16Array(Math.round(24 * ms))
  for (let i = 0; i < samples.length; i++)
    samples[i] = Math.round(Math.sin((2 * Math.PI * 440 * i) / 24000) * amplitude * 0x7fff)
  return samples.buffer
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls until `check` passes or `timeoutMs` runs out. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5000,
  what = 'condition',
): Promise<void> {
  const end = performance.now() + timeoutMs
  while (performance.now() < end) {
    if (await check()) return
    await sleep(10)
  }
  throw new Error(`timed out waiting for ${what}`)
}
