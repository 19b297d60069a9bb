import {
  type ClientEvent,
  type Clock,
  type RawServerEvent,
  REALTIME_VOICES,
  systemClock,
  type TimerHandle,
} from '../core'
import { apiErrors, clientEventProblem } from './apiErrors'
import { Conversation } from './conversation'
import { McpServers } from './mcpServers'
import type { SimulatorOptions } from './options'
import { Outbox } from './outbox'
import { Responses } from './responses'
import { ScriptCursor } from './script'
import { SessionConfig } from './sessionConfig'
import { UserTurns } from './turns'

/** The live API ends a session after 60 minutes. */
const MAX_SESSION_MS = 60 * 60 * 1000

/**
 * The Realtime API (GA) for one connection, in memory: it reads client events as JSON and answers
 * with server events through `send`. Deterministic: ids count up, audio is synthesised, what the
 * user "said" and the assistant answers come from a {@link Scenario}, and every wait runs on the
 * options' `clock`.
 * @example
 * const simulator = new RealtimeSimulator((event) => socket.send(JSON.stringify(event)), { scenario })
 * simulator.open()
 * socket.onmessage = (message) => simulator.receive(message.data)
 */
export class RealtimeSimulator {
  readonly #outbox: Outbox
  readonly #options: SimulatorOptions
  readonly #config: SessionConfig
  readonly #conversation: Conversation
  readonly #script: ScriptCursor
  readonly #responses: Responses
  readonly #turns: UserTurns
  readonly #mcp: McpServers
  readonly #clock: Clock
  readonly #close: (code: number, reason: string) => void
  #expiry: TimerHandle | undefined

  /** `close` ends the connection from the server's side (when the session's time is up). */
  constructor(
    send: (event: RawServerEvent) => void,
    options: SimulatorOptions = {},
    close: (code: number, reason: string) => void = () => {},
  ) {
    this.#options = options
    this.#close = close
    const clock = options.clock ?? systemClock
    this.#clock = clock
    const outbox = new Outbox(send, options)
    const durationMs = options.sessionDurationMs ?? MAX_SESSION_MS
    const expiresAt = Math.floor((clock.now() + durationMs) / 1000)
    const config = new SessionConfig(`sess_${options.idPrefix ?? 'sim'}_0001`, expiresAt)
    const conversation = new Conversation(outbox)
    const script = new ScriptCursor(options.scenario)
    const mcp = new McpServers(outbox, conversation, options.scenario?.mcpServers)
    const responses = new Responses(
      { outbox, config, conversation, script, mcp, clock, onIdle: () => this.#turns.armIdleTimer() },
      options,
    )
    this.#mcp = mcp
    this.#turns = new UserTurns({ outbox, config, conversation, script, responses, clock })
    this.#outbox = outbox
    this.#config = config
    this.#conversation = conversation
    this.#script = script
    this.#responses = responses
  }

  /** Starts the conversation: the server's first event; and, with `sessionDurationMs`, its end. */
  open(): void {
    this.#outbox.emit({ type: 'session.created', session: this.#config.snapshot() })
    const durationMs = this.#options.sessionDurationMs
    if (durationMs !== undefined)
      this.#expiry = this.#clock.setTimeout(() => this.#expire(durationMs), durationMs)
  }

  /** Stops timers and streaming; further input is ignored. */
  dispose(): void {
    this.#outbox.close()
    this.#turns.dispose()
    this.#responses.dispose()
    this.#clock.clearTimeout(this.#expiry)
  }

  /** The session's time is up: the live API says so in an `error`, then closes the connection. */
  #expire(durationMs: number): void {
    this.#outbox.error(apiErrors.sessionExpired(durationMs))
    this.dispose()
    this.#close(1000, 'session_expired')
  }

  /** Handles one message from the client: JSON text, or a binary frame (which the API refuses). */
  receive(data: string | ArrayBuffer | ArrayBufferView): void {
    if (this.#outbox.closed) return
    if (typeof data !== 'string') return this.#outbox.error(apiErrors.binaryFrame())
    let event: ClientEvent
    try {
      event = JSON.parse(data)
    } catch {
      return this.#outbox.error(apiErrors.invalidJson())
    }
    const problem = clientEventProblem(event)
    this.#options.onClientEvent?.(event, problem?.message ?? null)
    if (problem)
      return this.#outbox.error(problem, typeof event?.event_id === 'string' ? event.event_id : undefined)
    this.#handle(event)
  }

  #handle(event: ClientEvent): void {
    switch (event.type) {
      case 'session.update': {
        // The live API refuses a voice it does not have, and keeps the session as it was.
        const voice = event.session.type === 'realtime' ? event.session.audio?.output?.voice : undefined
        if (typeof voice === 'string' && !REALTIME_VOICES.some((v) => v === voice))
          return this.#outbox.error(apiErrors.unsupportedVoice(voice, REALTIME_VOICES), event.event_id)
        // A transcription-only session is not simulated; the update is echoed unchanged.
        if (event.session.type === 'realtime') this.#config.update(event.session)
        this.#turns.configure()
        this.#outbox.emit({ type: 'session.updated', session: this.#config.snapshot() })
        return this.#mcp.list(this.#config.mcpTools)
      }
      case 'input_audio_buffer.append':
        return this.#turns.append(event.audio)
      case 'input_audio_buffer.commit':
        return this.#turns.commit(event.event_id)
      case 'input_audio_buffer.clear':
        return this.#turns.clear()
      case 'output_audio_buffer.clear':
        return this.#responses.clearOutputAudio(event.event_id)
      case 'conversation.item.create': {
        const item = this.#conversation.create(event.item, event.previous_item_id, event.event_id)
        if (item) this.#script.itemCreated(item)
        // The API goes on by itself once the client answered an MCP approval request.
        if (
          item?.type === 'mcp_approval_response' &&
          this.#mcp.answered(item.approval_request_id, item.approve)
        )
          this.#responses.answerTurn()
        return
      }
      case 'conversation.item.delete':
        return this.#conversation.delete(event.item_id, event.event_id)
      case 'conversation.item.retrieve':
        return this.#conversation.retrieve(event.item_id, event.event_id)
      case 'conversation.item.truncate':
        return this.#conversation.truncate(
          event.item_id,
          event.content_index,
          event.audio_end_ms,
          event.event_id,
        )
      case 'response.create':
        return this.#responses.create(event.event_id)
      case 'response.cancel':
        return this.#responses.cancel(event.response_id, event.event_id)
    }
  }
}
