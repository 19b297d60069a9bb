import type { AnyRealtimeAgent as Agent, RealtimeAgent } from '../agent'
import { type Clock, systemClock } from '../clock'
import type { AudioFormat } from '../codec'
import { type RealtimeModelSettings, toSessionConfig } from '../config'
import type { RunContext } from '../context'
import { RealtimeError } from '../errors'
import { EventHub } from '../eventHub'
import { DEFAULT_GUARDRAIL_DEBOUNCE, type OutputGuardrail } from '../guardrail'
import type { GuardrailMonitor } from '../guardrailMonitor'
import { settleItems, truncateItem, upsertItem } from '../history'
import type { McpCallHost, McpCalls } from '../mcpCalls'
import { type PlaybackTracker, WallClockPlaybackTracker } from '../playback'
import type { ClientEvent, ClientItem } from '../protocol'
import { type HistoryChange, type SessionStatus, SessionStores } from '../stores'
import { type ToolCallHost, ToolCallRunner } from '../toolCalls'
import type { RealtimeTransport, TransportHandlers } from '../transport'
import { agentParts, performHandoff, reachableAgents } from './agents'
import { AudioOutput } from './audioOutput'
import { LazyPart } from './lazy'
import { type ReconnectOptions, Reconnector } from './reconnect'
import { ResponseTurns } from './responses'
import { receiveServerMessage } from './serverEvents'

export type { Agent }

/** An item the client creates, before the engine gives it an id of its own. */
export type NewItem = ClientItem extends infer T ? (T extends unknown ? Omit<T, 'id'> : never) : never

/** What a `RealtimeSession` is made from; `RealtimeRunner.run()` fills it in. */
export interface RealtimeSessionOptions<TContext> {
  agent: RealtimeAgent<TContext>
  transport: RealtimeTransport
  modelSettings?: RealtimeModelSettings
  context?: TContext
  outputGuardrails?: OutputGuardrail<TContext>[]
  outputGuardrailSettings?: { debounceTextLength?: number }
  /** Reports what was really played; default estimates from the clock. */
  playbackTracker?: PlaybackTracker
  /** Time for every wait of the session (speaking status, reconnect backoff, timeouts). Default: the system clock. */
  clock?: Clock
  /** Where the session keeps its state; a controller that opens many sessions passes its own. Reset at start. */
  stores?: SessionStores
  /**
   * The app's server attached to this call runs the tools (sideband): this session shows each call
   * and its output but runs none and asks for no response after them.
   */
  remoteTools?: boolean
}

/**
 * The session's machinery, facing the transport: parses what arrives, runs the server events
 * through the history reducer, tools, handoffs and guardrails, and writes every fact to its store.
 * Internal: users hold the `RealtimeSession` in front of it.
 */
export class SessionEngine {
  readonly transport: RealtimeTransport
  readonly settings: RealtimeModelSettings
  readonly runContext: RunContext<unknown>
  readonly clock: Clock
  readonly hub = new EventHub()
  readonly stores: SessionStores
  readonly tools: ToolCallRunner
  /** Hosted MCP call handling, loaded only by sessions whose agents have a hosted MCP server. */
  readonly mcp: LazyPart<McpCalls>
  /** Output guardrail checks, loaded only by sessions with output guardrails. */
  readonly monitor: LazyPart<GuardrailMonitor>
  readonly responses = new ResponseTurns()
  readonly output: AudioOutput
  readonly #guardrails: readonly OutputGuardrail<unknown>[]
  readonly #abort = new AbortController()
  /** Items this client created that the server has not echoed yet: a drop may have swallowed them. */
  readonly unacked = new Map<string, ClientEvent>()
  outputFormat: AudioFormat
  readonly #remoteTools: boolean
  #reconnector: Reconnector | null = null
  #nextItem = 0
  #markReady!: () => void
  readonly ready: Promise<void>

  // biome-ignore lint/suspicious/noExplicitAny: the engine serves sessions of any context type.
  constructor(options: RealtimeSessionOptions<any>) {
    this.transport = options.transport
    this.settings = options.modelSettings ?? {}
    this.runContext = { context: options.context }
    this.clock = options.clock ?? systemClock
    this.#guardrails = options.outputGuardrails ?? []
    this.stores = options.stores ?? new SessionStores(options.agent)
    this.stores.reset(options.agent)
    this.output = new AudioOutput(
      options.playbackTracker ?? new WallClockPlaybackTracker(this.clock),
      options.transport.audioOverMedia === true,
      this.clock,
    )
    this.outputFormat = this.settings.outputAudioFormat ?? 'pcm16'
    this.#remoteTools = options.remoteTools === true
    this.ready = new Promise((resolve) => (this.#markReady = resolve))
    const debounce = options.outputGuardrailSettings?.debounceTextLength ?? DEFAULT_GUARDRAIL_DEBOUNCE
    this.monitor = new LazyPart(
      () => import('./guardrails').then(({ guardrailMonitor }) => guardrailMonitor(this, debounce)),
      'guardrail_failed',
      'Could not load the output guardrail support.',
      (error) => this.emitError(error),
    )
    const engine = this
    // What the tool runner and the hosted MCP calls need from the session: one host serves both.
    const host: ToolCallHost & McpCallHost = {
      get agent() {
        return engine.agent
      },
      runContext: this.runContext,
      clock: this.clock,
      signal: this.#abort.signal,
      remoteTools: this.#remoteTools,
      calls: this.stores.toolCalls,
      emit: (event) => (event.type === 'error' ? this.emitError(event.error) : this.hub.emit(event)),
      sendToolOutput: (callId, output) =>
        this.createItem({ type: 'function_call_output', call_id: callId, output }),
      performHandoff: (from, target, callId) => performHandoff(this, from, target, callId),
      sendApproval: (requestId, approve) =>
        this.createItem({ type: 'mcp_approval_response', approval_request_id: requestId, approve }),
    }
    this.tools = new ToolCallRunner(host)
    this.mcp = new LazyPart(
      () => import('../mcpCalls').then(({ McpCalls }) => new McpCalls(host)),
      'mcp_failed',
      'Could not load the hosted MCP tool support.',
      (error) => this.emitError(error),
    )
  }

  // --- state ----------------------------------------------------------------------------------

  get status(): SessionStatus {
    return this.stores.status.getSnapshot().status
  }
  get agent(): Agent {
    return this.stores.agent.getSnapshot().agent
  }
  /** The run's guardrails and the current agent's; no new array per delta when the agent has none. */
  outputGuardrails(): readonly OutputGuardrail<unknown>[] {
    const own = this.agent.outputGuardrails
    return own.length === 0 ? this.#guardrails : [...this.#guardrails, ...own]
  }

  /** The session still acts: not closed by the app, not failed. */
  get live(): boolean {
    return this.status !== 'closed' && this.status !== 'error'
  }

  setStatus(status: SessionStatus): void {
    const current = this.status
    if (current === status || current === 'closed') return
    if (current === 'reconnecting' && status !== 'reconnecting') return // only endReconnect() ends it
    this.#writeStatus(status)
  }

  #writeStatus(status: SessionStatus): void {
    this.stores.status.set(Object.freeze({ status, error: this.stores.status.getSnapshot().error }))
  }

  setAgent(agent: Agent, handoffFrom?: Agent): void {
    if (!this.live) return
    const lastHandoff = handoffFrom
      ? { from: handoffFrom.name, to: agent.name }
      : this.stores.agent.getSnapshot().lastHandoff
    this.stores.agent.set(Object.freeze({ agent, lastHandoff }))
  }

  emitError(error: RealtimeError): void {
    if (this.status !== 'closed') this.stores.status.set(Object.freeze({ status: this.status, error }))
    this.hub.emit({ type: 'error', error })
  }

  emitHistory(change: HistoryChange | null): void {
    if (!change) return
    if (change.kind === 'added') this.hub.emit({ type: 'history_added', item: change.item })
    const conversation = this.stores.conversation
    this.hub.emit({
      type: 'history_updated',
      item: change.kind === 'removed' ? null : change.item,
      get history() {
        return conversation.items
      },
    })
  }

  // --- transport-facing -----------------------------------------------------------------------

  /** The handlers a transport reports to. */
  readonly handlers: TransportHandlers = {
    onMessage: (data) => receiveServerMessage(this, data),
    onClose: (info) => this.#closed(info),
  }

  /** The connection closed; with an error, recovery starts when it is on. */
  #closed({ error }: { code: number; reason: string; error: RealtimeError | null }): void {
    const status = this.status
    if (status === 'reconnecting') return this.#reconnector?.attemptClosed(error)
    if (!error) {
      if (status !== 'closed') this.#teardown()
    } else if (this.#reconnector && this.live && status !== 'connecting') {
      this.emitError(error)
      void this.#reconnector.recover(error)
    } else this.fail(error) // nothing to fail when the session already ended
  }

  /** The server confirmed a session (first connection or reconnect). */
  confirmed(format: AudioFormat | null): void {
    if (format) this.outputFormat = format
    if (this.status === 'connecting') this.setStatus('listening')
    this.#markReady()
    this.#reconnector?.confirmed()
  }

  /**
   * Loads the optional parts that the agent, or one it can hand off to, needs (hosted MCP calls,
   * output guardrail checks), so that no server event waits for a download.
   */
  async preload(agent: Agent): Promise<void> {
    const agents = [...reachableAgents(agent)]
    await Promise.all([
      agents.some((a) => a.tools.some((t) => t.type === 'hosted_mcp')) && this.mcp.load(),
      (this.#guardrails.length > 0 || agents.some((a) => a.outputGuardrails.length > 0)) &&
        this.monitor.load(),
    ])
  }

  /** Configures the session for its agent; called once the transport is open. */
  async start(): Promise<void> {
    this.hub.emit({ type: 'agent_start', agent: this.agent })
    this.send(await this.sessionUpdate())
  }

  async sessionUpdate(): Promise<ClientEvent> {
    return {
      type: 'session.update',
      session: toSessionConfig(this.settings, await agentParts(this, this.agent)),
    }
  }

  beginReconnect(): void {
    this.setStatus('reconnecting')
    const lost = this.responses.lost()
    for (const change of settleItems(this.stores.conversation, lost, 'incomplete')) this.emitHistory(change)
    this.output.lost()
  }

  endReconnect(): void {
    if (this.status === 'reconnecting') this.#writeStatus('listening')
  }

  // --- ending ---------------------------------------------------------------------------------

  /** Ends the session with an error (status `error`). */
  fail(error: RealtimeError): void {
    if (!this.live) return
    this.#writeStatus('error')
    this.emitError(error)
    this.#teardown()
  }

  #teardown(): void {
    this.output.cancelWait()
    const unapproved = 'The session closed before the tool was approved.'
    this.tools.rejectAll(unapproved)
    this.mcp.loaded?.rejectAll(unapproved)
    this.#abort.abort(new RealtimeError('session_closed', 'The session closed.'))
    this.hub.emit({ type: 'agent_end', agent: this.agent })
    this.hub.close()
    this.#markReady()
  }

  close(): void {
    const status = this.status
    if (status === 'closed') return
    this.#writeStatus('closed')
    this.transport.close()
    // A failed session was torn down when it failed.
    if (status !== 'error') this.#teardown()
  }

  // --- sending --------------------------------------------------------------------------------

  send(event: ClientEvent): boolean {
    // The connection that runs the tools declares them: this one's updates must not clear them.
    if (this.#remoteTools && event.type === 'session.update' && 'tools' in event.session) {
      const { tools: _, ...session } = event.session
      event = { ...event, session }
    }
    const status = this.status
    if (status === 'closed' || status === 'error') return false
    if (status === 'reconnecting') {
      // Kept for the new connection; live microphone audio is stale by then.
      if (event.type !== 'input_audio_buffer.append') this.#reconnector?.outbox.push(event)
      return true
    }
    try {
      this.transport.send(event)
      return true
    } catch (cause) {
      this.emitError(
        cause instanceof RealtimeError
          ? cause
          : new RealtimeError('session_closed', `Could not send \`${event.type}\`.`, { cause }),
      )
      return false
    }
  }

  /**
   * Creates an item with an id of ours, so its echo can be recognised and a lost one re-sent. A
   * tool's output joins its call in the history at once; the server's echo then changes nothing.
   */
  createItem(item: NewItem): void {
    const id = `item_rak${(this.#nextItem++).toString(36)}${Math.random().toString(36).slice(2, 10)}`
    const event: ClientEvent = { type: 'conversation.item.create', item: { ...item, id } }
    this.unacked.set(id, event)
    if (this.send(event) && item.type === 'function_call_output')
      this.emitHistory(upsertItem(this.stores.conversation, item, null, this.agent.name))
  }

  /** Asks for a response, or queues the ask while one is active or tools are still running. */
  requestResponse(): void {
    if (!this.responses.request(this.tools.inFlight)) return
    if (this.send({ type: 'response.create' })) {
      this.responses.sent()
      this.setStatus('thinking')
    }
  }

  /** After a change: 'thinking' while a response or tools run, 'speaking' until queued audio played, then 'listening'. */
  settleStatus(): void {
    this.output.cancelWait()
    if (this.responses.busy || this.tools.inFlight > 0) return this.setStatus('thinking')
    if (this.output.overMedia) return this.setStatus(this.output.mediaPlaying ? 'speaking' : 'listening')
    const left = this.output.unplayedMs
    if (left > 1) {
      this.setStatus('speaking')
      this.output.afterPlayback(left, () => this.settleStatus())
      return
    }
    this.setStatus('listening')
  }

  /** Stops playback of the current item and truncates it at what the user really heard. */
  interruptPlayback(): void {
    const cut = this.output.cut(this.responses.active !== null)
    if (!cut) return
    this.hub.emit({ type: 'audio_interrupted', itemId: cut.itemId, contentIndex: cut.contentIndex })
    this.send({
      type: 'conversation.item.truncate',
      item_id: cut.itemId,
      content_index: cut.contentIndex,
      audio_end_ms: cut.audioEndMs,
    })
    this.emitHistory(truncateItem(this.stores.conversation, cut.itemId, cut.audioEndMs, cut.receivedMs))
    this.settleStatus()
  }

  /** Recovery from dropped connections through `connect`. */
  enableReconnect(connect: () => Promise<void>, options?: ReconnectOptions): void {
    this.#reconnector = new Reconnector(this, connect, options)
  }
}
