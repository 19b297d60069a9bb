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
  status_details?: {
    type?: string
    reason?: string | null
    error?: { type?: string; code?: string | null; message?: string } | null
  } | null
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
