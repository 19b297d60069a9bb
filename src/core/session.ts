import type { RealtimeAgent } from './agent'
import { type Clock, systemClock } from './clock'
import { type AudioFormat, bytesToMs, fromWireFormat } from './codec/audioFormat'
import { decodeBase64, encodeBase64 } from './codec/base64'
import type { AgentSessionParts, RealtimeModelSettings } from './config'
import { toSessionConfig } from './config'
import type { RunContext } from './context'
import { RealtimeError } from './errors'
import { EventHub } from './eventHub'
import type { RealtimeSessionEvent, RealtimeSessionEventOf, RealtimeSessionEventType } from './events'
import type { OutputGuardrail, OutputGuardrailResult } from './guardrail'
import { DEFAULT_GUARDRAIL_DEBOUNCE } from './guardrail'
import { GuardrailMonitor } from './guardrailMonitor'
import { type Handoff, handoffsOf } from './handoff'
import { ConversationHistory, type HistoryChange, type RealtimeItem } from './history'
import type { PlaybackTracker } from './playback'
import { WallClockPlaybackTracker } from './playback'
import {
  type ClientEvent,
  type ClientItem,
  parseServerEvent,
  type ServerEvent,
  type WireResponse,
  type WireServerError,
} from './protocol'
import { withTimeout } from './timeout'
import { ToolCallRunner } from './toolCalls'
import type { RealtimeTransport } from './transport/transport'
import { addUsage, EMPTY_USAGE, type Usage } from './usage'

// biome-ignore lint/suspicious/noExplicitAny: a session runs agents of any context type.
type Agent = RealtimeAgent<any>

/** Where the conversation is: one string, for UIs to show as `data-state`. */
export type SessionStatus =
  | 'connecting'
  | 'listening'
  | 'thinking'
  | 'speaking'
  | 'reconnecting'
  | 'closed'
  | 'error'

/** How a session recovers from a dropped connection; `false` turns recovery off. */
export interface ReconnectOptions {
  /** Attempts before giving up (status `error`). Default 5. */
  maxAttempts?: number
  /** Delay before the first attempt, doubled each time up to `maxDelayMs`. Default 500. */
  initialDelayMs?: number
  maxDelayMs?: number
  /** How long each attempt waits for the server to confirm the session. Default 15 000. */
  timeoutMs?: number
}

/** An immutable picture of the session, replaced only when something changed. */
export interface RealtimeSessionSnapshot {
  readonly status: SessionStatus
  readonly currentAgent: Agent
  readonly history: readonly RealtimeItem[]
  readonly usage: Usage
  readonly error: RealtimeError | null
}

export interface RealtimeSessionOptions<TContext> {
  agent: RealtimeAgent<TContext>
  transport: RealtimeTransport
  modelSettings?: RealtimeModelSettings
  context?: TContext
  outputGuardrails?: OutputGuardrail<TContext>[]
  outputGuardrailSettings?: { debounceTextLength?: number }
  /** Reports what was really played; default estimates from wall-clock time. */
  playbackTracker?: PlaybackTracker
  clock?: Clock
}

interface AudioState {
  itemId: string
  contentIndex: number
  receivedMs: number
  done: boolean
  interrupted: boolean
}

/** A live conversation with the Realtime API: events in, typed events out, tools and handoffs run. */
export class RealtimeSession<TContext = unknown> implements AsyncIterable<RealtimeSessionEvent> {
  readonly #transport: RealtimeTransport
  readonly #settings: RealtimeModelSettings
  readonly #runContext: RunContext<TContext>
  readonly #guardrails: readonly OutputGuardrail<TContext>[]
  #tracker: PlaybackTracker
  readonly #clock: Clock
  readonly #hub = new EventHub()
  readonly #history = new ConversationHistory()
  readonly #tools: ToolCallRunner
  readonly #monitor: GuardrailMonitor
  readonly #abort = new AbortController()
  readonly #storeListeners = new Set<() => void>()

  #agent: Agent
  #status: SessionStatus = 'connecting'
  #usage: Usage = EMPTY_USAGE
  #error: RealtimeError | null = null
  #snapshot: RealtimeSessionSnapshot | null = null
  #outputFormat: AudioFormat
  #activeResponse: string | null = null
  #responseItems: string[] = []
  #createSent = false
  #responseWanted = false
  #audio: AudioState | null = null
  #speakingTimer: ReturnType<typeof setTimeout> | undefined
  #ready: Promise<void>
  #markReady!: () => void
  #reconnect: { connect: () => Promise<void>; options: Required<ReconnectOptions> } | null = null
  #createdWaiters: { resolve: () => void; reject: (error: RealtimeError) => void }[] = []
  #outbox: ClientEvent[] = []
  /** WebRTC: the server plays the audio; playback state comes from output_audio_buffer events. */
  readonly #media: boolean
  #mediaPlaying = false
  #mediaItem: string | null = null
  /** Items this client created that the server has not echoed yet: a drop may have swallowed them. */
  #unacked = new Map<string, ClientEvent>()
  #nextItem = 0

  constructor(options: RealtimeSessionOptions<TContext>) {
    this.#agent = options.agent
    this.#transport = options.transport
    this.#media = options.transport.audioOverMedia === true
    this.#settings = options.modelSettings ?? {}
    this.#runContext = { context: options.context as TContext }
    this.#guardrails = options.outputGuardrails ?? []
    this.#clock = options.clock ?? systemClock
    this.#tracker = options.playbackTracker ?? new WallClockPlaybackTracker(this.#clock)
    this.#outputFormat = this.#settings.outputAudioFormat ?? 'pcm16'
    this.#ready = new Promise((resolve) => (this.#markReady = resolve))
    this.#monitor = new GuardrailMonitor(
      options.outputGuardrailSettings?.debounceTextLength ?? DEFAULT_GUARDRAIL_DEBOUNCE,
      {
        onTrip: (itemId, results, text) => this.#onGuardrailTrip(itemId, results, text),
        onError: (error) => this.#emitError(error),
      },
    )
    const session = this
    this.#tools = new ToolCallRunner({
      get agent() {
        return session.#agent
      },
      runContext: this.#runContext,
      signal: this.#abort.signal,
      emit: (event) => this.#hub.emit(event),
      sendToolOutput: (callId, output) => this.#sendToolOutput(callId, output),
      performHandoff: (from, target, callId) => this.#handoff(from, target, callId),
    })
  }

  // --- readable state -----------------------------------------------------------------------

  get status(): SessionStatus {
    return this.#status
  }
  get currentAgent(): RealtimeAgent<TContext> {
    return this.#agent
  }
  get history(): readonly RealtimeItem[] {
    return this.#history.items
  }
  get usage(): Usage {
    return this.#usage
  }
  /** The audio format the server sends, as the server confirmed it. */
  get outputAudioFormat(): AudioFormat {
    return this.#outputFormat
  }
  /** True when audio travels as media tracks (WebRTC) rather than as events. */
  get audioOverMedia(): boolean {
    return this.#media
  }

  /** The audio format `sendAudio` expects. */
  get inputAudioFormat(): AudioFormat {
    return this.#settings.inputAudioFormat ?? 'pcm16'
  }

  /** Swaps in a `PlaybackTracker` (the audio graph's, say); returns a function that restores the previous one. */
  setPlaybackTracker(tracker: PlaybackTracker): () => void {
    const previous = this.#tracker
    this.#tracker = tracker
    return () => {
      if (this.#tracker === tracker) this.#tracker = previous
    }
  }

  /** Store contract: called after any change of the snapshot. */
  subscribe(listener: () => void): () => void {
    this.#storeListeners.add(listener)
    return () => this.#storeListeners.delete(listener)
  }

  getSnapshot(): RealtimeSessionSnapshot {
    this.#snapshot ??= Object.freeze({
      status: this.#status,
      currentAgent: this.#agent,
      history: this.#history.items,
      usage: this.#usage,
      error: this.#error,
    })
    return this.#snapshot
  }

  #changed(): void {
    this.#snapshot = null
    for (const listener of this.#storeListeners) listener()
  }

  #setStatus(status: SessionStatus): void {
    if (this.#status === status || this.#status === 'closed') return
    if (this.#status === 'reconnecting' && status !== 'reconnecting') return // only #resume ends it
    this.#status = status
    this.#changed()
  }

  // --- events out ---------------------------------------------------------------------------

  /** Subscribes to one event type (or `'*'`); returns the unsubscribe function. */
  on<T extends RealtimeSessionEventType>(
    type: T | '*',
    listener: (event: RealtimeSessionEventOf<T>) => void,
  ): () => void {
    return this.#hub.on(type, listener)
  }

  [Symbol.asyncIterator](): AsyncIterator<RealtimeSessionEvent> {
    return this.#hub.iterate()
  }

  #emitError(error: RealtimeError): void {
    this.#error = error
    this.#changed()
    this.#hub.emit({ type: 'error', error })
  }

  #emitHistory(change: HistoryChange | null): void {
    if (!change) return
    this.#changed()
    if (change.kind === 'added') this.#hub.emit({ type: 'history_added', item: change.item })
    const history = this.#history
    this.#hub.emit({
      type: 'history_updated',
      item: change.kind === 'removed' ? null : change.item,
      get history() {
        return history.items
      },
    })
  }

  // --- lifecycle ------------------------------------------------------------------------------

  /** @internal Called by the runner once the transport is open: configures the session. */
  async start(): Promise<void> {
    this.#hub.emit({ type: 'agent_start', agent: this.#agent })
    this.#send({
      type: 'session.update',
      session: toSessionConfig(this.#settings, await this.#agentParts(this.#agent)),
    })
  }

  /** Resolves when the server confirmed the session (`session.created`). */
  get ready(): Promise<void> {
    return this.#ready
  }

  /** @internal Transport callback: one message from the server. */
  receive(data: string): void {
    const parsed = parseServerEvent(data)
    if (!parsed.ok) {
      if (parsed.event) this.#hub.emit({ type: 'raw_model_event', data: parsed.event })
      this.#emitError(
        new RealtimeError('invalid_server_event', `Ignored a malformed server event: ${parsed.reason}.`, {
          details: { data: String(data).slice(0, 500) },
        }),
      )
      return
    }
    this.#hub.emit({ type: 'raw_model_event', data: parsed.event })
    if (!parsed.known) return
    try {
      this.#handle(parsed.event)
    } catch (cause) {
      this.#emitError(
        new RealtimeError(
          'invalid_server_event',
          `Could not apply \`${parsed.event.type}\`: ${(cause as Error).message}`,
          { cause },
        ),
      )
    }
  }

  /** @internal Transport callback: the connection closed. */
  closed(info: { code: number; reason: string; error: RealtimeError | null }): void {
    if (this.#status === 'reconnecting') {
      // An attempt's socket closed before the server confirmed the session: that attempt failed.
      const error =
        info.error ?? new RealtimeError('connection_failed', 'The connection closed while reconnecting.')
      for (const waiter of this.#createdWaiters.splice(0)) waiter.reject(error)
      return
    }
    if (info.error && this.#status !== 'closed' && this.#reconnect && this.#status !== 'connecting') {
      this.#emitError(info.error)
      void this.#recover(info.error)
      return
    }
    if (info.error && this.#status !== 'closed') {
      this.#status = 'error'
      this.#emitError(info.error)
    }
    this.#teardown()
  }

  /** @internal Called by the runner: how to open a new connection after a drop. */
  enableReconnect(connect: () => Promise<void>, options: ReconnectOptions = {}): void {
    this.#reconnect = {
      connect,
      options: { maxAttempts: 5, initialDelayMs: 500, maxDelayMs: 8000, timeoutMs: 15_000, ...options },
    }
  }

  /**
   * Reconnects with backoff, then resumes on the new server session: the current agent's
   * configuration, the conversation so far as text items (audio cannot be replayed), and whatever
   * was sent while the connection was down. Pending tool calls answer into the new connection.
   */
  async #recover(cause: RealtimeError): Promise<void> {
    const reconnect = this.#reconnect!
    this.#setStatus('reconnecting')
    // The answer in progress is lost with the connection: it is asked for again after resuming.
    if (this.#activeResponse || this.#createSent) this.#responseWanted = true
    for (const change of this.#history.settle(this.#responseItems, 'incomplete')) this.#emitHistory(change)
    this.#activeResponse = null
    this.#createSent = false
    this.#responseItems = []
    this.#audio = null
    const { maxAttempts, initialDelayMs, maxDelayMs, timeoutMs } = reconnect.options
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      await new Promise((resolve) =>
        setTimeout(resolve, Math.min(maxDelayMs, initialDelayMs * 2 ** (attempt - 1))),
      )
      if (this.#status !== 'reconnecting') return // closed by the app meanwhile
      try {
        const created = withTimeout(
          new Promise<void>((resolve, reject) => this.#createdWaiters.push({ resolve, reject })),
          timeoutMs,
          () =>
            new RealtimeError(
              'connection_failed',
              `The server did not confirm the session within ${timeoutMs} ms.`,
            ),
        )
        created.catch(() => {}) // awaited below only when the socket opens
        await reconnect.connect()
        await created
        await this.#resume()
        return
      } catch (error) {
        this.#createdWaiters = []
        this.#hub.emit({
          type: 'error',
          error:
            error instanceof RealtimeError
              ? error
              : new RealtimeError('connection_failed', String(error), { cause: error }),
        })
      }
    }
    this.#status = 'error'
    this.#emitError(
      new RealtimeError(
        'connection_closed',
        `The connection was lost and ${maxAttempts} attempts to reconnect failed.`,
        { cause },
      ),
    )
    this.#teardown()
  }

  async #resume(): Promise<void> {
    const transport = this.#transport
    transport.send({
      type: 'session.update',
      session: toSessionConfig(this.#settings, await this.#agentParts(this.#agent)),
    })
    for (const item of this.#history.items) {
      if (item.type === 'function_call') {
        // A call whose arguments never finished arriving was never made: the model will redo it.
        if (item.output === null && !this.#tools.has(item.callId)) continue
        transport.send({
          type: 'conversation.item.create',
          item: {
            id: item.itemId,
            type: 'function_call',
            call_id: item.callId,
            name: item.name,
            arguments: item.arguments,
          },
        })
        if (item.output !== null)
          transport.send({
            type: 'conversation.item.create',
            item: { type: 'function_call_output', call_id: item.callId, output: item.output },
          })
      } else if (item.text) {
        const content =
          item.role === 'assistant'
            ? ({ type: 'output_text', text: item.text } as const)
            : ({ type: 'input_text', text: item.text } as const)
        transport.send({
          type: 'conversation.item.create',
          item: { id: item.itemId, type: 'message', role: item.role, content: [content] } as ClientItem,
        })
      }
    }
    this.#status = 'listening'
    this.#changed()
    // Created items the old connection may have swallowed go first, then what waited meanwhile.
    const resend = [...this.#unacked.values()]
    const queued = this.#outbox.splice(0).filter((event) => !resend.includes(event))
    for (const event of [...resend, ...queued]) this.#send(event)
    if (this.#responseWanted) this.#requestResponse()
    this.#settleStatus()
  }

  #teardown(): void {
    clearTimeout(this.#speakingTimer)
    this.#tools.rejectAll('The session closed before the tool was approved.')
    this.#abort.abort(new RealtimeError('session_closed', 'The session closed.'))
    this.#hub.emit({ type: 'agent_end', agent: this.#agent })
    this.#hub.close()
    this.#markReady()
  }

  /** Closes the connection and ends every `for await` loop. Idempotent. */
  close(): void {
    if (this.#status === 'closed') return
    const wasOpen = this.#status !== 'error'
    this.#status = 'closed'
    this.#changed()
    this.#transport.close()
    if (wasOpen) this.#teardown()
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.close()
  }

  // --- commands -------------------------------------------------------------------------------

  #send(event: ClientEvent): boolean {
    if (this.#status === 'closed' || this.#status === 'error') return false
    if (this.#status === 'reconnecting') {
      // Kept for the new connection; live microphone audio is stale by then.
      if (event.type !== 'input_audio_buffer.append') this.#outbox.push(event)
      return true
    }
    try {
      this.#transport.send(event)
      return true
    } catch (cause) {
      this.#emitError(
        cause instanceof RealtimeError
          ? cause
          : new RealtimeError('session_closed', `Could not send \`${event.type}\`.`, { cause }),
      )
      return false
    }
  }

  #assertOpen(action: string): void {
    if (this.#status === 'closed' || this.#status === 'error') {
      throw new RealtimeError(
        'session_closed',
        `Cannot ${action}: the session is closed. Start a new one with runner.run().`,
      )
    }
  }

  /** Sends a user text message and asks for an answer. */
  sendMessage(text: string): void {
    this.#assertOpen('send a message')
    this.#createItem({ type: 'message', role: 'user', content: [{ type: 'input_text', text }] })
    this.#requestResponse()
  }

  /** Creates an item with an id of ours, so its echo can be recognised and a lost one re-sent. */
  #createItem(item: ClientItem): void {
    const id = `item_rak${(this.#nextItem++).toString(36)}${Math.random().toString(36).slice(2, 10)}`
    const event: ClientEvent = { type: 'conversation.item.create', item: { ...item, id } }
    this.#unacked.set(id, event)
    this.#send(event)
  }

  /**
   * Appends audio in the session's input format. With `commit`, ends the user's turn; when turn
   * detection is off (`turnDetection: null`) that also asks for an answer.
   */
  sendAudio(audio: ArrayBuffer | ArrayBufferView, options: { commit?: boolean } = {}): void {
    this.#assertOpen('send audio')
    if (audio.byteLength > 0) this.#send({ type: 'input_audio_buffer.append', audio: encodeBase64(audio) })
    if (options.commit) {
      this.#send({ type: 'input_audio_buffer.commit' })
      if (this.#settings.turnDetection === null) this.#requestResponse()
    }
  }

  /** Stops the assistant: cancels the response and truncates its audio at what was heard. */
  interrupt(): void {
    this.#assertOpen('interrupt')
    if (this.#activeResponse) this.#send({ type: 'response.cancel', response_id: this.#activeResponse })
    // Over WebRTC the server holds the audio: clearing its buffer cuts it and truncates the item there.
    if (this.#media) {
      if (this.#mediaPlaying) this.#send({ type: 'output_audio_buffer.clear' })
      return
    }
    this.#interruptPlayback()
  }

  /** Switches to another agent (instructions, tools, voice) without a handoff by the model. */
  async updateAgent(agent: RealtimeAgent<TContext>): Promise<void> {
    this.#assertOpen('update the agent')
    const previous = this.#agent
    this.#agent = agent
    this.#changed()
    this.#send({ type: 'session.update', session: { type: 'realtime', ...(await this.#agentParts(agent)) } })
    this.#hub.emit({ type: 'agent_end', agent: previous })
    this.#hub.emit({ type: 'agent_start', agent })
  }

  /** Runs a tool call that waits for approval; `always` approves this tool for the rest of the session. */
  approveTool(callId: string, options: { always?: boolean } = {}): void {
    if (!this.#tools.approve(callId, options.always))
      throw new RealtimeError('tool_not_found', `No tool call "${callId}" is waiting for approval.`)
  }

  /** Declines a tool call that waits for approval; the model gets `message` (or a default) as the result. */
  rejectTool(callId: string, options: { message?: string; always?: boolean } = {}): void {
    if (!this.#tools.reject(callId, options.message, options.always)) {
      throw new RealtimeError('tool_not_found', `No tool call "${callId}" is waiting for approval.`)
    }
  }

  /** Sends any client event as is (an escape hatch for API features the kit does not wrap). */
  sendRawEvent(event: ClientEvent): void {
    this.#assertOpen('send an event')
    this.#send(event)
  }

  // --- server events --------------------------------------------------------------------------

  #handle(event: ServerEvent): void {
    switch (event.type) {
      case 'session.created':
      case 'session.updated': {
        const session = event.session as { audio?: { output?: { format?: unknown } } }
        const format = session.audio?.output?.format
        if (format) this.#outputFormat = fromWireFormat(format as Parameters<typeof fromWireFormat>[0])
        if (this.#status === 'connecting') this.#setStatus('listening')
        this.#markReady()
        for (const waiter of this.#createdWaiters.splice(0)) waiter.resolve()
        return
      }
      case 'error': {
        const e = event.error as WireServerError
        this.#emitError(
          new RealtimeError('server_error', e.message || 'The server reported an error.', {
            serverCode: e.code ?? null,
            details: { ...e },
          }),
        )
        return
      }
      case 'output_audio_buffer.started':
        this.#mediaPlaying = true
        this.#setStatus('speaking')
        return
      case 'output_audio_buffer.stopped':
        this.#mediaPlaying = false
        this.#settleStatus()
        return
      case 'output_audio_buffer.cleared':
        this.#mediaPlaying = false
        if (this.#mediaItem)
          this.#hub.emit({ type: 'audio_interrupted', itemId: this.#mediaItem, contentIndex: 0 })
        this.#settleStatus()
        return
      case 'input_audio_buffer.speech_started':
        // Over WebRTC the server cuts its own playback (and reports output_audio_buffer.cleared).
        if (!this.#media && this.#settings.turnDetection?.interruptResponse !== false)
          this.#interruptPlayback()
        this.#setStatus('listening')
        return
      case 'input_audio_buffer.timeout_triggered':
        this.#hub.emit({
          type: 'input_audio_timeout_triggered',
          itemId: event.item_id as string,
          audioStartMs: event.audio_start_ms as number,
          audioEndMs: event.audio_end_ms as number,
        })
        return
      case 'response.created':
        this.#activeResponse = (event.response as WireResponse).id
        this.#createSent = false
        this.#responseItems = []
        this.#setStatus('thinking')
        return
      case 'response.output_item.added': {
        const item = event.item as { id: string; type?: string }
        this.#responseItems.push(item.id)
        if (item.type === 'message') this.#mediaItem = item.id
        break
      }
      case 'response.output_audio.delta':
        this.#onAudio(event)
        return
      case 'response.output_audio.done':
        if (this.#audio && this.#audio.itemId === event.item_id) this.#audio.done = true
        this.#hub.emit({
          type: 'audio_end',
          itemId: event.item_id as string,
          contentIndex: event.content_index as number,
        })
        return
      case 'response.function_call_arguments.done':
        this.#onToolCall(event.call_id as string, event.name as string, event.arguments as string)
        break
      case 'response.output_item.done': {
        const item = event.item as {
          type: string
          call_id?: string
          name?: string
          arguments?: string
          status?: string
        }
        if (item.type === 'function_call' && item.call_id && item.status !== 'incomplete') {
          this.#onToolCall(item.call_id, item.name ?? '', item.arguments ?? '')
        }
        break
      }
      case 'response.done':
        this.#onResponseDone(event.response as WireResponse)
        return
      case 'conversation.item.added':
      case 'conversation.item.created':
        this.#unacked.delete((event.item as { id?: string }).id ?? '')
        break
      case 'conversation.item.truncated': {
        const audio = this.#audio
        const receivedMs =
          audio && audio.itemId === event.item_id ? audio.receivedMs : (event.audio_end_ms as number)
        this.#emitHistory(
          this.#history.truncate(event.item_id as string, event.audio_end_ms as number, receivedMs),
        )
        return
      }
    }
    const change = this.#history.apply(event, this.#agent.name)
    this.#emitHistory(change)
    if (change?.item.type === 'message' && change.item.role === 'assistant') {
      const final = event.type.endsWith('.done')
      this.#monitor.check(
        change.item.itemId,
        change.item.text,
        final,
        this.#allGuardrails(),
        this.#agent,
        this.#runContext,
      )
    }
  }

  #allGuardrails(): OutputGuardrail<unknown>[] {
    return [...this.#guardrails, ...this.#agent.outputGuardrails] as OutputGuardrail<unknown>[]
  }

  #onAudio(event: ServerEvent): void {
    const itemId = event.item_id as string
    const contentIndex = event.content_index as number
    let audio = this.#audio
    if (!audio || audio.itemId !== itemId || audio.contentIndex !== contentIndex) {
      audio = this.#audio = { itemId, contentIndex, receivedMs: 0, done: false, interrupted: false }
    }
    // Audio of an interrupted item that was already in flight is dropped, not played.
    if (audio.interrupted) return
    const data = decodeBase64(event.delta as string)
    const ms = bytesToMs(data.byteLength, this.#outputFormat)
    audio.receivedMs += ms
    this.#tracker.onAudio(itemId, contentIndex, ms)
    this.#setStatus('speaking')
    this.#hub.emit({ type: 'audio', itemId, contentIndex, responseId: event.response_id as string, data })
  }

  #onResponseDone(response: WireResponse): void {
    this.#usage = addUsage(this.#usage, response.usage)
    const failed =
      response.status === 'cancelled' || response.status === 'failed' || response.status === 'incomplete'
    for (const change of this.#history.settle(this.#responseItems, failed ? 'incomplete' : 'completed'))
      this.#emitHistory(change)
    for (const id of this.#responseItems) this.#monitor.forget(id)
    if (response.status === 'failed') {
      const details = response.status_details as { error?: { code?: string; message?: string } } | null
      this.#emitError(
        new RealtimeError('server_error', details?.error?.message ?? 'The response failed.', {
          serverCode: details?.error?.code ?? null,
        }),
      )
    }
    this.#activeResponse = null
    this.#responseItems = []
    this.#changed()
    if (this.#responseWanted && this.#tools.inFlight === 0) {
      this.#responseWanted = false
      this.#requestResponse()
      return
    }
    this.#settleStatus()
  }

  /** After a response: 'thinking' while tools run, 'speaking' until queued audio has played, then 'listening'. */
  #settleStatus(): void {
    clearTimeout(this.#speakingTimer)
    if (this.#activeResponse || this.#createSent || this.#tools.inFlight > 0)
      return this.#setStatus('thinking')
    if (this.#media) return this.#setStatus(this.#mediaPlaying ? 'speaking' : 'listening')
    const audio = this.#audio
    const left =
      audio && !audio.interrupted
        ? audio.receivedMs - this.#tracker.getPlayedMs(audio.itemId, audio.contentIndex)
        : 0
    if (left > 1) {
      this.#setStatus('speaking')
      this.#speakingTimer = setTimeout(() => this.#settleStatus(), left)
      return
    }
    this.#setStatus('listening')
  }

  // --- responses, tools, handoffs, guardrails -------------------------------------------------

  /** Asks for a response, or queues the ask while one is active or tools are still running. */
  #requestResponse(): void {
    if (this.#activeResponse || this.#createSent || this.#tools.inFlight > 0) {
      this.#responseWanted = true
      return
    }
    this.#responseWanted = false
    if (this.#send({ type: 'response.create' })) {
      this.#createSent = true
      this.#setStatus('thinking')
    }
  }

  #onToolCall(callId: string, name: string, args: string): void {
    const run = this.#tools.handle({ callId, name, arguments: args })
    if (!run) return
    this.#setStatus('thinking')
    void run.then(() => {
      if (this.#tools.inFlight === 0 && this.#status !== 'closed') this.#requestResponse()
    })
  }

  #sendToolOutput(callId: string, output: string): void {
    this.#createItem({ type: 'function_call_output', call_id: callId, output })
  }

  async #agentParts(agent: Agent): Promise<AgentSessionParts> {
    const tools = agent.tools.map((t) => ({
      type: 'function' as const,
      name: t.name,
      description: t.description,
      parameters: t.parameters,
    }))
    for (const h of handoffsOf(agent)) {
      tools.push({
        type: 'function',
        name: h.toolName,
        description: h.toolDescription,
        parameters: { type: 'object', properties: {}, additionalProperties: false },
      })
    }
    return { instructions: await agent.getInstructions(this.#runContext), tools, voice: agent.voice }
  }

  async #handoff(from: Agent, target: Handoff<unknown>, callId: string): Promise<void> {
    await target.onHandoff?.(this.#runContext as RunContext<unknown>)
    const to = target.agent as Agent
    this.#agent = to
    this.#changed()
    this.#hub.emit({ type: 'handoff', fromAgent: from, toAgent: to })
    this.#sendToolOutput(callId, JSON.stringify({ assistant: to.name }))
    const parts = await this.#agentParts(to)
    // The voice cannot change once the model has spoken, so a handoff sends instructions and tools only.
    this.#send({
      type: 'session.update',
      session: { type: 'realtime', instructions: parts.instructions, tools: parts.tools },
    })
    this.#hub.emit({ type: 'agent_end', agent: from })
    this.#hub.emit({ type: 'agent_start', agent: to })
  }

  #onGuardrailTrip(itemId: string, results: OutputGuardrailResult[], text: string): void {
    if (this.#status === 'closed' || this.#status === 'error') return
    if (this.#activeResponse) this.#send({ type: 'response.cancel', response_id: this.#activeResponse })
    if (this.#audio?.itemId === itemId) this.#interruptPlayback()
    this.#hub.emit({ type: 'guardrail_tripped', guardrailResults: results, message: text, itemId })
    const names = results.map((r) => r.guardrail.name).join(', ')
    this.#createItem({
      type: 'message',
      role: 'system',
      content: [
        {
          type: 'input_text',
          text: `Your last answer was stopped by the output guardrail(s): ${names}. Do not repeat it; respond in a way that respects them.`,
        },
      ],
    })
    this.#requestResponse()
  }

  /** Stops playback of the current item and truncates it at what the user really heard. */
  #interruptPlayback(): void {
    const audio = this.#audio
    if (!audio || audio.interrupted) return
    const played = Math.min(
      audio.receivedMs,
      Math.max(0, this.#tracker.getPlayedMs(audio.itemId, audio.contentIndex)),
    )
    const streaming = !audio.done || this.#activeResponse !== null
    if (!streaming && played >= audio.receivedMs - 0.5) return // everything was heard
    audio.interrupted = true
    this.#tracker.onInterrupt()
    this.#hub.emit({ type: 'audio_interrupted', itemId: audio.itemId, contentIndex: audio.contentIndex })
    const audioEndMs = Math.floor(played)
    this.#send({
      type: 'conversation.item.truncate',
      item_id: audio.itemId,
      content_index: audio.contentIndex,
      audio_end_ms: audioEndMs,
    })
    this.#emitHistory(this.#history.truncate(audio.itemId, audioEndMs, audio.receivedMs))
    this.#settleStatus()
  }
}
