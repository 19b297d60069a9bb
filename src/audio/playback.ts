import { type AudioFormat, RealtimeError } from '../core'
import type { AudioGraphStore } from './graphStore'
import type { GraphLevels } from './levels'
import { PLAYBACK_PROCESSOR, type PlaybackCommand, type PlaybackReport } from './worklets/playback'
import { WorkletPlaybackTracker } from './workletTracker'

/** What the playback needs from the graph it belongs to. */
export interface PlaybackOptions {
  store: AudioGraphStore
  levels: GraphLevels
  /** Encoding of the audio given to `play`. */
  format: AudioFormat
  /** Audio buffered before playback starts or resumes after an underrun, ms. */
  prebufferMs: number
  /** Fade-out on interruption, ms. */
  fadeMs: number
}

type SinkContext = AudioContext & { setSinkId?: (id: string) => Promise<void> }

/**
 * The speaker side of the graph: the playback worklet (jitter buffer, fade-and-flush, played-time
 * reports) feeding the output analyser and the destination, the agent's remote WebRTC stream on the
 * same path, and the output device. Reports go to the tracker and the store.
 */
export class Playback {
  /** Encoding of the audio given to `play`; read at each call. */
  format: AudioFormat
  /** Fed by the worklet's reports, so truncation uses what was really played. */
  readonly tracker = new WorkletPlaybackTracker(() => this.#context)
  readonly #options: PlaybackOptions
  #context: SinkContext | null = null
  #node: AudioWorkletNode | null = null
  #remoteSource: MediaStreamAudioSourceNode | null = null
  #remoteElement: HTMLAudioElement | null = null

  constructor(options: PlaybackOptions) {
    this.#options = options
    this.format = options.format
  }

  /** The node that carries the agent's audio to the speakers, while built (the output analyser). */
  get output(): AudioNode | null {
    return this.#options.levels.node('output')
  }

  /** Builds worklet -> output analyser -> destination in `context` (its worklets loaded). */
  build(context: AudioContext): void {
    const { levels, prebufferMs, fadeMs } = this.#options
    const node = new AudioWorkletNode(context, PLAYBACK_PROCESSOR, {
      numberOfInputs: 0,
      numberOfOutputs: 1,
      outputChannelCount: [1], // the processor renders one channel
      processorOptions: { prebufferMs, fadeMs },
    })
    const output = levels.attach('output', context)
    node.connect(output)
    output.connect(context.destination)
    node.port.onmessage = (event: MessageEvent<PlaybackReport>) => this.#onReport(event.data)
    this.#context = context
    this.#node = node
  }

  /** Disconnects everything, the remote stream included. Idempotent. */
  close(): void {
    this.#remoteSource?.disconnect()
    this.#remoteSource = null
    if (this.#remoteElement) this.#remoteElement.srcObject = null
    this.#node?.port.close()
    this.#node?.disconnect()
    this.#options.levels.detach('output')
    this.#node = null
    this.#context = null
  }

  #onReport(report: PlaybackReport): void {
    const { store } = this.#options
    if (report.type === 'underrun') {
      store.update({ underruns: report.underruns, playing: false })
      return
    }
    this.tracker.report(report)
    store.update({ playing: report.playing })
    if (report.type === 'drained') store.emit('drained', { itemId: report.itemId, playedMs: report.playedMs })
  }

  #post(command: PlaybackCommand): void {
    this.#node?.port.postMessage(command)
  }

  /** Queues audio (bytes in `format`) for an item; the bytes are copied, not taken. */
  play(itemId: string, contentIndex: number, data: ArrayBuffer): void {
    this.#post({ type: 'audio', itemId, contentIndex, format: this.format, data })
  }

  /** All of an item's audio has arrived: play out the rest without waiting for the prebuffer. */
  endItem(itemId: string): void {
    this.#post({ type: 'end', itemId })
  }

  /** Fades out what is playing and drops everything queued. */
  interrupt(): void {
    this.#post({ type: 'interrupt' })
  }

  /** Plays a remote stream (the agent's WebRTC track) through the output analyser. */
  playRemoteStream(stream: MediaStream): void {
    const context = this.#context
    const output = this.output
    if (!context || !output) return
    this.#remoteSource?.disconnect()
    // Chrome renders a remote WebRTC stream into WebAudio only while a media element also holds it.
    const doc = (globalThis as { document?: Document }).document
    if (doc && !this.#remoteElement) {
      this.#remoteElement = doc.createElement('audio')
      this.#remoteElement.muted = true
    }
    if (this.#remoteElement) this.#remoteElement.srcObject = stream
    this.#remoteSource = context.createMediaStreamSource(stream)
    this.#remoteSource.connect(output)
  }

  /**
   * Routes the output to a speaker (`AudioContext.setSinkId`; null for the default). Before `build`
   * there is nothing to route: it resolves, and the choice applies at the next start.
   */
  async setSink(deviceId: string | null): Promise<void> {
    const context = this.#context
    if (!context) return
    if (!context.setSinkId)
      throw new RealtimeError(
        'output_device_failed',
        'This browser cannot choose the audio output device; the system default is used.',
      )
    try {
      await context.setSinkId(deviceId ?? '')
    } catch (cause) {
      throw new RealtimeError(
        'output_device_failed',
        'Could not switch the audio output device: it may have been unplugged.',
        { cause },
      )
    }
  }
}
