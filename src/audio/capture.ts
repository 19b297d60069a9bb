import type { AudioFormat } from '../core'
import type { AudioGraphSnapshot, AudioGraphStore } from './graphStore'
import type { GraphLevels } from './levels'
import { type MicrophoneOptions, openMicrophone } from './microphone'
import {
  CAPTURE_PROCESSOR,
  type CaptureCommand,
  type CaptureOptions as CaptureProcessorOptions,
  type CaptureReport,
} from './worklets/capture'

/** What the capture needs from the graph it belongs to. */
export interface CaptureOptions {
  store: AudioGraphStore
  levels: GraphLevels
  /** The graph's running context, or null once it stopped. */
  context: () => AudioContext | null
  mediaDevices: () => MediaDevices | undefined
  /** Processing the browser applies to the microphone. */
  microphone: Omit<MicrophoneOptions, 'deviceId'>
  /** Encoding of microphone frames. */
  format: AudioFormat
  /** Frame length, ms. */
  frameMs: number
  /** Drop frames while the agent is audible. */
  echoGate: boolean
  /** The microphone's track ended (unplugged, revoked); `deviceId` is the one that was open. */
  onLost: (deviceId: string) => void
}

/** Whether microphone frames may go out, from the store's facts alone. */
export function isGateOpen(snapshot: AudioGraphSnapshot, echoGate: boolean): boolean {
  return !snapshot.muted && (!snapshot.pushToTalk || snapshot.talking) && !(echoGate && snapshot.playing)
}

/**
 * The microphone side of the graph: the stream, its source node, the capture worklet that downmixes,
 * resamples, frames and encodes, and the gate that mute, push-to-talk and the echo gate close. The
 * gate follows the store; frames go out as the store's `frame` event.
 */
export class Capture {
  /** Encoding of the frames; read at each `open`. */
  format: AudioFormat
  readonly #options: CaptureOptions
  #stream: MediaStream | null = null
  #source: MediaStreamAudioSourceNode | null = null
  #node: AudioWorkletNode | null = null
  #unsubscribe: (() => void) | null = null
  #lastFrameTime = 0
  // The gate the worklet was last told, and how many of its changes the worklet has not answered.
  #gate = false
  #unanswered = 0
  #waiting: (() => void)[] = []

  constructor(options: CaptureOptions) {
    this.#options = options
    this.format = options.format
  }

  /** The microphone stream while capturing. */
  get stream(): MediaStream | null {
    return this.#stream
  }

  /** Audio-clock time (seconds) at which the latest frame ended. */
  get lastFrameTime(): number {
    return this.#lastFrameTime
  }

  /**
   * Opens the microphone `deviceId` (undefined: the default) and replaces the current one. Throws the
   * microphone's typed error; does nothing if the graph stopped while the browser was asking.
   */
  async open(deviceId: string | undefined): Promise<void> {
    const { store, levels, context: currentContext, microphone, frameMs, onLost } = this.#options
    const context = currentContext()
    if (!context) return
    const stream = await openMicrophone(this.#options.mediaDevices(), { ...microphone, deviceId })
    if (currentContext() !== context) {
      for (const track of stream.getTracks()) track.stop()
      return
    }
    this.close()
    this.#stream = stream
    const source = context.createMediaStreamSource(stream)
    this.#gate = isGateOpen(store.getSnapshot(), this.#options.echoGate)
    const node = new AudioWorkletNode(context, CAPTURE_PROCESSOR, {
      numberOfInputs: 1,
      numberOfOutputs: 0,
      processorOptions: {
        format: this.format,
        frameMs,
        open: this.#gate,
      } satisfies CaptureProcessorOptions,
    })
    node.port.onmessage = ({ data }: MessageEvent<CaptureReport>) => {
      if (data.type === 'gate') {
        if (--this.#unanswered === 0) this.#settle()
        return
      }
      this.#lastFrameTime = data.time
      store.emit('frame', data.data)
    }
    source.connect(levels.attach('input', context))
    source.connect(node)
    this.#source = source
    this.#node = node
    const track = stream.getAudioTracks()[0]
    const openedId = track?.getSettings().deviceId ?? deviceId ?? ''
    track?.addEventListener('ended', () => {
      if (this.#stream === stream) onLost(openedId)
    })
    this.#unsubscribe = store.subscribe(() => this.#postGate())
    store.update({ inputDeviceId: deviceId ?? null })
    this.#postGate()
  }

  /**
   * Resolves once the worklet answered every change of the gate told so far: every frame captured
   * while the gate was open has been emitted by then. At once when there is no worklet.
   */
  settled(): Promise<void> {
    if (!this.#node || this.#unanswered === 0) return Promise.resolve()
    return new Promise((resolve) => this.#waiting.push(resolve))
  }

  #settle(): void {
    for (const resolve of this.#waiting.splice(0)) resolve()
  }

  /** Stops the tracks and disconnects the nodes. Idempotent. */
  close(): void {
    // A worklet that is gone answers nothing more: whoever waits has every frame there will be.
    this.#unanswered = 0
    this.#settle()
    this.#unsubscribe?.()
    for (const track of this.#stream?.getTracks() ?? []) track.stop()
    this.#source?.disconnect()
    this.#options.levels.detach('input')
    this.#node?.port.close()
    this.#node?.disconnect()
    this.#unsubscribe = null
    this.#stream = null
    this.#source = null
    this.#node = null
  }

  #postGate(): void {
    const open = isGateOpen(this.#options.store.getSnapshot(), this.#options.echoGate)
    if (!this.#node || open === this.#gate) return
    this.#gate = open
    this.#unanswered++
    this.#node.port.postMessage({ type: 'gate', open } satisfies CaptureCommand)
  }
}
