import type { ServerEvent, WireItem, WireMessageItem } from './protocol'
import type { ConversationStore, HistoryChange, ItemStatus, RealtimeItem } from './stores'

/**
 * The history reducer: how each server event changes the conversation. Every function computes an
 * item's next state from its current one and the event (pure), and the store applies it.
 */

function messageText(item: WireMessageItem): string {
  let text = ''
  for (const part of item.content ?? [])
    text += part.text ?? ('transcript' in part ? part.transcript : null) ?? ''
  return text
}

/** The kit's item for a wire item (null for items the conversation does not show). */
export function fromWire(
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
      modality: (item.content ?? []).some((p) => p.type?.endsWith('audio')) ? 'audio' : 'text',
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
      serverLabel: null,
    }
  }
  if (item.type === 'mcp_call') {
    const error = item.error ? `${item.error.type}: ${item.error.message}` : null
    const output = item.output ?? (error ? JSON.stringify({ error }) : null)
    return {
      type: 'function_call',
      itemId: item.id,
      previousItemId,
      status: output === null ? 'in_progress' : item.error ? 'incomplete' : 'completed',
      callId: item.approval_request_id ?? item.id,
      name: item.name,
      arguments: item.arguments,
      output,
      agentName,
      serverLabel: item.server_label,
    }
  }
  return null
}

/** A known item merged with a newer wire state of it; null when nothing changed. */
export function mergeItem(old: RealtimeItem, incoming: RealtimeItem): RealtimeItem | null {
  if (old.type === 'message' && incoming.type === 'message') {
    const text = old.truncated || !incoming.text ? old.text : incoming.text
    const modality = incoming.modality === 'audio' ? 'audio' : old.modality
    if (old.status === incoming.status && text === old.text && modality === old.modality) return null
    return { ...old, status: incoming.status, text, modality }
  }
  if (old.type === 'function_call' && incoming.type === 'function_call') {
    // A function call's output joins from its own item; an MCP call's comes with the call.
    return { ...incoming, output: incoming.output ?? old.output, agentName: old.agentName }
  }
  return incoming
}

/** Keeps the words of `text` that fit in `fraction` of it, cutting at a word boundary. */
export function cutTextToFraction(text: string, fraction: number): string {
  if (fraction >= 1) return text
  if (fraction <= 0) return ''
  const cut = Math.round(text.length * fraction)
  const space = text.lastIndexOf(' ', cut)
  return text.slice(0, space > 0 ? space : cut).trimEnd()
}

/** Adds an item, or merges a newer wire state of one already known; a tool output joins its call. */
export function upsertItem(
  conversation: ConversationStore,
  wire: WireItem,
  previousItemId: string | null,
  agentName: string | null,
): HistoryChange | null {
  if (wire.type === 'function_call_output') {
    const call = conversation.getByCallId(wire.call_id)
    return call
      ? conversation.update(call.itemId, (c) =>
          c.type === 'function_call' && c.output !== wire.output ? { ...c, output: wire.output } : null,
        )
      : null
  }
  const existing = wire.id ? conversation.get(wire.id) : undefined
  const incoming = fromWire(wire, previousItemId ?? existing?.previousItemId ?? null, agentName)
  if (!incoming) return null
  if (!existing) return conversation.add(incoming)
  return conversation.update(existing.itemId, (old) => mergeItem(old, incoming))
}

/** Cuts an assistant message's transcript to the fraction of its audio that was heard. */
export function truncateItem(
  conversation: ConversationStore,
  itemId: string,
  audioEndMs: number,
  receivedMs: number,
): HistoryChange | null {
  return conversation.update(itemId, (item) => {
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

/** Marks the in-progress items of a finished response with the response's final status. */
export function settleItems(
  conversation: ConversationStore,
  itemIds: readonly string[],
  status: ItemStatus,
): HistoryChange[] {
  const changes: HistoryChange[] = []
  for (const id of itemIds) {
    const change = conversation.update(id, (item) =>
      item.status === 'in_progress' ? { ...item, status } : null,
    )
    if (change) changes.push(change)
  }
  return changes
}

function appendText(
  conversation: ConversationStore,
  itemId: string,
  delta: string,
  modality?: 'audio',
): HistoryChange | null {
  if (!delta) return null
  return conversation.update(itemId, (item) =>
    item.type === 'message' && !item.truncated
      ? { ...item, text: item.text + delta, modality: modality ?? item.modality }
      : null,
  )
}

function setText(
  conversation: ConversationStore,
  itemId: string,
  text: string,
  status?: ItemStatus,
): HistoryChange | null {
  return conversation.update(itemId, (item) => {
    if (item.type !== 'message' || item.truncated) return null
    if (item.text === text && (status === undefined || item.status === status)) return null
    return { ...item, text, ...(status ? { status } : {}) }
  })
}

/** Applies one server event to the conversation; returns what changed. `agentName` is the agent speaking now. */
export function applyToHistory(
  conversation: ConversationStore,
  event: ServerEvent,
  agentName: string | null,
): HistoryChange | null {
  switch (event.type) {
    case 'conversation.item.added':
    case 'conversation.item.created':
    case 'conversation.item.done':
      return upsertItem(conversation, event.item, event.previous_item_id ?? null, agentName)
    case 'conversation.item.retrieved':
      return upsertItem(conversation, event.item, null, agentName)
    case 'response.output_item.added':
    case 'response.output_item.done':
      return upsertItem(conversation, event.item, conversation.lastItemId, agentName)
    case 'conversation.item.deleted':
      return conversation.remove(event.item_id)
    case 'conversation.item.input_audio_transcription.delta':
      return appendText(conversation, event.item_id, event.delta ?? '')
    case 'conversation.item.input_audio_transcription.completed':
      return setText(conversation, event.item_id, event.transcript, 'completed')
    case 'conversation.item.input_audio_transcription.failed':
      return conversation.update(event.item_id, (item) =>
        item.type === 'message' && !item.transcriptionFailed ? { ...item, transcriptionFailed: true } : null,
      )
    case 'response.output_audio_transcript.delta':
      return appendText(conversation, event.item_id, event.delta, 'audio')
    case 'response.output_text.delta':
      return appendText(conversation, event.item_id, event.delta)
    case 'response.output_audio_transcript.done':
      return setText(conversation, event.item_id, event.transcript)
    case 'response.output_text.done':
      return setText(conversation, event.item_id, event.text)
    case 'response.function_call_arguments.delta':
    case 'response.mcp_call_arguments.delta':
      return conversation.update(event.item_id, (item) =>
        item.type === 'function_call' && event.delta
          ? { ...item, arguments: item.arguments + event.delta }
          : null,
      )
    case 'response.function_call_arguments.done':
    case 'response.mcp_call_arguments.done':
      return conversation.update(event.item_id, (item) =>
        item.type === 'function_call' && item.arguments !== event.arguments
          ? { ...item, arguments: event.arguments }
          : null,
      )
    default:
      return null
  }
}
