import type { RealtimeSessionEvent, RealtimeSessionEventOf, RealtimeSessionEventType } from './events'

// A listener is kept under the type it subscribed to and only gets events of that type (`'*'`: every
// event, as `on`'s signature lets it say); the map cannot tie each key to its event type.
// biome-ignore lint/suspicious/noExplicitAny: listeners of every event type share the map, see above.
type Listener = (event: any) => void

/** Events kept for the first `for await` loop when it starts after the session did. */
const EARLY_BUFFER_LIMIT = 512

/**
 * Fans session events out to listeners and async iterators. Events emitted before the first
 * iterator attaches are kept (a bounded number, audio excluded) so `for await` right after
 * `runner.run()` sees `agent_start` and the session's first events, as the seed's loop does.
 */
export class EventHub {
  #listeners = new Map<RealtimeSessionEventType | '*', Set<Listener>>()
  #early: RealtimeSessionEvent[] | null = []
  #closed = false

  on<T extends RealtimeSessionEventType>(
    type: T | '*',
    listener: (event: RealtimeSessionEventOf<T>) => void,
  ): () => void {
    let set = this.#listeners.get(type)
    if (!set) {
      set = new Set()
      this.#listeners.set(type, set)
    }
    set.add(listener)
    return () => {
      set.delete(listener)
    }
  }

  emit(event: RealtimeSessionEvent): void {
    if (this.#early && event.type !== 'audio' && this.#early.length < EARLY_BUFFER_LIMIT)
      this.#early.push(event)
    this.#dispatch(this.#listeners.get(event.type), event)
    this.#dispatch(this.#listeners.get('*'), event)
  }

  #dispatch(set: Set<Listener> | undefined, event: RealtimeSessionEvent): void {
    if (!set) return
    for (const listener of set) {
      try {
        listener(event)
      } catch (error) {
        // A listener's bug must not stop the session; report it where the app will see it.
        queueMicrotask(() => {
          throw error
        })
      }
    }
  }

  /** Ends every iterator; later `emit`s reach listeners only. */
  close(): void {
    this.#closed = true
    this.#early = null
    for (const end of this.#enders) end()
  }

  #enders = new Set<() => void>()

  /** An async iterator over events from now on (the first one also gets the early events). */
  iterate(): AsyncIterableIterator<RealtimeSessionEvent> {
    const queue: RealtimeSessionEvent[] = this.#early ?? []
    this.#early = null
    let wake: (() => void) | null = null
    let done = this.#closed
    const unsubscribe = this.on('*', (event) => {
      queue.push(event)
      wake?.()
    })
    const end = () => {
      done = true
      unsubscribe()
      this.#enders.delete(end)
      wake?.()
    }
    this.#enders.add(end)
    // Made after close: it ends at once instead of collecting the events emitted from now on.
    if (this.#closed) end()
    let head = 0
    const iterator: AsyncIterableIterator<RealtimeSessionEvent> = {
      async next() {
        while (head >= queue.length && !done) await new Promise<void>((resolve) => (wake = resolve))
        wake = null
        if (head < queue.length) {
          const value = queue[head++]!
          // Drop consumed events in batches so a long session does not keep them all.
          if (head > 1024 && head * 2 > queue.length) {
            queue.splice(0, head)
            head = 0
          }
          return { value, done: false }
        }
        return { value: undefined, done: true }
      },
      async return() {
        end()
        return { value: undefined, done: true }
      },
      [Symbol.asyncIterator]() {
        return iterator
      },
    }
    return iterator
  }
}
