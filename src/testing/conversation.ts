import type { WireItem } from '../core'
import { apiErrors } from './apiErrors'
import type { Outbox } from './outbox'

/** An item of the server's conversation, with how much audio it holds (for truncation). */
export interface StoredItem {
  item: WireItem & { id: string }
  audioMs: number
}

/**
 * The server's conversation: items by id in their order, and the client events that change or
 * read it (`conversation.item.create` / `delete` / `retrieve` / `truncate`), refused as the API
 * refuses them.
 */
export class Conversation {
  readonly #outbox: Outbox
  readonly #items = new Map<string, StoredItem>()
  readonly #order: string[] = []

  constructor(outbox: Outbox) {
    this.#outbox = outbox
  }

  /** The id of the last item in conversation order, or null. */
  get lastId(): string | null {
    return this.#order.at(-1) ?? null
  }

  get size(): number {
    return this.#order.length
  }

  /** Audio of the most recently stored item, ms (0 when there is none). */
  get latestAudioMs(): number {
    let last: StoredItem | undefined
    for (const stored of this.#items.values()) last = stored
    return last?.audioMs ?? 0
  }

  /** Stores an item after `previousItemId` (or at the end); returns its entry, to add audio to. */
  add(item: WireItem & { id: string }, audioMs = 0, previousItemId?: string | null): StoredItem {
    const stored = { item, audioMs }
    this.#items.set(item.id, stored)
    const at = previousItemId ? this.#order.indexOf(previousItemId) : -1
    if (at >= 0) this.#order.splice(at + 1, 0, item.id)
    else this.#order.push(item.id)
    return stored
  }

  /** Replaces a stored item's content in place (a function call once its arguments are complete). */
  replace(item: WireItem & { id: string }): void {
    this.#items.set(item.id, { item, audioMs: 0 })
  }

  #hasFunctionCall(callId: string): boolean {
    for (const { item } of this.#items.values()) {
      if (item.type === 'function_call' && item.call_id === callId) return true
    }
    return false
  }

  /** A user audio item's transcription arrived: retrieving the item shows it from now on. */
  setTranscript(itemId: string, transcript: string): void {
    const stored = this.#items.get(itemId)
    if (stored?.item.type === 'message') stored.item.content = [{ type: 'input_audio', transcript }]
  }

  /** `conversation.item.create`: returns the stored item, or null when the API would refuse it. */
  create(
    item: WireItem,
    previousItemId: string | undefined,
    clientEventId: string | undefined,
  ): (WireItem & { id: string }) | null {
    const outbox = this.#outbox
    if (previousItemId && !this.#items.has(previousItemId)) {
      outbox.error(apiErrors.previousItemNotFound(previousItemId), clientEventId)
      return null
    }
    if (item.id && this.#items.has(item.id)) {
      outbox.error(apiErrors.itemExists(item.id), clientEventId)
      return null
    }
    if (item.type === 'function_call_output' && !this.#hasFunctionCall(item.call_id)) {
      outbox.error(apiErrors.outputWithoutCall(item.call_id), clientEventId)
      return null
    }
    const id = item.id ?? outbox.id('item')
    // Items with a status report it completed; MCP approval responses have none.
    const stored: WireItem & { id: string } =
      item.type === 'mcp_approval_response' ||
      item.type === 'mcp_approval_request' ||
      item.type === 'mcp_call' ||
      item.type === 'mcp_list_tools'
        ? { ...structuredClone(item), id }
        : { ...structuredClone(item), id, status: 'completed' }
    const previous = previousItemId ?? this.lastId
    this.add(stored, 0, previousItemId)
    outbox.emit({
      type: 'conversation.item.added',
      previous_item_id: previous,
      item: structuredClone(stored),
    })
    outbox.emit({ type: 'conversation.item.done', previous_item_id: previous, item: structuredClone(stored) })
    return stored
  }

  /** `conversation.item.delete`. */
  delete(itemId: string, clientEventId: string | undefined): void {
    if (!this.#items.delete(itemId)) {
      return this.#outbox.error(apiErrors.itemNotFound('delete', itemId), clientEventId)
    }
    this.#order.splice(this.#order.indexOf(itemId), 1)
    this.#outbox.emit({ type: 'conversation.item.deleted', item_id: itemId })
  }

  /** `conversation.item.retrieve`. */
  retrieve(itemId: string, clientEventId: string | undefined): void {
    const stored = this.#items.get(itemId)
    if (!stored) return this.#outbox.error(apiErrors.itemNotFound('retrieve', itemId), clientEventId)
    this.#outbox.emit({ type: 'conversation.item.retrieved', item: structuredClone(stored.item) })
  }

  /** `conversation.item.truncate`: cuts an assistant item's audio, and its transcript with it. */
  truncate(
    itemId: string,
    contentIndex: number,
    audioEndMs: number,
    clientEventId: string | undefined,
  ): void {
    const stored = this.#items.get(itemId)
    if (stored?.item.type !== 'message' || stored.item.role !== 'assistant') {
      return this.#outbox.error(apiErrors.truncateNotAssistant(itemId), clientEventId)
    }
    if (audioEndMs > Math.ceil(stored.audioMs)) {
      return this.#outbox.error(apiErrors.truncatePastAudio(stored.audioMs, audioEndMs), clientEventId)
    }
    // Like the API: the transcript goes, so the model's context holds nothing the user did not hear.
    stored.audioMs = audioEndMs
    for (const part of stored.item.content) delete part.transcript
    this.#outbox.emit({
      type: 'conversation.item.truncated',
      item_id: itemId,
      content_index: contentIndex,
      audio_end_ms: audioEndMs,
    })
  }
}
