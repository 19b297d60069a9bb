import type { WireAudioFormat, WireItem, WireResponse, WireServerError } from './wire'

type ItemRef = { item_id: string }
type ContentRef = ItemRef & { response_id: string; output_index: number; content_index: number }

/** The fields of each server event the kit acts on, by type. */
interface ServerEventFields {
  error: { error: WireServerError }
  'session.created': { session: { audio?: { output?: { format?: WireAudioFormat } } } }
  'session.updated': { session: { audio?: { output?: { format?: WireAudioFormat } } } }
  'conversation.item.added': { item: WireItem; previous_item_id?: string | null }
  'conversation.item.created': { item: WireItem; previous_item_id?: string | null }
  'conversation.item.done': { item: WireItem; previous_item_id?: string | null }
  'conversation.item.retrieved': { item: WireItem }
  'conversation.item.deleted': ItemRef
  'conversation.item.truncated': ItemRef & { content_index: number; audio_end_ms: number }
  'conversation.item.input_audio_transcription.delta': ItemRef & { content_index?: number; delta?: string }
  'conversation.item.input_audio_transcription.completed': ItemRef & {
    content_index: number
    transcript: string
  }
  'conversation.item.input_audio_transcription.failed': ItemRef & {
    content_index: number
    error: { type?: string; code?: string; message?: string; param?: string }
  }
  'input_audio_buffer.speech_started': ItemRef & { audio_start_ms: number }
  'input_audio_buffer.speech_stopped': ItemRef & { audio_end_ms: number }
  'input_audio_buffer.committed': ItemRef & { previous_item_id?: string | null }
  'input_audio_buffer.timeout_triggered': ItemRef & { audio_start_ms: number; audio_end_ms: number }
  'output_audio_buffer.started': { response_id: string }
  'output_audio_buffer.stopped': { response_id: string }
  'output_audio_buffer.cleared': { response_id: string }
  'response.created': { response: WireResponse }
  'response.done': { response: WireResponse }
  'response.output_item.added': { response_id: string; output_index: number; item: WireItem }
  'response.output_item.done': { response_id: string; output_index: number; item: WireItem }
  'response.output_audio.delta': ContentRef & { delta: string }
  'response.output_audio.done': ContentRef
  'response.output_audio_transcript.delta': ContentRef & { delta: string }
  'response.output_audio_transcript.done': ContentRef & { transcript: string }
  'response.output_text.delta': ContentRef & { delta: string }
  'response.output_text.done': ContentRef & { text: string }
  'response.function_call_arguments.delta': ItemRef & { call_id: string; delta: string }
  'response.function_call_arguments.done': ItemRef & { call_id: string; name: string; arguments: string }
}

/** Every server event the kit acts on; `switch (event.type)` narrows. */
export type ServerEvent = {
  [K in keyof ServerEventFields]: { type: K; event_id?: string } & ServerEventFields[K]
}[keyof ServerEventFields]

export type ServerEventType = ServerEvent['type']

/** The server event of one type. */
export type ServerEventOf<T extends ServerEventType> = Extract<ServerEvent, { type: T }>

/** A server event as received: a `type` and whatever else the server sent (new or unknown types too). */
export interface RawServerEvent {
  type: string
  event_id?: string
  [key: string]: unknown
}
