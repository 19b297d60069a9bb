import { AudioGraph, type AudioGraphOptions, connectAudio } from '../audio'
import {
  immediatePlaybackTracker,
  type RealtimeAgent,
  RealtimeError,
  type RealtimeItem,
  type RealtimeRunConfig,
  RealtimeRunner,
  type RealtimeRunOptions,
  type RealtimeSession,
  type RealtimeSessionEvent,
  type RealtimeTransport,
  type Usage,
  WebRTCTransport,
} from '../core'

// biome-ignore lint/suspicious/noExplicitAny: the client serves agents of any context type.
type Agent = RealtimeAgent<any>

/** Where the conversation is, as one string (components expose it as `data-state`). */
export type RealtimeStatus =
  | 'idle'
  | 'connecting'
  | 'listening'
  | 'thinking'
  | 'speaking'
  | 'reconnecting'
  | 'error'

/** A tool call as a UI shows it. */
export interface ToolCallState {
  readonly callId: string
  readonly name: string
  readonly agentName: string
  readonly arguments: unknown
  readonly status: 'awaiting_approval' | 'running' | 'done' | 'failed' | 'rejected'
  readonly output: string | null
  readonly error: RealtimeError | null
}

/** End of the user's turn to the first audio of the answer, per turn. */
export interface TurnLatency {
  readonly turn: number
  readonly latencyMs: number
}

/** An immutable picture of the client, replaced only when one of its fields changed. */
export interface RealtimeClientSnapshot {
  readonly status: RealtimeStatus
  readonly error: RealtimeError | null
  readonly muted: boolean
  readonly talking: boolean
  readonly currentAgent: Agent
  readonly lastHandoff: { readonly from: string; readonly to: string } | null
  /** Conversation order; replaced only when items are added or removed. */
  readonly itemIds: readonly string[]
  readonly toolCalls: readonly ToolCallState[]
  readonly usage: Usage
  readonly latencies: readonly TurnLatency[]
}

/** Credentials and connection options, as for `runner.run()`. */
export type RealtimeAuth = Pick<
  RealtimeRunOptions,
  'apiKey' | 'clientSecret' | 'getClientSecret' | 'dangerouslyAllowBrowser' | 'url'
>

export interface RealtimeClientOptions {
  agent: Agent
  // biome-ignore lint/suspicious/noExplicitAny: run config of any context type.
  config?: RealtimeRunConfig<any>
  auth?: RealtimeAuth
  /** Audio graph options, or false for a text-only conversation. */
  audio?: AudioGraphOptions | false
  /** `'webrtc'`, `'websocket'` (default), or a transport per connection. */
  transport?: 'webrtc' | 'websocket' | (() => RealtimeTransport)
  context?: unknown
}

const EMPTY_USAGE: Usage = { requests: 0, inputTokens: 0, outputTokens: 0, totalTokens: 0 }

/**
 * What `<RealtimeProvider>` owns: one session at a time (opened by `connect()`), one audio graph,
 * and the state UIs read. Framework-agnostic; React binds to it through `subscribe`/`getSnapshot`.
 */
export class RealtimeClient {
  readonly #options: RealtimeClientOptions
  readonly #storeListeners = new Set<() => void>()
  readonly #eventListeners = new Set<(event: RealtimeSessionEvent) => void>()
  readonly #items = new Map<string, RealtimeItem>()
  readonly #itemListeners = new Map<string, Set<() => void>>()
  #graph: AudioGraph | null = null
  #session: RealtimeSession<unknown> | null = null
  #connecting: Promise<void> | null = null
  #abortConnect: AbortController | null = null
  #unbind: (() => void)[] = []
  #snapshot: RealtimeClientSnapshot
  #turnEndedAt: number | null = null
  #agent: Agent

  constructor(options: RealtimeClientOptions) {
    this.#options = options
    this.#agent = options.agent
    this.#snapshot = Object.freeze({
      status: 'idle',
      error: null,
      muted: false,
      talking: false,
      currentAgent: options.agent,
      lastHandoff: null,
      itemIds: Object.freeze([]),
      toolCalls: Object.freeze([]),
      usage: EMPTY_USAGE,
      latencies: Object.freeze([]),
    })
  }

  // --- store ----------------------------------------------------------------------------------

  subscribe = (listener: () => void): (() => void) => {
    this.#storeListeners.add(listener)
    return () => this.#storeListeners.delete(listener)
  }

  getSnapshot = (): RealtimeClientSnapshot => this.#snapshot

  #notify(): void {
    for (const listener of this.#storeListeners) listener()
  }

  #update(patch: Partial<RealtimeClientSnapshot>): void {
    const current = this.#snapshot as unknown as Record<string, unknown>
    if (Object.entries(patch).every(([key, value]) => current[key] === value)) return
    this.#snapshot = Object.freeze({ ...this.#snapshot, ...patch })
    this.#notify()
  }

  /** One item of the conversation by id: the same object until that item changes. */
  getItem(itemId: string): RealtimeItem | undefined {
    return this.#items.get(itemId)
  }

  /** Listens to one item only: a streaming delta notifies its row, not every row. */
  subscribeItem(itemId: string, listener: () => void): () => void {
    let set = this.#itemListeners.get(itemId)
    if (!set) {
      set = new Set()
      this.#itemListeners.set(itemId, set)
    }
    set.add(listener)
    return () => {
      set.delete(listener)
      if (set.size === 0) this.#itemListeners.delete(itemId)
    }
  }

  #setItem(item: RealtimeItem): void {
    this.#items.set(item.itemId, item)
    for (const listener of this.#itemListeners.get(item.itemId) ?? []) listener()
  }

  /** Every session event, across reconnects; returns the unsubscribe function. */
  onEvent(listener: (event: RealtimeSessionEvent) => void): () => void {
    this.#eventListeners.add(listener)
    return () => this.#eventListeners.delete(listener)
  }

  /** The live session, or null while idle. */
  get session(): RealtimeSession<unknown> | null {
    return this.#session
  }

  /** The audio graph (null for a text-only client); created on first connect. */
  get audioGraph(): AudioGraph | null {
    if (this.#options.audio === false) return null
    this.#graph ??= new AudioGraph({
      inputFormat: this.#options.config?.modelSettings?.inputAudioFormat,
      outputFormat: this.#options.config?.modelSettings?.outputAudioFormat,
      ...this.#options.audio,
    })
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

  async #connect(): Promise<void> {
    this.#update({ status: 'connecting', error: null })
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
    const transport = this.#transport()
    let session: RealtimeSession<unknown>
    try {
      session = await new RealtimeRunner(this.#agent, this.#options.config).run({
        ...this.#options.auth,
        ...(transport ? { transport } : {}),
        ...(this.#options.context !== undefined ? { context: this.#options.context } : {}),
        signal: abort.signal,
      })
    } catch (error) {
      await graph?.stop()
      if (abort.signal.aborted) return // the app disconnected meanwhile: not an error
      this.#update({
        status: 'error',
        error:
          error instanceof RealtimeError
            ? error
            : new RealtimeError('connection_failed', String(error), { cause: error }),
      })
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
      this.#update({
        error:
          audioError instanceof RealtimeError
            ? audioError
            : new RealtimeError('audio_context_failed', String(audioError)),
      })
  }

  /** The transport for one connection; over WebRTC the graph's microphone and output carry the audio. */
  #transport(): RealtimeTransport | undefined {
    const option = this.#options.transport
    if (typeof option === 'function') return option()
    if (option !== 'webrtc') return undefined
    const graph = this.audioGraph
    return new WebRTCTransport({
      mediaStream: async () => {
        if (!graph) return null
        await graph.start().catch(() => {})
        return graph.inputStream
      },
      ...(graph ? { onRemoteStream: (stream: MediaStream) => graph.playRemoteStream(stream) } : {}),
    })
  }

  #attach(session: RealtimeSession<unknown>): void {
    this.#session = session
    this.#items.clear()
    for (const item of session.history) this.#items.set(item.itemId, item)
    this.#update({
      itemIds: Object.freeze(session.history.map((i) => i.itemId)),
      toolCalls: Object.freeze([]),
      lastHandoff: null,
    })
    this.#syncSession()
    this.#unbind.push(
      session.subscribe(() => this.#syncSession()),
      session.on('*', (event) => this.#onEvent(event)),
    )
  }

  #syncSession(): void {
    const session = this.#session
    if (!session) return
    // Called on every session change (each transcript delta too): read the fields, not the snapshot,
    // whose history array would be rebuilt each time.
    const raw = session.status
    const changed =
      (raw === 'closed' ? 'idle' : raw) !== this.#snapshot.status ||
      session.currentAgent !== this.#snapshot.currentAgent ||
      session.usage !== this.#snapshot.usage
    if (changed) {
      this.#update({
        status: raw === 'closed' ? 'idle' : raw,
        currentAgent: session.currentAgent,
        usage: session.usage,
        ...(raw === 'error' ? { error: session.getSnapshot().error } : {}),
      })
    }
    if (raw === 'closed' || raw === 'error') this.#release()
  }

  #onEvent(event: RealtimeSessionEvent): void {
    switch (event.type) {
      case 'history_added': {
        this.#setItem(event.item)
        const ids = this.#snapshot.itemIds
        // Items almost always join at the end; only an insertion mid-conversation re-reads the order.
        const appended =
          event.item.previousItemId === null ? ids.length === 0 : ids.at(-1) === event.item.previousItemId
        const next = appended
          ? [...ids, event.item.itemId]
          : (this.#session?.history.map((i) => i.itemId) ?? [])
        this.#update({ itemIds: Object.freeze(next) })
        break
      }
      case 'history_updated':
        if (event.item) {
          // Only that item's subscribers hear of it: the cost of a delta does not grow with the conversation.
          this.#setItem(event.item)
        } else {
          const ids = new Set(this.#session?.history.map((i) => i.itemId))
          for (const id of this.#items.keys()) if (!ids.has(id)) this.#items.delete(id)
          this.#update({ itemIds: Object.freeze([...ids]) })
        }
        break
      case 'handoff':
        this.#update({ lastHandoff: { from: event.fromAgent.name, to: event.toAgent.name } })
        break
      case 'tool_approval_required':
      case 'tool_start':
        this.#setToolCall(event.callId, {
          name: event.tool.name,
          agentName: event.agent.name,
          arguments: event.arguments,
          status: event.type === 'tool_start' ? 'running' : 'awaiting_approval',
        })
        break
      case 'tool_end': {
        const status = !event.error ? 'done' : event.error.code === 'tool_rejected' ? 'rejected' : 'failed'
        this.#setToolCall(event.callId, {
          name: event.tool.name,
          agentName: event.agent.name,
          arguments: event.arguments,
          status,
          output: event.output,
          error: event.error,
        })
        break
      }
      case 'error':
        this.#update({ error: event.error })
        break
      case 'audio':
        if (this.#turnEndedAt !== null) {
          const latencyMs = performance.now() - this.#turnEndedAt
          this.#turnEndedAt = null
          this.#update({
            latencies: Object.freeze([
              ...this.#snapshot.latencies,
              { turn: this.#snapshot.latencies.length + 1, latencyMs },
            ]),
          })
        }
        break
      case 'raw_model_event':
        if (event.data.type === 'input_audio_buffer.speech_stopped') this.#turnEndedAt = performance.now()
        break
    }
    for (const listener of this.#eventListeners) listener(event)
  }

  #setToolCall(
    callId: string,
    patch: Omit<Partial<ToolCallState>, 'callId'> & Pick<ToolCallState, 'name' | 'agentName' | 'status'>,
  ): void {
    const calls = this.#snapshot.toolCalls
    const index = calls.findIndex((c) => c.callId === callId)
    const next: ToolCallState = {
      callId,
      arguments: null,
      output: null,
      error: null,
      ...(index >= 0 ? calls[index] : {}),
      ...patch,
    }
    this.#update({
      toolCalls: Object.freeze(index >= 0 ? calls.map((c, i) => (i === index ? next : c)) : [...calls, next]),
    })
  }

  /** Closes the session and releases the microphone and the AudioContext. */
  disconnect(): void {
    if (this.#abortConnect) {
      this.#abortConnect.abort()
      this.#abortConnect = null
      void this.#graph?.stop()
      this.#update({ status: 'idle', talking: false })
    }
    const session = this.#session
    if (!session) return
    session.close()
    this.#release()
    this.#update({ status: 'idle', talking: false })
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

  /** Sends a typed message; the latency clock starts now. */
  sendMessage(text: string): void {
    this.#requireSession('send a message').sendMessage(text)
    this.#turnEndedAt = performance.now()
  }

  /** Stops the agent mid-sentence. */
  interrupt(): void {
    this.#requireSession('interrupt').interrupt()
  }

  setMuted(muted: boolean): void {
    this.#graph?.setMuted(muted)
    this.#update({ muted })
  }

  /** Push-to-talk: press (true) opens the microphone; release (false) ends the user's turn. */
  setTalking(talking: boolean): void {
    const graph = this.audioGraph
    if (graph && !graph.getSnapshot().pushToTalk) graph.setPushToTalk(true)
    graph?.setTalking(talking)
    const wasTalking = this.#snapshot.talking
    this.#update({ talking })
    if (wasTalking && !talking && this.#session) {
      this.#session.sendAudio(new Uint8Array(0), { commit: true })
      this.#turnEndedAt = performance.now()
    }
  }

  approveTool(callId: string, options?: { always?: boolean }): void {
    this.#requireSession('approve a tool').approveTool(callId, options)
  }

  rejectTool(callId: string, options?: { message?: string; always?: boolean }): void {
    this.#requireSession('reject a tool').rejectTool(callId, options)
  }

  /** Switches the agent (now, and for the next connection). */
  async updateAgent(agent: Agent): Promise<void> {
    this.#agent = agent
    if (this.#session) await this.#session.updateAgent(agent)
    else this.#update({ currentAgent: agent })
  }
}
