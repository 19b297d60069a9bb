import { AudioGraph, type AudioGraphOptions, connectAudio } from '../audio'
import {
  type AnyRealtimeAgent as Agent,
  immediatePlaybackTracker,
  isAudioError,
  Listeners,
  RealtimeError,
  type RealtimeRunConfig,
  RealtimeRunner,
  type RealtimeRunOptions,
  type RealtimeSession,
  type RealtimeSessionEvent,
  SessionStores,
  type Store,
} from '../core'
import { type RealtimeClientSnapshot, snapshotSelector } from './snapshot'
import { createTransport, type TransportChoice } from './transports'
import { yieldToBrowser } from './yieldToBrowser'

/** Credentials and connection options, as for `runner.run()`. */
export type RealtimeAuth = Pick<
  RealtimeRunOptions,
  'apiKey' | 'clientSecret' | 'getClientSecret' | 'dangerouslyAllowBrowser' | 'url'
>

/** Options of a `RealtimeClient`: the agent, how to authenticate, audio and transport. */
export interface RealtimeClientOptions {
  agent: Agent
  // biome-ignore lint/suspicious/noExplicitAny: run config of any context type.
  config?: RealtimeRunConfig<any>
  auth?: RealtimeAuth
  /** Audio graph options, or false for a text-only conversation. */
  audio?: AudioGraphOptions | false
  /** `'webrtc'`, `'websocket'` (default), or a transport per connection. */
  transport?: TransportChoice
  context?: unknown
  /** Options passed to every `runner.run()` (a clock for tests, reconnect settings, timeouts). */
  run?: Pick<RealtimeRunOptions, 'clock' | 'reconnect' | 'connectTimeoutMs' | 'remoteTools'>
}

/**
 * Joins one session at a time (opened by `connect()`) and one audio graph: connect, mute,
 * push-to-talk, devices. Framework-agnostic: every fact lives in `stores` (one set for every session
 * the client opens) or in the audio graph's store; `getSnapshot()` derives the client's view from them.
 * @example
 * const client = new RealtimeClient({ agent, auth: { getClientSecret } })
 * client.subscribe(() => render(client.getSnapshot()))
 * button.onclick = () => client.connect()
 */
export class RealtimeClient implements Store<RealtimeClientSnapshot> {
  /** The conversation, status, current agent, tool calls, usage and latency: one store each. */
  readonly stores: SessionStores
  readonly #options: RealtimeClientOptions
  readonly #listeners = new Listeners()
  readonly #eventListeners = new Set<(event: RealtimeSessionEvent) => void>()
  readonly #select = snapshotSelector()
  #graph: AudioGraph | null = null
  #session: RealtimeSession<unknown> | null = null
  #connecting: Promise<void> | null = null
  #abortConnect: AbortController | null = null
  #unbind: (() => void)[] = []
  #startingAgent: Agent

  constructor(options: RealtimeClientOptions) {
    this.#options = options
    this.#startingAgent = options.agent
    this.stores = new SessionStores(options.agent)
    const { status, agent, toolCalls, usage, latency } = this.stores
    for (const store of [status, agent, toolCalls, usage, latency]) store.subscribe(this.#notify)
  }

  readonly #notify = (): void => this.#listeners.notify()

  // --- store ----------------------------------------------------------------------------------

  subscribe = (listener: () => void): (() => void) => this.#listeners.add(listener)

  getSnapshot = (): RealtimeClientSnapshot => {
    const { status, agent, toolCalls, usage, latency } = this.stores
    return this.#select([
      status.getSnapshot(),
      agent.getSnapshot(),
      toolCalls.getSnapshot(),
      usage.getSnapshot(),
      latency.getSnapshot(),
      this.#graph?.getSnapshot() ?? null,
    ])
  }

  /** Every session event, across sessions; returns the unsubscribe function. */
  onEvent(listener: (event: RealtimeSessionEvent) => void): () => void {
    const entry = (event: RealtimeSessionEvent) => listener(event)
    this.#eventListeners.add(entry)
    return () => {
      this.#eventListeners.delete(entry)
    }
  }

  /** The live session, or null while idle. */
  get session(): RealtimeSession<unknown> | null {
    return this.#session
  }

  /** The audio graph (null for a text-only client); created on first use. */
  get audioGraph(): AudioGraph | null {
    if (this.#options.audio === false) return null
    if (!this.#graph) {
      this.#graph = new AudioGraph({
        inputFormat: this.#options.config?.modelSettings?.inputAudioFormat,
        outputFormat: this.#options.config?.modelSettings?.outputAudioFormat,
        ...this.#options.audio,
      })
      this.#graph.subscribe(this.#notify)
    }
    return this.#graph
  }

  // --- commands -------------------------------------------------------------------------------

  /**
   * Opens a session and starts audio; call it from a user gesture (browsers start audio only then).
   * Idempotent while connecting or connected. A microphone failure is reported in `error` but the
   * session stays up, so text still works.
   */
  connect(): Promise<void> {
    if (this.#session) return Promise.resolve()
    this.#connecting ??= this.#connect().finally(() => {
      this.#connecting = null
    })
    return this.#connecting
  }

  #setError(error: RealtimeError | null, status = this.stores.status.getSnapshot().status): void {
    this.stores.status.set(Object.freeze({ status, error }))
  }

  async #connect(): Promise<void> {
    this.#setError(null, 'connecting')
    // disconnect() during the connection aborts it: nothing opened late may outlive the caller.
    const abort = new AbortController()
    this.#abortConnect = abort
    const graph = this.audioGraph
    // Start audio inside the gesture, while the network connects.
    const audioStarted = graph
      ? graph.start().then(
          () => null,
          (error: unknown) => error,
        )
      : Promise.resolve(null)
    // Audio had to start inside the click; the session's setup goes on in a task of its own.
    await yieldToBrowser()
    const transport = createTransport(this.#options.transport, graph)
    let session: RealtimeSession<unknown>
    try {
      session = await new RealtimeRunner(this.#startingAgent, this.#options.config).run({
        ...this.#options.auth,
        ...this.#options.run,
        transport,
        context: this.#options.context,
        stores: this.stores,
        signal: abort.signal,
      })
    } catch (error) {
      await graph?.stop()
      if (abort.signal.aborted) return // the app disconnected meanwhile: not an error
      this.#setError(
        error instanceof RealtimeError
          ? error
          : new RealtimeError('connection_failed', String(error), { cause: error }),
        'error',
      )
      throw error
    }
    if (abort.signal.aborted) {
      session.close()
      await graph?.stop()
      return
    }
    this.#abortConnect = null
    this.#attach(session)
    // Without a graph nobody plays the audio: it counts as heard, so status never waits on playback.
    this.#unbind.push(
      graph ? connectAudio(session, graph) : session.setPlaybackTracker(immediatePlaybackTracker),
    )
    const audioError = await audioStarted
    if (audioError)
      this.#setError(
        audioError instanceof RealtimeError
          ? audioError
          : new RealtimeError('audio_context_failed', String(audioError)),
      )
  }

  #attach(session: RealtimeSession<unknown>): void {
    this.#session = session
    this.#unbind.push(
      session.on('*', (event) => {
        for (const listener of this.#eventListeners) listener(event)
      }),
      // A session that ended on its own (failed, or closed by the server) lets go of the audio.
      this.stores.status.subscribe(() => {
        if (this.#session === session && !isLive(session)) this.#release()
      }),
    )
  }

  /** Closes the session and releases the microphone and the AudioContext. */
  disconnect(): void {
    this.#graph?.setTalking(false)
    if (this.#abortConnect) {
      this.#abortConnect.abort()
      this.#abortConnect = null
      void this.#graph?.stop()
      this.#setError(null, 'closed')
    }
    const session = this.#session
    if (!session) return
    session.close()
    this.#release()
  }

  #release(): void {
    for (const off of this.#unbind.splice(0)) off()
    this.#session = null
    void this.#graph?.stop()
  }

  /** Same as `disconnect()`; the client can connect again afterwards. */
  dispose(): void {
    this.disconnect()
    void this.#graph?.stop()
  }

  #requireSession(action: string): RealtimeSession<unknown> {
    if (!this.#session)
      throw new RealtimeError(
        'session_closed',
        `Cannot ${action}: not connected. Call connect() first (from a click or key press).`,
      )
    return this.#session
  }

  /** Sends a typed message. */
  sendMessage(text: string): void {
    this.#requireSession('send a message').sendMessage(text)
  }

  /** Stops the agent mid-sentence. */
  interrupt(): void {
    this.#requireSession('interrupt').interrupt()
  }

  /**
   * Resumes audio the browser holds suspended (Safari until the first tap, iOS during a call); call
   * it from a click or key press. Resolves once audio runs; a no-op without a started graph.
   */
  async resumeAudio(): Promise<void> {
    await this.#graph?.resume()
  }

  /** Mutes or unmutes the microphone (the audio graph holds the state). */
  setMuted(muted: boolean): void {
    this.audioGraph?.setMuted(muted)
  }

  /**
   * Opens the microphone again after it was denied or failed (the user allowed it, or plugged one
   * in); call it from a click. Clears the microphone error on success, reports the new one otherwise.
   */
  async retryMicrophone(): Promise<void> {
    const graph = this.audioGraph
    if (!graph || !this.#session) return
    try {
      const { state, inputDeviceId } = graph.getSnapshot()
      if (state === 'running' || state === 'suspended') await graph.setInputDevice(inputDeviceId)
      else await graph.start()
      const { error } = this.stores.status.getSnapshot()
      if (isAudioError(error)) this.#setError(null)
    } catch (error) {
      this.#setError(
        error instanceof RealtimeError ? error : new RealtimeError('microphone_unavailable', String(error)),
      )
    }
  }

  /** Push-to-talk: press (true) opens the microphone; release (false) ends the user's turn. */
  setTalking(talking: boolean): void {
    const graph = this.audioGraph
    if (!graph) return
    if (!graph.getSnapshot().pushToTalk) graph.setPushToTalk(true)
    const wasTalking = graph.getSnapshot().talking
    graph.setTalking(talking)
    const session = this.#session
    // The last frames of the turn are still on their way from the audio thread: commit after them.
    if (wasTalking && !talking && session)
      void graph.inputSettled().then(() => {
        if (this.#session === session) session.sendAudio(new Uint8Array(0), { commit: true })
      })
  }

  approveTool(callId: string, options?: { always?: boolean }): void {
    this.#requireSession('approve a tool').approveTool(callId, options)
  }

  rejectTool(callId: string, options?: { message?: string; always?: boolean }): void {
    this.#requireSession('reject a tool').rejectTool(callId, options)
  }

  /** Switches the agent (now, and for the next connection). */
  async updateAgent(agent: Agent): Promise<void> {
    this.#startingAgent = agent
    if (this.#session) await this.#session.updateAgent(agent)
    else this.stores.agent.update((state) => Object.freeze({ ...state, agent }))
  }
}

function isLive(session: RealtimeSession<unknown>): boolean {
  return session.status !== 'closed' && session.status !== 'error'
}
