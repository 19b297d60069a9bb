import { Listeners, type Store } from './store'

/** Where an item is in its life: still streaming, completed, or cut short. */
export type ItemStatus = 'in_progress' | 'completed' | 'incomplete'

/** A user, assistant or system message; `text` is the typed text or the live transcript. */
export interface RealtimeMessageItem {
  readonly type: 'message'
  readonly itemId: string
  readonly previousItemId: string | null
  readonly role: 'user' | 'assistant' | 'system'
  readonly status: ItemStatus
  readonly text: string
  /** `audio` when spoken (text is a transcript), `text` when typed. */
  readonly modality: 'audio' | 'text'
  /** The agent that spoke an assistant message. */
  readonly agentName: string | null
  /** Set when playback was interrupted: `text` was cut to what was heard, up to `audioEndMs`. */
  readonly truncated: { audioEndMs: number } | null
  readonly transcriptionFailed: boolean
}

/**
 * A tool call by the model, with its output once the tool answered: a function call, or a call the
 * API made to a hosted MCP server (`serverLabel` set; `callId` is its approval request's id when
 * it needed one, else its item id).
 */
export interface RealtimeToolCallItem {
  readonly type: 'function_call'
  readonly itemId: string
  readonly previousItemId: string | null
  readonly status: ItemStatus
  readonly callId: string
  readonly name: string
  readonly arguments: string
  readonly output: string | null
  readonly agentName: string | null
  /** The hosted MCP server that ran the call, or null for a function call. */
  readonly serverLabel: string | null
}

/** One item of the conversation: a message or a tool call. */
export type RealtimeItem = RealtimeMessageItem | RealtimeToolCallItem

/** How one item of the conversation changed, as the `ConversationStore` writes return it. */
export type HistoryChange = { kind: 'added' | 'updated' | 'removed'; item: RealtimeItem }

/** What list readers see: the order of items, a version that moves on every change, and the items. */
export interface ConversationSnapshot {
  /** Item ids in conversation order; the same array until items come or go. */
  readonly ids: readonly string[]
  /** Moves on every change of any item (a streamed delta too). */
  readonly version: number
  /** The items in order; built on first read, then the same array for this snapshot. */
  readonly items: readonly RealtimeItem[]
}

const EMPTY: readonly never[] = Object.freeze([])

/**
 * The conversation: items by id, their order, and a version per item. A change costs O(1)
 * amortized (an append or an in-place replacement); unchanged items keep their identity; arrays
 * are built only when someone reads them. List readers subscribe to every change, item readers
 * (`subscribeItem`) only to their item's.
 */
export class ConversationStore implements Store<ConversationSnapshot> {
  #items: RealtimeItem[] = []
  #index = new Map<string, number>()
  #versions = new Map<string, number>()
  #callToItem = new Map<string, string>()
  #version = 0
  #ids: readonly string[] = EMPTY
  // Stryker disable next-line BooleanLiteral: stale at first would build the same empty list.
  #idsStale = false
  #snapshot: ConversationSnapshot | null = null
  readonly #listeners = new Listeners()
  readonly #itemListeners = new Map<string, Listeners>()

  subscribe = (listener: () => void): (() => void) => this.#listeners.add(listener)

  getSnapshot = (): ConversationSnapshot => {
    if (this.#snapshot) return this.#snapshot
    if (this.#idsStale) {
      this.#ids = Object.freeze(this.#items.map((item) => item.itemId))
      this.#idsStale = false
    }
    const items = this.#items
    let built: readonly RealtimeItem[] | null = null
    this.#snapshot = Object.freeze({
      ids: this.#ids,
      version: this.#version,
      get items() {
        built ??= Object.freeze(items.slice())
        return built
      },
    })
    return this.#snapshot
  }

  /** The items in conversation order (an immutable array, the same until something changes). */
  get items(): readonly RealtimeItem[] {
    return this.getSnapshot().items
  }

  get size(): number {
    return this.#items.length
  }

  /** The id of the last item, or null when the conversation is empty. */
  get lastItemId(): string | null {
    return this.#items.at(-1)?.itemId ?? null
  }

  get(itemId: string): RealtimeItem | undefined {
    const i = this.#index.get(itemId)
    // Stryker disable next-line ConditionalExpression: items[undefined] is undefined as well.
    return i === undefined ? undefined : this.#items[i]
  }

  /** How many times an item changed since it was added (0 when new); undefined for an unknown id. */
  versionOf(itemId: string): number | undefined {
    return this.#versions.get(itemId)
  }

  getByCallId(callId: string): RealtimeToolCallItem | undefined {
    const id = this.#callToItem.get(callId)
    // Stryker disable next-line ConditionalExpression: get(undefined) finds nothing as well.
    const item = id === undefined ? undefined : this.get(id)
    return item?.type === 'function_call' ? item : undefined
  }

  /** Listens to one item only: a streaming delta notifies its readers, not every item's. */
  subscribeItem(itemId: string, listener: () => void): () => void {
    let listeners = this.#itemListeners.get(itemId)
    if (!listeners) {
      listeners = new Listeners()
      this.#itemListeners.set(itemId, listeners)
    }
    const off = listeners.add(listener)
    return () => {
      off()
      if (listeners.size === 0 && this.#itemListeners.get(itemId) === listeners)
        this.#itemListeners.delete(itemId)
    }
  }

  /** Adds an item after `item.previousItemId` (at the end when that is unknown or last). */
  add(item: RealtimeItem): HistoryChange {
    // Stryker disable next-line ConditionalExpression: the index has no null key either.
    const after = item.previousItemId === null ? undefined : this.#index.get(item.previousItemId)
    if (after === undefined || after === this.#items.length - 1) {
      this.#index.set(item.itemId, this.#items.length)
      this.#items.push(item)
    } else {
      // Inserting mid-conversation is rare (items created with an explicit previous_item_id).
      this.#items.splice(after + 1, 0, item)
      for (let i = after + 1; i < this.#items.length; i++) this.#index.set(this.#items[i]!.itemId, i)
    }
    if (item.type === 'function_call' && item.callId) this.#callToItem.set(item.callId, item.itemId)
    this.#versions.set(item.itemId, 0)
    this.#idsStale = true
    return this.#changed({ kind: 'added', item })
  }

  /** Replaces an item with `update(item)`; returns the change, or null when nothing changed. */
  update(itemId: string, update: (item: RealtimeItem) => RealtimeItem | null): HistoryChange | null {
    const i = this.#index.get(itemId)
    if (i === undefined) return null
    const next = update(this.#items[i]!)
    if (next === null || next === this.#items[i]) return null
    this.#items[i] = next
    this.#versions.set(itemId, (this.#versions.get(itemId) ?? 0) + 1)
    return this.#changed({ kind: 'updated', item: next })
  }

  remove(itemId: string): HistoryChange | null {
    const i = this.#index.get(itemId)
    if (i === undefined) return null
    const item = this.#items.splice(i, 1)[0]!
    this.#index.delete(itemId)
    this.#versions.delete(itemId)
    for (let j = i; j < this.#items.length; j++) this.#index.set(this.#items[j]!.itemId, j)
    if (item.type === 'function_call') this.#callToItem.delete(item.callId)
    this.#idsStale = true
    return this.#changed({ kind: 'removed', item })
  }

  /** Empties the conversation (a new session starts a new one). */
  reset(): void {
    if (this.#items.length === 0) return
    const ids = this.#items.map((item) => item.itemId)
    this.#items = []
    this.#index.clear()
    this.#versions.clear()
    this.#callToItem.clear()
    this.#idsStale = true
    this.#version++
    this.#snapshot = null
    this.#listeners.notify()
    for (const id of ids) this.#itemListeners.get(id)?.notify()
  }

  #changed(change: HistoryChange): HistoryChange {
    this.#version++
    this.#snapshot = null
    this.#itemListeners.get(change.item.itemId)?.notify()
    this.#listeners.notify()
    return change
  }
}
