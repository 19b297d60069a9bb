/** The store contract every stateful object of the kit offers; UIs bind to it (`useSyncExternalStore`). */
export interface Store<S> {
  /** Calls `listener` after every change of the snapshot; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void
  /** The current snapshot: immutable, and the same object until something changed. */
  getSnapshot(): S
}

/** Listeners of one store: a change notifies each of them once. */
export class Listeners {
  readonly #set = new Set<() => void>()

  add(listener: () => void): () => void {
    // A wrapper per subscription: the same function subscribed twice is two subscriptions.
    const entry = () => listener()
    this.#set.add(entry)
    return () => {
      this.#set.delete(entry)
    }
  }

  get size(): number {
    return this.#set.size
  }

  notify(): void {
    for (const listener of this.#set) listener()
  }
}

/** A store of one immutable value: `set` replaces it and notifies only when it changed (`Object.is`). */
export class ValueStore<T> implements Store<T> {
  #value: T
  readonly #listeners = new Listeners()

  constructor(initial: T) {
    this.#value = initial
  }

  subscribe = (listener: () => void): (() => void) => this.#listeners.add(listener)

  getSnapshot = (): T => this.#value

  set(value: T): void {
    if (Object.is(value, this.#value)) return
    this.#value = value
    this.#listeners.notify()
  }

  update(change: (value: T) => T): void {
    this.set(change(this.#value))
  }
}
