'use client'
import { ValueStore } from '../core'
import { type RealtimeClient, useRealtimeClient, useSelector } from '../react'

/** Item ids of answers an output guardrail stopped, with the guardrails' names (each once). */
export type WithdrawnAnswers = ReadonlyMap<string, readonly string[]>

const stores = new WeakMap<RealtimeClient, ValueStore<WithdrawnAnswers>>()

/**
 * The withdrawn-answers store of `client`: it follows the client's `guardrail_tripped` events, the
 * one place the UI learns which answers were withdrawn. One per client, created on first use and
 * kept while the client lives.
 */
function withdrawnStoreOf(client: RealtimeClient): ValueStore<WithdrawnAnswers> {
  const known = stores.get(client)
  if (known) return known
  const store = new ValueStore<WithdrawnAnswers>(new Map())
  client.onEvent((event) => {
    if (event.type !== 'guardrail_tripped' || !event.itemId) return
    const names = [...new Set(event.guardrailResults.map((r) => r.guardrail.name))]
    const { itemId } = event
    store.update((withdrawn) => new Map(withdrawn).set(itemId, names))
  })
  stores.set(client, store)
  return store
}

/** A selected part of the provider's client's withdrawn answers. */
export function useWithdrawn<T>(select: (withdrawn: WithdrawnAnswers) => T): T {
  return useSelector(withdrawnStoreOf(useRealtimeClient()), select)
}
