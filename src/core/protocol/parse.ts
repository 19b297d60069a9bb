import { isRecord } from '../guards'
import type { RawServerEvent, ServerEvent, ServerEventOf, ServerEventType } from './serverEvents'

type Field = 'string' | 'number' | 'object'

/**
 * The server events the kit acts on, each with the fields it reads and their JSON types: an event
 * the session or the history reducer handles must have an entry here (events without one are passed
 * on as raw events only), and every field they read must be listed. A known event that lacks one is
 * malformed; other fields are passed on as the server sent them. Typed by the generated events, so a
 * name here cannot drift from the wire.
 */
const REQUIRED_FIELDS: { [K in ServerEventType]?: Partial<Record<keyof ServerEventOf<K>, Field>> } = {
  error: { error: 'object' },
  'session.created': { session: 'object' },
  'session.updated': { session: 'object' },
  'conversation.item.added': { item: 'object' },
  'conversation.item.created': { item: 'object' },
  'conversation.item.done': { item: 'object' },
  'conversation.item.retrieved': { item: 'object' },
  'conversation.item.deleted': { item_id: 'string' },
  'conversation.item.truncated': { item_id: 'string', content_index: 'number', audio_end_ms: 'number' },
  'conversation.item.input_audio_transcription.delta': { item_id: 'string' },
  'conversation.item.input_audio_transcription.completed': { item_id: 'string', transcript: 'string' },
  'conversation.item.input_audio_transcription.failed': { item_id: 'string', error: 'object' },
  'input_audio_buffer.speech_started': { item_id: 'string', audio_start_ms: 'number' },
  'input_audio_buffer.speech_stopped': { item_id: 'string', audio_end_ms: 'number' },
  'input_audio_buffer.committed': { item_id: 'string' },
  'input_audio_buffer.timeout_triggered': {
    item_id: 'string',
    audio_start_ms: 'number',
    audio_end_ms: 'number',
  },
  'output_audio_buffer.started': { response_id: 'string' },
  'output_audio_buffer.stopped': { response_id: 'string' },
  'output_audio_buffer.cleared': { response_id: 'string' },
  'response.created': { response: 'object' },
  'response.done': { response: 'object' },
  'response.output_item.added': { response_id: 'string', item: 'object' },
  'response.output_item.done': { response_id: 'string', item: 'object' },
  'response.output_audio.delta': {
    response_id: 'string',
    item_id: 'string',
    content_index: 'number',
    delta: 'string',
  },
  'response.output_audio.done': { response_id: 'string', item_id: 'string', content_index: 'number' },
  'response.output_audio_transcript.delta': { item_id: 'string', delta: 'string' },
  'response.output_audio_transcript.done': { item_id: 'string', transcript: 'string' },
  'response.output_text.delta': { item_id: 'string', delta: 'string' },
  'response.output_text.done': { item_id: 'string', text: 'string' },
  'response.function_call_arguments.delta': { item_id: 'string', call_id: 'string', delta: 'string' },
  'response.function_call_arguments.done': {
    item_id: 'string',
    call_id: 'string',
    name: 'string',
    arguments: 'string',
  },
  'response.mcp_call_arguments.delta': { item_id: 'string', delta: 'string' },
  'response.mcp_call_arguments.done': { item_id: 'string', arguments: 'string' },
  'response.mcp_call.in_progress': { item_id: 'string' },
  'mcp_list_tools.failed': { item_id: 'string' },
}

// The table as lists, one per known type, built once: parsing is on the per-event path.
const FIELD_LISTS = new Map<string, [string, Field][]>(
  Object.entries(REQUIRED_FIELDS).map(([type, fields]) => [type, Object.entries<Field>(fields)]),
)

function hasType(value: unknown, kind: Field): boolean {
  return kind === 'object' ? isRecord(value) : typeof value === kind
}

function isRaw(value: unknown): value is RawServerEvent {
  return isRecord(value) && typeof value.type === 'string'
}

/** A server event after parsing: a typed event the kit knows, or a raw one it passes on. */
export type ParsedServerEvent =
  /** A known event with the fields the kit reads (typed, and still the raw object the server sent). */
  | { ok: true; known: true; event: ServerEvent & RawServerEvent }
  /** An event type the kit does not act on: passed on as is. */
  | { ok: true; known: false; event: RawServerEvent }
  /** Not JSON, not an event, or a known event missing a field; `event` is set when it had a type. */
  | { ok: false; reason: string; event: RawServerEvent | null }

const AUDIO_DELTA_TYPE = '"response.output_audio.delta"'
const DELTA_KEY = '"delta":"'

/**
 * Audio deltas are most of the traffic and most of their bytes are base64, which cannot contain a
 * quote or a backslash: cut the payload out and parse only the small rest. Anything unusual (no
 * plain `"delta":"` key, an escape in the payload) takes the ordinary path.
 */
function parseAudioDelta(data: string): RawServerEvent | null {
  if (data.length < 512) return null
  const typeAt = data.indexOf(AUDIO_DELTA_TYPE)
  if (typeAt < 0 || typeAt > 256) return null
  const start = data.indexOf(DELTA_KEY)
  if (start < 0) return null
  const from = start + DELTA_KEY.length
  const end = data.indexOf('"', from)
  if (end < 0) return null
  const backslash = data.indexOf('\\', from)
  if (backslash >= 0 && backslash < end) return null
  try {
    const event: unknown = JSON.parse(`${data.slice(0, from)}${data.slice(end)}`)
    if (!isRaw(event) || event.type !== 'response.output_audio.delta' || event.delta !== '') return null
    event.delta = data.slice(from, end)
    return event
  } catch {
    return null
  }
}

/**
 * Parses one message from the server, once, at the edge: a JSON string or an already parsed
 * object. Checks the fields the kit reads of the events it acts on.
 */
export function parseServerEvent(data: unknown): ParsedServerEvent {
  let value: unknown = data
  if (typeof data === 'string') {
    try {
      value = parseAudioDelta(data) ?? JSON.parse(data)
    } catch {
      return { ok: false, reason: 'the message is not valid JSON', event: null }
    }
  }
  if (!isRecord(value)) return { ok: false, reason: 'the message is not a JSON object', event: null }
  if (!isRaw(value)) return { ok: false, reason: 'the event has no string `type`', event: null }
  const fields = FIELD_LISTS.get(value.type)
  if (!fields) return { ok: true, known: false, event: value }
  const missing = fields.find(([name, kind]) => !hasType(value[name], kind))
  // Every field the kit reads has its type: that is what makes it a known event.
  if (!missing) return { ok: true, known: true, event: value as ServerEvent & RawServerEvent }
  const [name, kind] = missing
  return { ok: false, reason: `\`${value.type}\` needs \`${name}\` to be a ${kind}`, event: value }
}
