/**
 * Wire events of the OpenAI Realtime API (GA names), as the kit sends and reads them.
 * The shapes follow the official schemas (`RealtimeClientEvent`, `RealtimeServerEvent`); only the
 * fields the kit uses are typed closely, the rest stay open so new server fields pass through.
 */

export type WireAudioFormat =
  | { type: 'audio/pcm'; rate: 24000 }
  | { type: 'audio/pcmu' }
  | { type: 'audio/pcma' }

export interface WireTurnDetection {
  type: 'server_vad' | 'semantic_vad'
  threshold?: number
  prefix_padding_ms?: number
  silence_duration_ms?: number
  create_response?: boolean
  interrupt_response?: boolean
  eagerness?: 'low' | 'medium' | 'high' | 'auto'
  idle_timeout_ms?: number | null
}

export interface WireFunctionTool {
  type: 'function'
  name: string
  description?: string
  parameters?: Record<string, unknown>
}

export type WireToolChoice = 'auto' | 'none' | 'required' | { type: 'function'; name: string }

/** The `session` object of `session.update` (GA `RealtimeSessionCreateRequestGA`). */
export interface WireSessionConfig {
  type: 'realtime'
  model?: string
  instructions?: string
  output_modalities?: ('text' | 'audio')[]
  audio?: {
    input?: {
      format?: WireAudioFormat
      transcription?: { model?: string; language?: string; prompt?: string }
      noise_reduction?: { type: 'near_field' | 'far_field' }
      turn_detection?: WireTurnDetection | null
    }
    output?: { format?: WireAudioFormat; voice?: string; speed?: number }
  }
  tools?: WireFunctionTool[]
  tool_choice?: WireToolChoice
}

export interface WireContentPart {
  type: 'input_text' | 'input_audio' | 'input_image' | 'output_text' | 'output_audio' | 'text' | 'audio'
  text?: string | null
  transcript?: string | null
  audio?: string | null
  [key: string]: unknown
}

export interface WireMessageItem {
  id?: string
  object?: 'realtime.item'
  type: 'message'
  role: 'user' | 'assistant' | 'system'
  status?: 'completed' | 'incomplete' | 'in_progress'
  content: WireContentPart[]
}

export interface WireFunctionCallItem {
  id?: string
  object?: 'realtime.item'
  type: 'function_call'
  status?: 'completed' | 'incomplete' | 'in_progress'
  call_id?: string
  name: string
  arguments: string
}

export interface WireFunctionCallOutputItem {
  id?: string
  object?: 'realtime.item'
  type: 'function_call_output'
  status?: 'completed' | 'incomplete' | 'in_progress'
  call_id: string
  output: string
}

export type WireItem = WireMessageItem | WireFunctionCallItem | WireFunctionCallOutputItem

/** An item the client creates (`conversation.item.create`): stricter than what the server reports. */
export type ClientItem =
  | {
      id?: string
      type: 'message'
      role: 'user'
      content: (
        | { type: 'input_text'; text: string }
        | { type: 'input_audio'; audio: string; transcript?: string }
      )[]
    }
  | { id?: string; type: 'message'; role: 'system'; content: { type: 'input_text'; text: string }[] }
  | { id?: string; type: 'message'; role: 'assistant'; content: { type: 'output_text'; text: string }[] }
  | { id?: string; type: 'function_call'; call_id?: string; name: string; arguments: string }
  | { id?: string; type: 'function_call_output'; call_id: string; output: string }

// ---------------------------------------------------------------------------------------------
// Client events

export type ClientEvent =
  | { type: 'session.update'; event_id?: string; session: WireSessionConfig }
  | { type: 'input_audio_buffer.append'; event_id?: string; audio: string }
  | { type: 'input_audio_buffer.commit'; event_id?: string }
  | { type: 'input_audio_buffer.clear'; event_id?: string }
  | { type: 'output_audio_buffer.clear'; event_id?: string }
  | { type: 'conversation.item.create'; event_id?: string; previous_item_id?: string; item: ClientItem }
  | { type: 'conversation.item.delete'; event_id?: string; item_id: string }
  | { type: 'conversation.item.retrieve'; event_id?: string; item_id: string }
  | {
      type: 'conversation.item.truncate'
      event_id?: string
      item_id: string
      content_index: number
      audio_end_ms: number
    }
  | { type: 'response.create'; event_id?: string; response?: Record<string, unknown> }
  | { type: 'response.cancel'; event_id?: string; response_id?: string }

export type ClientEventType = ClientEvent['type']

// ---------------------------------------------------------------------------------------------
// Server events

/** Any server event: a `type` and whatever else the server sent. */
export interface ServerEvent {
  type: string
  event_id?: string
  [key: string]: unknown
}

export interface WireUsage {
  total_tokens?: number
  input_tokens?: number
  output_tokens?: number
  input_token_details?: Record<string, unknown>
  output_token_details?: Record<string, unknown>
}

export interface WireResponse {
  id: string
  object?: 'realtime.response'
  status?: 'in_progress' | 'completed' | 'cancelled' | 'failed' | 'incomplete'
  status_details?: Record<string, unknown> | null
  output?: WireItem[]
  usage?: WireUsage | null
  [key: string]: unknown
}

export interface WireServerError {
  type: string
  code?: string | null
  message: string
  param?: string | null
  event_id?: string | null
}

type Field = 'string' | 'number' | 'object' | 'array'

/**
 * Required fields of each server event the kit acts on, with their JSON types. An event of a known
 * type that lacks one is malformed; a type missing from this table is passed through untouched.
 */
export const SERVER_EVENT_FIELDS: Readonly<Record<string, Readonly<Record<string, Field>>>> = {
  error: { error: 'object' },
  'session.created': { session: 'object' },
  'session.updated': { session: 'object' },
  'conversation.item.added': { item: 'object' },
  'conversation.item.created': { item: 'object' },
  'conversation.item.done': { item: 'object' },
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
}

// The table as lists, built once: parsing is on the per-event path.
const FIELD_LISTS = new Map(
  Object.entries(SERVER_EVENT_FIELDS).map(([type, fields]) => [type, Object.entries(fields)]),
)

function hasType(value: unknown, kind: Field): boolean {
  if (kind === 'array') return Array.isArray(value)
  if (kind === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value)
  return typeof value === kind
}

export type ParsedServerEvent =
  | { ok: true; event: ServerEvent; known: boolean }
  | { ok: false; reason: string; event: ServerEvent | null }

const AUDIO_DELTA_TYPE = '"response.output_audio.delta"'
const DELTA_KEY = '"delta":"'

/**
 * Audio deltas are most of the traffic and most of their bytes are base64, which cannot contain a
 * quote or a backslash: cut the payload out and parse only the small rest. Anything unusual (no
 * plain `"delta":"` key, an escape in the payload) takes the ordinary path.
 */
function parseAudioDelta(data: string): ServerEvent | null {
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
    const event = JSON.parse(`${data.slice(0, from)}${data.slice(end)}`) as ServerEvent
    if (event.type !== 'response.output_audio.delta' || event.delta !== '') return null
    event.delta = data.slice(from, end)
    return event
  } catch {
    return null
  }
}

/** Parses one message from the socket and checks the shape of the events the kit acts on. */
export function parseServerEvent(data: unknown): ParsedServerEvent {
  let value: unknown = data
  if (typeof data === 'string') {
    try {
      value = parseAudioDelta(data) ?? JSON.parse(data)
    } catch {
      return { ok: false, reason: 'the message is not valid JSON', event: null }
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'the message is not a JSON object', event: null }
  }
  const event = value as ServerEvent
  if (typeof event.type !== 'string')
    return { ok: false, reason: 'the event has no string `type`', event: null }
  const fields = FIELD_LISTS.get(event.type)
  if (!fields) return { ok: true, event, known: false }
  for (const [name, kind] of fields) {
    if (!hasType(event[name], kind)) {
      return {
        ok: false,
        reason: `\`${event.type}\` needs \`${name}\` to be ${kind === 'array' ? 'an' : 'a'} ${kind}`,
        event,
      }
    }
  }
  return { ok: true, event, known: true }
}
