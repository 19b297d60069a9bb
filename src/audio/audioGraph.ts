import type { AudioFormat, PlaybackTracker } from '../core'
import { Capture } from './capture'
import { openAudioContext, warmAudioOutput, watchAudioContext } from './context'
import { type AudioDeviceList, canSelectOutput, DeviceSelection } from './devices'
import { type AudioGraphEvents, type AudioGraphSnapshot, AudioGraphStore } from './graphStore'
import { GraphLevels } from './levels'
import type { MicrophoneOptions } from './microphone'
import { Playback } from './playback'

/** Options of an {@link AudioGraph}; every one has a default. */
export interface AudioGraphOptions extends Omit<MicrophoneOptions, 'deviceId'> {
  /** Encoding of microphone frames (the session's input format). Default pcm16. */
  inputFormat?: AudioFormat
  /** Encoding of the audio given to `play` (the session's output format). Default pcm16. */
  outputFormat?: AudioFormat
  /** Microphone frame length, ms. Default 20. */
  frameMs?: number
  /** Audio buffered before playback starts or resumes after an underrun, ms. Default 100. */
  prebufferMs?: number
  /** Fade-out on interruption, ms, at most 12. Default 5 (click-free, and silent well within 15 ms). */
  fadeMs?: number
  /** Capture the microphone; false for playback only. Default true. */
  microphone?: boolean
  inputDeviceId?: string
  outputDeviceId?: string
  /** Half duplex: drop microphone frames while the agent is audible (for speakers without echo cancellation). */
  echoGate?: boolean
  /** Send microphone frames only while `setTalking(true)`. Default false. */
  pushToTalk?: boolean
  /** URL of the hosted worklet module, for a Content-Security-Policy without blob: (see `workletModuleSource`). */
  workletModuleUrl?: string
  /** Injected for tests and unusual hosts; default the browser's. */
  AudioContext?: typeof AudioContext
  mediaDevices?: MediaDevices
}

/**
 * The browser audio graph: one AudioContext, the microphone through a capture worklet (mono,
 * resampled, framed, encoded), and a playback worklet with a jitter buffer, fade-and-flush and
 * played-time accounting. `start()` on a user gesture; `stop()` releases everything.
 */
export class AudioGraph {
  readonly #options: AudioGraphOptions
  readonly #store: AudioGraphStore
  readonly #levels = new GraphLevels()
  readonly #capture: Capture
  readonly #playback: Playback
  readonly #devices: DeviceSelection
  #context: AudioContext | null = null
  #starting: Promise<void> | null = null
  #cleanup: (() => void)[] = []

  constructor(options: AudioGraphOptions = {}) {
    this.#options = options
    // Before the click that starts audio, so the first AudioContext does not block that click.
    if (!options.AudioContext) warmAudioOutput()
    const store = new AudioGraphStore({
      pushToTalk: options.pushToTalk ?? false,
      inputDeviceId: options.inputDeviceId ?? null,
      outputDeviceId: options.outputDeviceId ?? null,
    })
    const context = () => this.#context
    const mediaDevices = () =>
      options.mediaDevices ?? (globalThis as { navigator?: Navigator }).navigator?.mediaDevices
    this.#store = store
    this.#capture = new Capture({
      store,
      levels: this.#levels,
      context,
      mediaDevices,
      microphone: options, // its echoCancellation, noiseSuppression and autoGainControl
      format: options.inputFormat ?? 'pcm16',
      frameMs: options.frameMs ?? 20,
      echoGate: options.echoGate ?? false,
      onLost: (deviceId) => void this.#devices.fallBack('input', deviceId),
    })
    this.#playback = new Playback({
      store,
      levels: this.#levels,
      format: options.outputFormat ?? 'pcm16',
      prebufferMs: options.prebufferMs ?? 100,
      fadeMs: options.fadeMs ?? 5,
    })
    this.#devices = new DeviceSelection({
      store,
      mediaDevices,
      started: () => this.#context !== null,
      microphone: options.microphone !== false,
      openInput: (deviceId) => this.#capture.open(deviceId),
      setSink: (deviceId) => this.#playback.setSink(deviceId),
    })
  }

  // --- store and events ---------------------------------------------------------------------

  subscribe(listener: () => void): () => void {
    return this.#store.subscribe(listener)
  }

  getSnapshot(): AudioGraphSnapshot {
    return this.#store.getSnapshot()
  }

  on<K extends keyof AudioGraphEvents>(type: K, listener: (event: AudioGraphEvents[K]) => void): () => void {
    return this.#store.on(type, listener)
  }

  /** The `PlaybackTracker` to give the session, so truncation uses what was really played. */
  get playbackTracker(): PlaybackTracker {
    return this.#playback.tracker
  }

  /** Audio-clock time (seconds) at which the latest microphone frame ended (for latency measurements). */
  get lastFrameTime(): number {
    return this.#capture.lastFrameTime
  }

  /** The node that carries the agent's audio to the speakers (for apps that record or process it). */
  get output(): AudioNode | null {
    return this.#playback.output
  }

  /** The microphone stream while capturing (for apps that record or inspect it). */
  get inputStream(): MediaStream | null {
    return this.#capture.stream
  }

  /** The AudioContext while running (for apps that add their own nodes). */
  get context(): AudioContext | null {
    return this.#context
  }

  // --- lifecycle ------------------------------------------------------------------------------

  /** Sets the wire formats; takes effect at the next `start()`. */
  setFormats(formats: { input?: AudioFormat; output?: AudioFormat }): void {
    if (formats.input) this.#capture.format = formats.input
    if (formats.output) this.#playback.format = formats.output
  }

  /**
   * Creates and resumes the AudioContext, loads the worklets and opens the microphone. Call it from
   * a user gesture (browsers keep audio suspended otherwise). Idempotent. A microphone failure is
   * thrown (and reported) but playback stays up, so a text conversation still works.
   */
  start(): Promise<void> {
    // A start in progress is already 'running' while it opens the microphone: a second caller
    // (the WebRTC transport asking for the microphone's stream) waits for the whole of it.
    if (this.#starting) return this.#starting
    const { state } = this.#store.getSnapshot()
    if (state === 'running' || state === 'suspended') return Promise.resolve()
    this.#starting = this.#start().finally(() => {
      this.#starting = null
    })
    return this.#starting
  }

  async #start(): Promise<void> {
    const store = this.#store
    store.update({ state: 'starting', error: null })
    const Ctor =
      this.#options.AudioContext ?? (globalThis as { AudioContext?: typeof AudioContext }).AudioContext
    let context: AudioContext
    try {
      context = await openAudioContext(Ctor, this.#options.workletModuleUrl, (created) => {
        this.#context = created
      })
    } catch (error) {
      await this.#teardown()
      store.update({ state: 'error' })
      throw store.report(error)
    }
    this.#cleanup.push(watchAudioContext(context, store))
    this.#playback.build(context)
    // Devices chosen before start (by option or by setInput/OutputDevice) are in the store.
    const { outputDeviceId } = store.getSnapshot()
    if (outputDeviceId) await this.#devices.selectOutput(outputDeviceId).catch(() => {})
    store.update({ state: context.state === 'running' ? 'running' : 'suspended' })
    // Opens that microphone, unless the graph has none; a failure is reported and thrown.
    await this.#devices.selectInput(store.getSnapshot().inputDeviceId)
    this.#cleanup.push(this.#devices.watch())
    await this.#devices.list().catch(() => {})
  }

  /** Stops every track, disconnects every node and closes the context. Idempotent. */
  async stop(): Promise<void> {
    await this.#starting?.catch(() => {})
    const { state } = this.#store.getSnapshot()
    if (state === 'closed' || state === 'idle') return
    await this.#teardown()
    this.#store.update({ state: 'closed', playing: false })
  }

  async #teardown(): Promise<void> {
    for (const cleanup of this.#cleanup.splice(0)) cleanup()
    this.#capture.close()
    this.#playback.close()
    const context = this.#context
    this.#context = null
    if (context && context.state !== 'closed') await context.close().catch(() => {})
  }

  /** Resumes a context the platform suspended (Safari, iOS calls); call it from a user gesture. */
  async resume(): Promise<void> {
    await this.#context?.resume()
  }

  // --- playback -------------------------------------------------------------------------------

  /**
   * Plays a remote stream (the agent's WebRTC track) through the graph's output, so levels and
   * visualizers follow it like decoded audio.
   */
  playRemoteStream(stream: MediaStream): void {
    this.#playback.playRemoteStream(stream)
  }

  /** Queues assistant audio (bytes in the output format) for an item. The bytes are copied, not taken. */
  play(itemId: string, contentIndex: number, data: ArrayBuffer): void {
    this.#playback.play(itemId, contentIndex, data)
  }

  /** All of an item's audio has arrived: play out the rest without waiting for the prebuffer. */
  endItem(itemId: string): void {
    this.#playback.endItem(itemId)
  }

  /** Fades out what is playing (within `fadeMs`) and drops everything queued. */
  interrupt(): void {
    this.#playback.interrupt()
  }

  // --- microphone gating (the state lives in the store; the capture gate follows it) ---------

  /** Mutes the microphone: the track stays live, no frame is sent. */
  setMuted(muted: boolean): void {
    this.#store.update({ muted })
  }

  /** Turns push-to-talk on or off; when on, frames flow only while `setTalking(true)`. */
  setPushToTalk(enabled: boolean): void {
    this.#store.update({ pushToTalk: enabled, talking: false })
  }

  /** Push-to-talk: the talk key or button is down (true) or up (false). */
  setTalking(talking: boolean): void {
    this.#store.update({ talking })
  }

  /**
   * Resolves once the microphone gate's latest change (mute, push-to-talk, echo gate) reached the
   * audio thread and came back: every frame captured while the gate was open has been emitted by
   * then, the one in progress at a close included. Commit a push-to-talk turn after it.
   */
  inputSettled(): Promise<void> {
    return this.#capture.settled()
  }

  // --- levels ---------------------------------------------------------------------------------

  /** Microphone RMS level, 0..1 (0 when not capturing). */
  getInputLevel(): number {
    return this.#levels.getLevel('input')
  }

  /** Agent audio RMS level, 0..1. */
  getOutputLevel(): number {
    return this.#levels.getLevel('output')
  }

  /** Fills `array` with the microphone's frequency magnitudes (0..255). */
  getInputFrequencyData(array: Uint8Array<ArrayBuffer>): void {
    this.#levels.getFrequencyData('input', array)
  }

  /** Fills `array` with the agent audio's frequency magnitudes (0..255). */
  getOutputFrequencyData(array: Uint8Array<ArrayBuffer>): void {
    this.#levels.getFrequencyData('output', array)
  }

  // --- devices --------------------------------------------------------------------------------

  /** Lists microphones and speakers (and keeps the list in the snapshot). */
  listDevices(): Promise<AudioDeviceList> {
    return this.#devices.list()
  }

  /** Whether `setOutputDevice` can work in this browser. */
  get canSelectOutput(): boolean {
    return canSelectOutput(this.#context)
  }

  /** Switches the microphone while running (hot swap); before `start()`, sets the one to open. */
  setInputDevice(deviceId: string | null): Promise<void> {
    return this.#devices.selectInput(deviceId)
  }

  /** Routes agent audio to a speaker (`AudioContext.setSinkId`); null for the default. */
  setOutputDevice(deviceId: string | null): Promise<void> {
    return this.#devices.selectOutput(deviceId)
  }
}
