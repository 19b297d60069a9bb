import type { RawServerEvent } from '../core'
import { type ApiError, errorEvent } from './apiErrors'

/** A server event before the outbox stamps its `event_id`. */
export type ServerEventBody = { type: string; [key: string]: unknown }

/**
 * The simulator's side of the wire: ids that count up (one counter for every kind, as the order of
 * ids is part of a deterministic run) and server events out, until it is closed.
 */
export class Outbox {
  readonly #send: (event: RawServerEvent) => void
  readonly #onServerEvent: ((event: RawServerEvent) => void) | undefined
  readonly #idPrefix: string
  #counter = 0
  #closed = false

  constructor(
    send: (event: RawServerEvent) => void,
    options: { onServerEvent?: (event: RawServerEvent) => void; idPrefix?: string },
  ) {
    this.#send = send
    this.#onServerEvent = options.onServerEvent
    this.#idPrefix = options.idPrefix ?? 'sim'
  }

  get closed(): boolean {
    return this.#closed
  }

  /** The next id of a kind: `item_sim_0007`. */
  id(kind: string): string {
    return `${kind}_${this.#idPrefix}_${String(++this.#counter).padStart(4, '0')}`
  }

  emit(event: ServerEventBody): void {
    if (this.#closed) return
    const full: RawServerEvent = { event_id: this.id('event'), ...event }
    this.#onServerEvent?.(full)
    this.#send(full)
  }

  /** Refuses a client event the way the API does. */
  error(error: ApiError, clientEventId?: string): void {
    this.emit(errorEvent(error, clientEventId))
  }

  /** Nothing is sent from now on. */
  close(): void {
    this.#closed = true
  }
}
