import type { RealtimeSessionEvent } from '../core'
import type { RealtimeClient } from '../react'

/** One session event as the event log keeps it: an id, when it arrived, its type and detail. */
export interface LoggedEvent {
  readonly id: number
  readonly at: number
  readonly type: string
  /** `raw_model_event` entries carry the server event's own type here. */
  readonly detail: string
  readonly event: RealtimeSessionEvent
}

/** Keeps the latest `limit` session events (audio chunks left out) as a store. */
export class EventLogStore {
  #events: readonly LoggedEvent[] = []
  #listeners = new Set<() => void>()
  #next = 0
  #limit: number
  #client: RealtimeClient
  #off: (() => void) | null = null

  constructor(client: RealtimeClient, limit = 500) {
    this.#client = client
    this.#limit = limit
  }

  subscribe = (listener: () => void) => {
    this.#listeners.add(listener)
    this.#off ??= this.#client.onEvent((event) => this.#push(event))
    return () => {
      this.#listeners.delete(listener)
      if (this.#listeners.size === 0) {
        this.#off?.()
        this.#off = null
      }
    }
  }

  getSnapshot = () => this.#events

  #push(event: RealtimeSessionEvent): void {
    if (
      event.type === 'audio' ||
      (event.type === 'raw_model_event' && event.data.type === 'response.output_audio.delta')
    )
      return
    const entry: LoggedEvent = {
      id: this.#next++,
      at: Date.now(),
      type: event.type,
      detail: event.type === 'raw_model_event' ? event.data.type : '',
      event,
    }
    const events = [...this.#events, entry]
    this.#events = events.length > this.#limit ? events.slice(events.length - this.#limit) : events
    for (const listener of this.#listeners) listener()
  }

  clear(): void {
    this.#events = []
    for (const listener of this.#listeners) listener()
  }
}
