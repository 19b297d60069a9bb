import type { ServerEvent, WireItem, WireMessageItem } from './protocol'

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

/** A tool call by the model, with its output once the tool answered. */
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
}

export type RealtimeItem = RealtimeMessageItem | RealtimeToolCallItem

export type HistoryChange = { kind: 'added' | 'updated' | 'removed'; item: RealtimeItem }

function messageText(item: WireMessageItem): string {
  let text = ''
  for (const part of item.content ?? []) text += part.text ?? part.transcript ?? ''
  return text
}

function fromWire(
  item: WireItem,
  previousItemId: string | null,
  agentName: string | null,
): RealtimeItem | null {
  if (!item.id) return null
  if (item.type === 'message') {
    return {
      type: 'message',
      itemId: item.id,
      previousItemId,
      role: item.role,
      status: item.status ?? 'completed',
      text: messageText(item),
      modality: (item.content ?? []).some((p) => p.type.endsWith('audio')) ? 'audio' : 'text',
      agentName: item.role === 'assistant' ? agentName : null,
      truncated: null,
      transcriptionFailed: false,
    }
  }
  if (item.type === 'function_call') {
    return {
      type: 'function_call',
      itemId: item.id,
      previousItemId,
      status: item.status ?? 'completed',
      callId: item.call_id ?? '',
      name: item.name,
      arguments: item.arguments ?? '',
      output: null,
      agentName,
    }
  }
  return null
}

/** Keeps the words of `text` that fit in `fraction` of it, cutting at a word boundary. */
export function cutTextToFraction(text: string, fraction: number): string {
  if (fraction >= 1) return text
  if (fraction <= 0) return ''
  const cut = Math.round(text.length * fraction)
  const space = text.lastIndexOf(' ', cut)
  return text.slice(0, space > 0 ? space : cut).trimEnd()
}

/**
 * The conversation as items, updated in O(1) amortized time per event: items are indexed by id,
 * a change replaces only the changed item (unchanged ones keep their identity), and the array
 * snapshot is built only when someone reads it after a change.
 */
export class ConversationHistory {
  #items: RealtimeItem[] = []
  #index = new Map<string, number>()
  #callToItem = new Map<string, string>()
  #snapshot: readonly RealtimeItem[] = Object.freeze([])
  #dirty = false

  /** The items in conversation order, as an immutable array (the same array until something changes). */
  get items(): readonly RealtimeItem[] {
    if (this.#dirty) {
      this.#snapshot = Object.freeze(this.#items.slice())
      this.#dirty = false
    }
    return this.#snapshot
  }

  get size(): number {
    return this.#items.length
  }

  get(itemId: string): RealtimeItem | undefined {
    const i = this.#index.get(itemId)
    return i === undefined ? undefined : this.#items[i]
  }

  getByCallId(callId: string): RealtimeToolCallItem | undefined {
    const id = this.#callToItem.get(callId)
    const item = id === undefined ? undefined : this.get(id)
    return item?.type === 'function_call' ? item : undefined
  }

  #add(item: RealtimeItem): HistoryChange {
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
    this.#dirty = true
    return { kind: 'added', item }
  }

  /** Replaces an item with `update(item)`; returns the change, or null when nothing changed. */
  update<T extends RealtimeItem>(
    itemId: string,
    update: (item: RealtimeItem) => T | null,
  ): HistoryChange | null {
    const i = this.#index.get(itemId)
    if (i === undefined) return null
    const next = update(this.#items[i]!)
    if (next === null || next === this.#items[i]) return null
    this.#items[i] = next
    this.#dirty = true
    return { kind: 'updated', item: next }
  }

  remove(itemId: string): HistoryChange | null {
    const i = this.#index.get(itemId)
    if (i === undefined) return null
    const [item] = this.#items.splice(i, 1)
    this.#index.delete(itemId)
    for (let j = i; j < this.#items.length; j++) this.#index.set(this.#items[j]!.itemId, j)
    if (item!.type === 'function_call') this.#callToItem.delete(item!.callId)
    this.#dirty = true
    return { kind: 'removed', item: item! }
  }

  /** Adds an item, or merges a newer wire state of one already known. */
  upsert(wire: WireItem, previousItemId: string | null, agentName: string | null): HistoryChange | null {
    if (wire.type === 'function_call_output') {
      const call = this.getByCallId(wire.call_id)
      return call
        ? this.update(call.itemId, (c) => (c.type === 'function_call' ? { ...c, output: wire.output } : null))
        : null
    }
    const existing = wire.id ? this.get(wire.id) : undefined
    const incoming = fromWire(wire, previousItemId ?? existing?.previousItemId ?? null, agentName)
    if (!incoming) return null
    if (!existing) return this.#add(incoming)
    return this.update(existing.itemId, (old) => {
      if (old.type === 'message' && incoming.type === 'message') {
        const text = old.truncated || !incoming.text ? old.text : incoming.text
        const modality = incoming.modality === 'audio' ? 'audio' : old.modality
        if (old.status === incoming.status && text === old.text && modality === old.modality) return null
        return { ...old, status: incoming.status, text, modality }
      }
      if (old.type === 'function_call' && incoming.type === 'function_call') {
        return { ...incoming, output: old.output, agentName: old.agentName }
      }
      return incoming
    })
  }

  /** Cuts an assistant message's transcript to the fraction of its audio that was heard. */
  truncate(itemId: string, audioEndMs: number, receivedMs: number): HistoryChange | null {
    return this.update(itemId, (item) => {
      if (item.type !== 'message' || item.truncated) return null
      const fraction = receivedMs > 0 ? audioEndMs / receivedMs : 0
      return {
        ...item,
        text: cutTextToFraction(item.text, fraction),
        truncated: { audioEndMs },
        status: 'incomplete',
      }
    })
  }

  /** Applies one server event; returns what changed, if anything. `agentName` is the agent speaking now. */
  apply(event: ServerEvent, agentName: string | null): HistoryChange | null {
    switch (event.type) {
      case 'conversation.item.added':
      case 'conversation.item.created':
      case 'conversation.item.done':
      case 'conversation.item.retrieved':
        return this.upsert(
          event.item as WireItem,
          (event.previous_item_id as string | null | undefined) ?? null,
          agentName,
        )
      case 'response.output_item.added':
      case 'response.output_item.done':
        return this.upsert(event.item as WireItem, this.#items.at(-1)?.itemId ?? null, agentName)
      case 'conversation.item.deleted':
        return this.remove(event.item_id as string)
      case 'conversation.item.input_audio_transcription.delta':
        return this.#appendText(event.item_id as string, (event.delta as string | undefined) ?? '')
      case 'conversation.item.input_audio_transcription.completed':
        return this.#setText(event.item_id as string, event.transcript as string, 'completed')
      case 'conversation.item.input_audio_transcription.failed':
        return this.update(event.item_id as string, (item) =>
          item.type === 'message' ? { ...item, transcriptionFailed: true } : null,
        )
      case 'response.output_audio_transcript.delta':
        return this.#appendText(event.item_id as string, event.delta as string, 'audio')
      case 'response.output_text.delta':
        return this.#appendText(event.item_id as string, event.delta as string)
      case 'response.output_audio_transcript.done':
        return this.#setText(event.item_id as string, event.transcript as string)
      case 'response.output_text.done':
        return this.#setText(event.item_id as string, event.text as string)
      case 'response.function_call_arguments.delta':
        return this.update(event.item_id as string, (item) =>
          item.type === 'function_call'
            ? { ...item, arguments: item.arguments + (event.delta as string) }
            : null,
        )
      case 'response.function_call_arguments.done':
        return this.update(event.item_id as string, (item) =>
          item.type === 'function_call' && item.arguments !== event.arguments
            ? { ...item, arguments: event.arguments as string }
            : null,
        )
      default:
        return null
    }
  }

  /** Marks the in-progress items of a finished response with the response's final status. */
  settle(itemIds: readonly string[], status: ItemStatus): HistoryChange[] {
    const changes: HistoryChange[] = []
    for (const id of itemIds) {
      const change = this.update(id, (item) => (item.status === 'in_progress' ? { ...item, status } : null))
      if (change) changes.push(change)
    }
    return changes
  }

  #appendText(itemId: string, delta: string, modality?: 'audio'): HistoryChange | null {
    if (!delta) return null
    return this.update(itemId, (item) =>
      item.type === 'message' && !item.truncated
        ? { ...item, text: item.text + delta, modality: modality ?? item.modality }
        : null,
    )
  }

  #setText(itemId: string, text: string, status?: ItemStatus): HistoryChange | null {
    return this.update(itemId, (item) => {
      if (item.type !== 'message' || item.truncated) return null
      if (item.text === text && (status === undefined || item.status === status)) return null
      return { ...item, text, ...(status ? { status } : {}) }
    })
  }
}
