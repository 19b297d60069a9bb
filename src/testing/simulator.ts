import { type ClientEvent, type RawServerEvent, REALTIME_VOICES, systemClock } from '../core'
import { apiErrors } from './apiErrors'
import { Conversation } from './conversation'
import type { SimulatorOptions } from './options'
import { Outbox } from './outbox'
import { Responses } from './responses'
import { ScriptCursor } from './script'
import { SessionConfig } from './sessionConfig'
import { UserTurns } from './turns'
import { checkEvent } from './validation'

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

  constructor(send: (event: RawServerEvent) => void, options: SimulatorOptions = {}) {
    this.#options = options
    const clock = options.clock ?? systemClock
    const outbox = new Outbox(send, options)
    const config = new SessionConfig(`sess_${options.idPrefix ?? 'sim'}_0001`)
    const conversation = new Conversation(outbox)
    const script = new ScriptCursor(options.scenario)
    const responses = new Responses(
      { outbox, config, conversation, script, clock, onIdle: () => this.#turns.armIdleTimer() },
      options,
    )
    this.#turns = new UserTurns({ outbox, config, conversation, script, responses, clock })
    this.#outbox = outbox
    this.#config = config
    this.#conversation = conversation
    this.#script = script
    this.#responses = responses
  }

  /** Starts the conversation: the server's first event. */
  open(): void {
    this.#outbox.emit({ type: 'session.created', session: this.#config.snapshot() })
  }

  /** Stops timers and streaming; further input is ignored. */
  dispose(): void {
    this.#outbox.close()
    this.#turns.dispose()
    this.#responses.dispose()
  }

  /** Handles one message from the client (JSON text). */
  receive(data: string): void {
    if (this.#outbox.closed) return
    let event: ClientEvent
    try {
      event = JSON.parse(data)
    } catch {
      return this.#outbox.error(apiErrors.invalidJson())
    }
    const problem = checkEvent('client', event)
    this.#options.onClientEvent?.(event, problem)
    if (problem) return this.#outbox.error(apiErrors.invalidEvent(problem), event?.event_id)
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
        return this.#outbox.emit({ type: 'session.updated', session: this.#config.snapshot() })
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
