'use client'
import { ValueStore } from '../core'
import type { RealtimeClient } from '../react'

/** Item ids of answers an output guardrail stopped, with the guardrails' names (each once). */
export type WithdrawnAnswers = ReadonlyMap<string, readonly string[]>

const NONE: WithdrawnAnswers = new Map()

/**
 * Follows `guardrail_tripped` events of one client: the one place the UI learns which answers were
 * withdrawn. One per client, created on first use and kept while the client lives.
 */
function withdrawnStore(client: RealtimeClient): ValueStore<WithdrawnAnswers> {
  const store = new ValueStore(NONE)
  client.onEvent((event) => {
    if (event.type !== 'guardrail_tripped' || !event.itemId) return
    const names = [...new Set(event.guardrailResults.map((r) => r.guardrail.name))]
    const { itemId } = event
    store.update((withdrawn) => new Map(withdrawn).set(itemId, names))
  })
  return store
}

const stores = new WeakMap<RealtimeClient, ValueStore<WithdrawnAnswers>>()

/** The withdrawn-answers store of `client`. */
export function withdrawnStoreOf(client: RealtimeClient): ValueStore<WithdrawnAnswers> {
  let store = stores.get(client)
  if (!store) {
    store = withdrawnStore(client)
    stores.set(client, store)
  }
  return store
}
