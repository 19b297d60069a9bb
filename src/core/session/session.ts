import type { RealtimeAgent } from '../agent'
import type { AudioFormat } from '../codec'
import { encodeBase64 } from '../codec'
import { RealtimeError } from '../errors'
import type { RealtimeSessionEvent, RealtimeSessionEventOf, RealtimeSessionEventType } from '../events'
import type { PlaybackTracker } from '../playback'
import type { ClientEvent } from '../protocol'
import type { RealtimeItem, SessionStatus, SessionStores, Store } from '../stores'
import type { Usage } from '../usage'
import { updateAgent } from './agents'
import { type Agent, type RealtimeSessionOptions, SessionEngine } from './engine'

/** An immutable picture of the session, derived from its stores; replaced only when one of them changed. */
export interface RealtimeSessionSnapshot {
  readonly status: SessionStatus
  readonly currentAgent: Agent
  readonly history: readonly RealtimeItem[]
  readonly usage: Usage
  readonly error: RealtimeError | null
}

const engines = new WeakMap<object, SessionEngine>()

/** The machinery behind a session, for the runner that connects it. Not part of the public API. */
export function engineOf(session: object): SessionEngine {
  return engines.get(session)!
}

/** A live conversation with the Realtime API: events in, typed events out, tools and handoffs run. */
export class RealtimeSession<TContext = unknown>
  implements AsyncIterable<RealtimeSessionEvent>, Store<RealtimeSessionSnapshot>
{
  readonly #engine: SessionEngine
  #snapshot!: RealtimeSessionSnapshot
  #snapshotOf: readonly unknown[] = []

  constructor(options: RealtimeSessionOptions<TContext>) {
    // The engine serves agents of any context; the public face keeps the caller's.
    this.#engine = new SessionEngine(options)
    engines.set(this, this.#engine)
  }

  // --- readable state -----------------------------------------------------------------------

  get status(): SessionStatus {
    return this.#engine.status
  }
  get currentAgent(): RealtimeAgent<TContext> {
    return this.#engine.agent
  }
  get history(): readonly RealtimeItem[] {
    return this.#engine.stores.conversation.items
  }
  get usage(): Usage {
    return this.#engine.stores.usage.getSnapshot()
  }
  /** Every fact of the session, one store each (status, agent, conversation, tool calls, usage, latency). */
  get stores(): SessionStores {
    return this.#engine.stores
  }
  /** The audio format the server sends, as the server confirmed it. */
  get outputAudioFormat(): AudioFormat {
    return this.#engine.outputFormat
  }
  /** The audio format `sendAudio` expects. */
  get inputAudioFormat(): AudioFormat {
    return this.#engine.settings.inputAudioFormat ?? 'pcm16'
  }
  /** True when audio travels as media tracks (WebRTC) rather than as events. */
  get audioOverMedia(): boolean {
    return this.#engine.output.overMedia
  }
  /** Resolves when the server confirmed the session (`session.created`), or when it ended first. */
  get ready(): Promise<void> {
    return this.#engine.ready
  }

  /** Swaps in a `PlaybackTracker` (the audio graph's, say); returns a function that restores the previous one. */
  setPlaybackTracker(tracker: PlaybackTracker): () => void {
    const output = this.#engine.output
    const previous = output.tracker
    output.tracker = tracker
    return () => {
      if (output.tracker === tracker) output.tracker = previous
    }
  }

  /** Store contract: called after any change of the snapshot. */
  subscribe(listener: () => void): () => void {
    return this.#engine.stores.subscribe(listener)
  }

  getSnapshot(): RealtimeSessionSnapshot {
    const { status, agent, conversation, usage } = this.#engine.stores
    const parts = [
      status.getSnapshot(),
      agent.getSnapshot(),
      conversation.getSnapshot(),
      usage.getSnapshot(),
    ] as const
    // The first call finds no parts to compare with and builds it.
    if (parts.some((part, i) => part !== this.#snapshotOf[i])) {
      this.#snapshotOf = parts
      this.#snapshot = Object.freeze({
        status: parts[0].status,
        error: parts[0].error,
        currentAgent: parts[1].agent,
        history: parts[2].items,
        usage: parts[3],
      })
    }
    return this.#snapshot
  }

  // --- events out ---------------------------------------------------------------------------

  /** Subscribes to one event type (or `'*'`); returns the unsubscribe function. */
  on<T extends RealtimeSessionEventType>(
    type: T | '*',
    listener: (event: RealtimeSessionEventOf<T>) => void,
  ): () => void {
    return this.#engine.hub.on(type, listener)
  }

  [Symbol.asyncIterator](): AsyncIterator<RealtimeSessionEvent> {
    return this.#engine.hub.iterate()
  }

  // --- commands -------------------------------------------------------------------------------

  #assertOpen(action: string): void {
    if (!this.#engine.live) {
      throw new RealtimeError(
        'session_closed',
        `Cannot ${action}: the session is closed. Start a new one with runner.run().`,
      )
    }
  }

  /** Sends a user text message and asks for an answer. */
  sendMessage(text: string): void {
    this.#assertOpen('send a message')
    const engine = this.#engine
    engine.createItem({ type: 'message', role: 'user', content: [{ type: 'input_text', text }] })
    engine.stores.latency.turnEnded(engine.clock)
    engine.requestResponse()
  }

  /**
   * Appends audio in the session's input format. With `commit`, ends the user's turn; when turn
   * detection is off (`turnDetection: null`) that also asks for an answer.
   */
  sendAudio(audio: ArrayBuffer | ArrayBufferView, options: { commit?: boolean } = {}): void {
    this.#assertOpen('send audio')
    const engine = this.#engine
    if (audio.byteLength > 0) engine.send({ type: 'input_audio_buffer.append', audio: encodeBase64(audio) })
    if (options.commit) {
      engine.send({ type: 'input_audio_buffer.commit' })
      engine.stores.latency.turnEnded(engine.clock)
      if (engine.settings.turnDetection === null) engine.requestResponse()
    }
  }

  /** Stops the assistant: cancels the response and truncates its audio at what was heard. */
  interrupt(): void {
    this.#assertOpen('interrupt')
    const engine = this.#engine
    const active = engine.responses.active
    if (active) engine.send({ type: 'response.cancel', response_id: active })
    // Over WebRTC the server holds the audio: clearing its buffer cuts it and truncates the item there.
    if (engine.output.overMedia) {
      if (engine.output.mediaPlaying) engine.send({ type: 'output_audio_buffer.clear' })
      return
    }
    engine.interruptPlayback()
  }

  /** Switches to another agent (instructions, tools, voice) without a handoff by the model. */
  async updateAgent(agent: RealtimeAgent<TContext>): Promise<void> {
    this.#assertOpen('update the agent')
    await updateAgent(this.#engine, agent)
  }

  /** Runs a tool call that waits for approval; `always` approves this tool for the rest of the session. */
  approveTool(callId: string, options: { always?: boolean } = {}): void {
    const { tools, mcp } = this.#engine
    if (!tools.approve(callId, options.always) && !mcp.loaded?.approve(callId, options.always))
      notWaiting(callId)
  }

  /** Declines a tool call that waits for approval; the model gets `message` (or a default) as the result. */
  rejectTool(callId: string, options: { message?: string; always?: boolean } = {}): void {
    const { tools, mcp } = this.#engine
    if (
      !tools.reject(callId, options.message, options.always) &&
      !mcp.loaded?.reject(callId, options.message, options.always)
    )
      notWaiting(callId)
  }

  /** Sends any client event as is (an escape hatch for API features the kit does not wrap). */
  sendRawEvent(event: ClientEvent): void {
    this.#assertOpen('send an event')
    this.#engine.send(event)
  }

  /** Closes the connection and ends every `for await` loop. Idempotent. */
  close(): void {
    this.#engine.close()
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.close()
  }
}

function notWaiting(callId: string): never {
  throw new RealtimeError('tool_not_found', `No tool call "${callId}" is waiting for approval.`)
}
