'use client'
import type { RealtimeClient } from '../react'

/** Item ids of answers an output guardrail stopped, with the guardrails' names (each once). */
export type WithdrawnAnswers = ReadonlyMap<string, readonly string[]>

const NONE: WithdrawnAnswers = new Map()

/**
 * Follows `guardrail_tripped` events of one client: the one place the UI learns which answers were
 * withdrawn. One per client, created on first use and kept while the client lives.
 */
class WithdrawnStore {
  #snapshot: WithdrawnAnswers = NONE
  readonly #listeners = new Set<() => void>()

  constructor(client: RealtimeClient) {
    client.onEvent((event) => {
      if (event.type !== 'guardrail_tripped' || !event.itemId) return
      const names = [...new Set(event.guardrailResults.map((r) => r.guardrail.name))]
      const next = new Map(this.#snapshot)
      next.set(event.itemId, names)
      this.#snapshot = next
      for (const listener of this.#listeners) listener()
    })
  }

  subscribe = (listener: () => void) => {
    this.#listeners.add(listener)
    return () => {
      this.#listeners.delete(listener)
    }
  }

  getSnapshot = () => this.#snapshot
}

const stores = new WeakMap<RealtimeClient, WithdrawnStore>()

/** The withdrawn-answers store of `client`. */
export function withdrawnStoreOf(client: RealtimeClient): WithdrawnStore {
  let store = stores.get(client)
  if (!store) {
    store = new WithdrawnStore(client)
    stores.set(client, store)
  }
  return store
}
