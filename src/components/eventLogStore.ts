import { Listeners, type RealtimeSessionEvent } from '../core'
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

/** Schedules one flush; returns a cancel function. Default: the next animation frame. */
export type FrameScheduler = (flush: () => void) => () => void

const nextFrame: FrameScheduler = (flush) => {
  if (typeof requestAnimationFrame === 'undefined') {
    const timer = setTimeout(flush, 16)
    return () => clearTimeout(timer)
  }
  const frame = requestAnimationFrame(flush)
  return () => cancelAnimationFrame(frame)
}

/**
 * Keeps the latest `limit` session events (audio chunks left out) as a store. Events arriving
 * within one frame are published together, once: a burst of deltas costs one render, not one each.
 */
export class EventLogStore {
  #events: readonly LoggedEvent[] = []
  #pending: LoggedEvent[] = []
  #cancelFlush: (() => void) | null = null
  readonly #listeners = new Listeners()
  #next = 0
  #paused = false
  readonly #limit: number
  readonly #client: RealtimeClient
  readonly #schedule: FrameScheduler
  #off: (() => void) | null = null

  constructor(client: RealtimeClient, limit = 500, schedule: FrameScheduler = nextFrame) {
    this.#client = client
    this.#limit = limit
    this.#schedule = schedule
  }

  subscribe = (listener: () => void) => {
    const remove = this.#listeners.add(listener)
    this.#off ??= this.#client.onEvent((event) => this.#push(event))
    return () => {
      remove()
      if (this.#listeners.size === 0) {
        this.#off?.()
        this.#off = null
        this.#cancelFlush?.()
        this.#cancelFlush = null
      }
    }
  }

  getSnapshot = () => this.#events

  /** While paused, events are still collected (up to the limit) but the list on screen holds still. */
  setPaused(paused: boolean): void {
    this.#paused = paused
    if (!paused && this.#pending.length > 0) this.#flush()
  }

  #push(event: RealtimeSessionEvent): void {
    if (
      event.type === 'audio' ||
      (event.type === 'raw_model_event' && event.data.type === 'response.output_audio.delta')
    )
      return
    this.#pending.push({
      id: this.#next++,
      at: Date.now(),
      type: event.type,
      detail: event.type === 'raw_model_event' ? event.data.type : '',
      event,
    })
    // The cap holds for the backlog too: a paused or hidden log does not grow without bound.
    if (this.#pending.length > this.#limit) this.#pending.splice(0, this.#pending.length - this.#limit)
    if (!this.#paused) this.#cancelFlush ??= this.#schedule(() => this.#flush())
  }

  #flush(): void {
    this.#cancelFlush = null
    if (this.#paused || this.#pending.length === 0) return
    const merged = this.#events.concat(this.#pending)
    this.#pending = []
    this.#events = merged.length > this.#limit ? merged.slice(merged.length - this.#limit) : merged
    this.#listeners.notify()
  }

  clear(): void {
    this.#events = []
    this.#pending = []
    this.#listeners.notify()
  }
}
