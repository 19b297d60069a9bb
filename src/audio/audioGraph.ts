import type { AudioFormat } from '../core/codec/audioFormat'
import { RealtimeError } from '../core/errors'
import type { PlaybackTracker } from '../core/playback'
import { type AudioDeviceList, canSelectOutput, listAudioDevices } from './devices'
import { LevelMeter } from './levels'
import { type MicrophoneOptions, openMicrophone } from './microphone'
import { CAPTURE_PROCESSOR, type CaptureCommand, type CaptureFrame } from './worklets/capture'
import { loadWorklets } from './worklets/load'
import { PLAYBACK_PROCESSOR, type PlaybackCommand, type PlaybackReport } from './worklets/playback'
import { WorkletPlaybackTracker } from './workletTracker'

export type AudioGraphState = 'idle' | 'starting' | 'running' | 'suspended' | 'closed' | 'error'

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

/** An immutable picture of the graph, replaced when something changed. */
export interface AudioGraphSnapshot {
  readonly state: AudioGraphState
  readonly muted: boolean
  readonly pushToTalk: boolean
  readonly talking: boolean
  /** The agent's audio is being rendered now. */
  readonly playing: boolean
  readonly inputDeviceId: string | null
  readonly outputDeviceId: string | null
  readonly underruns: number
  /** The devices as last listed (at start, on devicechange, or by `listDevices()`). */
  readonly devices: AudioDeviceList
  readonly error: RealtimeError | null
}

export interface AudioGraphEvents {
  /** One encoded microphone frame, ready for `session.sendAudio`. */
  frame: ArrayBuffer
  /** An item's audio has played out completely. */
  drained: { itemId: string; playedMs: number }
  /** A device disappeared and the graph fell back to the default one. */
  fallback: { kind: 'input' | 'output'; lostDeviceId: string }
  devicechange: AudioDeviceList
  error: RealtimeError
}

type Listener<T> = (value: T) => void

/**
 * The browser audio graph: one AudioContext, the microphone through a capture worklet (mono,
 * resampled, framed, encoded), and a playback worklet with a jitter buffer, fade-and-flush and
 * played-time accounting. `start()` on a user gesture; `stop()` releases everything.
 */
export class AudioGraph {
  readonly #options: AudioGraphOptions
  readonly #listeners = new Map<keyof AudioGraphEvents, Set<Listener<never>>>()
  readonly #storeListeners = new Set<() => void>()
  readonly #tracker = new WorkletPlaybackTracker(() => this.#context)
  #snapshot: AudioGraphSnapshot
  #context: AudioContext | null = null
  #stream: MediaStream | null = null
  #source: MediaStreamAudioSourceNode | null = null
  #capture: AudioWorkletNode | null = null
  #playback: AudioWorkletNode | null = null
  #inputMeter: LevelMeter | null = null
  #outputMeter: LevelMeter | null = null
  #starting: Promise<void> | null = null
  #inputFormat: AudioFormat
  #outputFormat: AudioFormat
  #cleanup: (() => void)[] = []
  #lastFrameTime = 0
  #remoteSource: MediaStreamAudioSourceNode | null = null
  #remoteElement: HTMLAudioElement | null = null

  constructor(options: AudioGraphOptions = {}) {
    this.#options = options
    this.#inputFormat = options.inputFormat ?? 'pcm16'
    this.#outputFormat = options.outputFormat ?? 'pcm16'
    this.#snapshot = Object.freeze({
      state: 'idle',
      muted: false,
      pushToTalk: options.pushToTalk ?? false,
      talking: false,
      playing: false,
      inputDeviceId: options.inputDeviceId ?? null,
      outputDeviceId: options.outputDeviceId ?? null,
      underruns: 0,
      devices: { inputs: [], outputs: [] },
      error: null,
    })
  }

  // --- store and events ---------------------------------------------------------------------

  subscribe(listener: () => void): () => void {
    this.#storeListeners.add(listener)
    return () => this.#storeListeners.delete(listener)
  }

  getSnapshot(): AudioGraphSnapshot {
    return this.#snapshot
  }

  #update(patch: Partial<AudioGraphSnapshot>): void {
    const next = { ...this.#snapshot, ...patch }
    if ((Object.keys(patch) as (keyof AudioGraphSnapshot)[]).every((k) => next[k] === this.#snapshot[k]))
      return
    this.#snapshot = Object.freeze(next)
    this.#syncGate()
    for (const listener of this.#storeListeners) listener()
  }

  on<K extends keyof AudioGraphEvents>(type: K, listener: Listener<AudioGraphEvents[K]>): () => void {
    let set = this.#listeners.get(type)
    if (!set) {
      set = new Set()
      this.#listeners.set(type, set)
    }
    set.add(listener as Listener<never>)
    return () => set.delete(listener as Listener<never>)
  }

  #emit<K extends keyof AudioGraphEvents>(type: K, value: AudioGraphEvents[K]): void {
    for (const listener of this.#listeners.get(type) ?? []) (listener as Listener<AudioGraphEvents[K]>)(value)
  }

  #fail(error: RealtimeError): RealtimeError {
    this.#update({ error })
    this.#emit('error', error)
    return error
  }

  /** The `PlaybackTracker` to give the session, so truncation uses what was really played. */
  get playbackTracker(): PlaybackTracker {
    return this.#tracker
  }

  /** Audio-clock time (seconds) at which the latest microphone frame ended (for latency measurements). */
  get lastFrameTime(): number {
    return this.#lastFrameTime
  }

  /** The node that carries the agent's audio to the speakers (for apps that record or process it). */
  get output(): AudioNode | null {
    return this.#outputMeter?.node ?? null
  }

  /** The microphone stream while capturing (for apps that record or inspect it). */
  get inputStream(): MediaStream | null {
    return this.#stream
  }

  /** The AudioContext while running (for apps that add their own nodes). */
  get context(): AudioContext | null {
    return this.#context
  }

  // --- lifecycle ------------------------------------------------------------------------------

  /** Sets the wire formats; takes effect at the next `start()`. */
  setFormats(formats: { input?: AudioFormat; output?: AudioFormat }): void {
    if (formats.input) this.#inputFormat = formats.input
    if (formats.output) this.#outputFormat = formats.output
  }

  /**
   * Creates and resumes the AudioContext, loads the worklets and opens the microphone. Call it from
   * a user gesture (browsers keep audio suspended otherwise). Idempotent. A microphone failure is
   * thrown (and reported) but playback stays up, so a text conversation still works.
   */
  start(): Promise<void> {
    if (this.#snapshot.state === 'running' || this.#snapshot.state === 'suspended') return Promise.resolve()
    this.#starting ??= this.#start().finally(() => {
      this.#starting = null
    })
    return this.#starting
  }

  async #start(): Promise<void> {
    this.#update({ state: 'starting', error: null })
    const Ctor =
      this.#options.AudioContext ?? (globalThis as { AudioContext?: typeof AudioContext }).AudioContext
    let context: AudioContext
    try {
      if (!Ctor) throw new Error('no AudioContext in this environment')
      context = new Ctor({ latencyHint: 'interactive' })
      this.#context = context
      await context.resume()
      await loadWorklets(context, this.#options.workletModuleUrl)
    } catch (cause) {
      await this.#teardown()
      this.#update({ state: 'error' })
      throw cause instanceof RealtimeError
        ? this.#fail(cause)
        : this.#fail(
            new RealtimeError(
              'audio_context_failed',
              'The browser refused to start audio: call start() from a click or key press, and check that audio is allowed for this page.',
              { cause },
            ),
          )
    }
    this.#watchContext(context)
    this.#buildPlayback(context)
    if (this.#options.outputDeviceId) await this.setOutputDevice(this.#options.outputDeviceId).catch(() => {})
    this.#update({ state: context.state === 'running' ? 'running' : 'suspended' })
    if (this.#options.microphone !== false) {
      try {
        await this.#openInput(this.#snapshot.inputDeviceId ?? undefined)
      } catch (error) {
        throw error instanceof RealtimeError ? this.#fail(error) : error
      }
    }
    this.#watchDevices()
    await this.listDevices().catch(() => {})
  }

  /** Stops every track, disconnects every node and closes the context. Idempotent. */
  async stop(): Promise<void> {
    await this.#starting?.catch(() => {})
    if (this.#snapshot.state === 'closed' || this.#snapshot.state === 'idle') return
    await this.#teardown()
    this.#update({ state: 'closed', playing: false })
  }

  async #teardown(): Promise<void> {
    for (const cleanup of this.#cleanup.splice(0)) cleanup()
    this.#closeInput()
    this.#playback?.port.close()
    this.#playback?.disconnect()
    this.#outputMeter?.node.disconnect()
    this.#playback = null
    this.#outputMeter = null
    const context = this.#context
    this.#context = null
    if (context && context.state !== 'closed') await context.close().catch(() => {})
  }

  /** Resumes a context the platform suspended (Safari, iOS calls); call it from a user gesture. */
  async resume(): Promise<void> {
    await this.#context?.resume()
  }

  #watchContext(context: AudioContext): void {
    const onState = () => {
      if (this.#context !== context) return
      // Safari reports 'interrupted' during calls or when another app takes the audio session.
      const state = context.state as AudioContextState | 'interrupted'
      if (state === 'running') this.#update({ state: 'running' })
      else if (state === 'suspended' || state === 'interrupted') this.#update({ state: 'suspended' })
    }
    context.addEventListener('statechange', onState)
    // A suspended context resumes on the next gesture anywhere on the page.
    const onGesture = () => {
      if (this.#snapshot.state === 'suspended') void context.resume().catch(() => {})
    }
    const doc = (globalThis as { document?: Document }).document
    doc?.addEventListener('pointerdown', onGesture)
    doc?.addEventListener('keydown', onGesture)
    this.#cleanup.push(() => {
      context.removeEventListener('statechange', onState)
      doc?.removeEventListener('pointerdown', onGesture)
      doc?.removeEventListener('keydown', onGesture)
    })
  }

  // --- playback -------------------------------------------------------------------------------

  #buildPlayback(context: AudioContext): void {
    const node = new AudioWorkletNode(context, PLAYBACK_PROCESSOR, {
      numberOfInputs: 0,
      numberOfOutputs: 1,
      outputChannelCount: [1],
      processorOptions: { prebufferMs: this.#options.prebufferMs ?? 100, fadeMs: this.#options.fadeMs ?? 5 },
    })
    const meter = new LevelMeter(context)
    node.connect(meter.node)
    meter.node.connect(context.destination)
    node.port.onmessage = (event: MessageEvent<PlaybackReport>) => this.#onPlaybackReport(event.data)
    this.#playback = node
    this.#outputMeter = meter
  }

  #onPlaybackReport(report: PlaybackReport): void {
    if (report.type === 'underrun') {
      this.#update({ underruns: report.underruns, playing: false })
      return
    }
    this.#tracker.report(report)
    if (report.type === 'position') this.#update({ playing: report.playing })
    else this.#update({ playing: false })
    if (report.type === 'drained') this.#emit('drained', { itemId: report.itemId, playedMs: report.playedMs })
  }

  #post(command: PlaybackCommand): void {
    this.#playback?.port.postMessage(command)
  }

  /**
   * Plays a remote stream (the agent's WebRTC track) through the graph's output, so levels and
   * visualizers follow it like decoded audio.
   */
  playRemoteStream(stream: MediaStream): void {
    const context = this.#context
    const output = this.#outputMeter
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
    this.#remoteSource.connect(output.node)
    this.#cleanup.push(() => {
      this.#remoteSource?.disconnect()
      this.#remoteSource = null
      if (this.#remoteElement) this.#remoteElement.srcObject = null
    })
  }

  /** Queues assistant audio (bytes in the output format) for an item. The bytes are copied, not taken. */
  play(itemId: string, contentIndex: number, data: ArrayBuffer): void {
    this.#post({ type: 'audio', itemId, contentIndex, format: this.#outputFormat, data })
  }

  /** All of an item's audio has arrived: play out the rest without waiting for the prebuffer. */
  endItem(itemId: string): void {
    this.#post({ type: 'end', itemId })
  }

  /** Fades out what is playing (within `fadeMs`) and drops everything queued. */
  interrupt(): void {
    this.#post({ type: 'interrupt' })
  }

  // --- capture --------------------------------------------------------------------------------

  async #openInput(deviceId: string | undefined): Promise<void> {
    const context = this.#context
    if (!context) return
    const stream = await openMicrophone(this.#mediaDevices(), { ...this.#options, deviceId })
    if (this.#context !== context) {
      for (const track of stream.getTracks()) track.stop()
      return
    }
    this.#closeInput()
    this.#stream = stream
    this.#source = context.createMediaStreamSource(stream)
    this.#inputMeter = new LevelMeter(context)
    this.#capture = new AudioWorkletNode(context, CAPTURE_PROCESSOR, {
      numberOfInputs: 1,
      numberOfOutputs: 0,
      processorOptions: { format: this.#inputFormat, frameMs: this.#options.frameMs ?? 20 },
    })
    this.#capture.port.onmessage = (event: MessageEvent<CaptureFrame>) => {
      this.#lastFrameTime = event.data.time
      this.#emit('frame', event.data.data)
    }
    this.#source.connect(this.#inputMeter.node)
    this.#source.connect(this.#capture)
    const track = stream.getAudioTracks()[0]
    const settingsId = track?.getSettings().deviceId ?? deviceId ?? null
    track?.addEventListener('ended', () => {
      if (this.#stream === stream) void this.#fallBack('input', settingsId ?? '')
    })
    this.#update({ inputDeviceId: deviceId ?? null })
    this.#syncGate()
  }

  #closeInput(): void {
    for (const track of this.#stream?.getTracks() ?? []) track.stop()
    this.#source?.disconnect()
    this.#inputMeter?.node.disconnect()
    this.#capture?.port.close()
    this.#capture?.disconnect()
    this.#stream = null
    this.#source = null
    this.#inputMeter = null
    this.#capture = null
  }

  #syncGate(): void {
    const s = this.#snapshot
    const open = !s.muted && (!s.pushToTalk || s.talking) && !(this.#options.echoGate && s.playing)
    this.#capture?.port.postMessage({ type: 'gate', open } satisfies CaptureCommand)
  }

  /** Mutes the microphone: the track stays live, no frame is sent. */
  setMuted(muted: boolean): void {
    this.#update({ muted })
  }

  /** Turns push-to-talk on or off; when on, frames flow only while `setTalking(true)`. */
  setPushToTalk(enabled: boolean): void {
    this.#update({ pushToTalk: enabled, talking: false })
  }

  /** Push-to-talk: the talk key or button is down (true) or up (false). */
  setTalking(talking: boolean): void {
    this.#update({ talking })
  }

  // --- levels ---------------------------------------------------------------------------------

  /** Microphone RMS level, 0..1 (0 when not capturing). */
  getInputLevel(): number {
    return this.#inputMeter?.getLevel() ?? 0
  }

  /** Agent audio RMS level, 0..1. */
  getOutputLevel(): number {
    return this.#outputMeter?.getLevel() ?? 0
  }

  /** Fills `array` with the microphone's frequency magnitudes (0..255). */
  getInputFrequencyData(array: Uint8Array<ArrayBuffer>): void {
    if (this.#inputMeter) this.#inputMeter.getFrequencyData(array)
    else array.fill(0)
  }

  /** Fills `array` with the agent audio's frequency magnitudes (0..255). */
  getOutputFrequencyData(array: Uint8Array<ArrayBuffer>): void {
    if (this.#outputMeter) this.#outputMeter.getFrequencyData(array)
    else array.fill(0)
  }

  // --- devices --------------------------------------------------------------------------------

  #mediaDevices(): MediaDevices | undefined {
    return this.#options.mediaDevices ?? (globalThis as { navigator?: Navigator }).navigator?.mediaDevices
  }

  /** Lists microphones and speakers (and keeps the list in the snapshot). */
  async listDevices(): Promise<AudioDeviceList> {
    const devices = await listAudioDevices(this.#mediaDevices())
    this.#update({ devices })
    return devices
  }

  /** Whether `setOutputDevice` can work in this browser. */
  get canSelectOutput(): boolean {
    return canSelectOutput(this.#context)
  }

  /** Switches the microphone while running (hot swap); before `start()`, sets the one to open. */
  async setInputDevice(deviceId: string | null): Promise<void> {
    if (!this.#context || this.#options.microphone === false) {
      this.#update({ inputDeviceId: deviceId })
      return
    }
    try {
      await this.#openInput(deviceId ?? undefined)
    } catch (error) {
      throw error instanceof RealtimeError ? this.#fail(error) : error
    }
  }

  /** Routes agent audio to a speaker (`AudioContext.setSinkId`); null for the default. */
  async setOutputDevice(deviceId: string | null): Promise<void> {
    const context = this.#context as (AudioContext & { setSinkId?: (id: string) => Promise<void> }) | null
    if (context) {
      if (!context.setSinkId)
        throw this.#fail(
          new RealtimeError(
            'output_device_failed',
            'This browser cannot choose the audio output device; the system default is used.',
          ),
        )
      try {
        await context.setSinkId(deviceId ?? '')
      } catch (cause) {
        throw this.#fail(
          new RealtimeError(
            'output_device_failed',
            'Could not switch the audio output device: it may have been unplugged.',
            { cause },
          ),
        )
      }
    }
    this.#update({ outputDeviceId: deviceId })
  }

  #watchDevices(): void {
    const devices = this.#mediaDevices()
    if (!devices?.addEventListener) return
    const onChange = async () => {
      const list = await this.listDevices()
      this.#emit('devicechange', list)
      const { inputDeviceId, outputDeviceId } = this.#snapshot
      if (inputDeviceId && !list.inputs.some((d) => d.deviceId === inputDeviceId))
        await this.#fallBack('input', inputDeviceId)
      if (outputDeviceId && !list.outputs.some((d) => d.deviceId === outputDeviceId))
        await this.#fallBack('output', outputDeviceId)
    }
    devices.addEventListener('devicechange', onChange)
    this.#cleanup.push(() => devices.removeEventListener('devicechange', onChange))
  }

  async #fallBack(kind: 'input' | 'output', lostDeviceId: string): Promise<void> {
    if (!this.#context) return
    this.#emit('fallback', { kind, lostDeviceId })
    this.#fail(
      new RealtimeError(
        'device_lost',
        `The ${kind === 'input' ? 'microphone' : 'speaker'} was disconnected; switched to the default device.`,
        {
          details: { kind, deviceId: lostDeviceId },
        },
      ),
    )
    try {
      if (kind === 'input') await this.#openInput(undefined)
      else await this.setOutputDevice(null)
    } catch {
      // Already reported by #fail; the session keeps working (text still works without a microphone).
    }
  }
}
