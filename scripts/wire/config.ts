/**
 * What `generate-wire.ts` knows beyond the schemas: where the live API differs from them, and the
 * names and documentation the generated types get.
 */
import { LIVE_OVERRIDES, type LiveOverride } from '../../src/testing/liveSchema'

export interface Schema {
  $ref?: string
  type?: string
  enum?: unknown[]
  const?: unknown
  nullable?: boolean
  anyOf?: Schema[]
  oneOf?: Schema[]
  allOf?: Schema[]
  properties?: Record<string, Schema>
  required?: string[]
  additionalProperties?: boolean | Schema
  items?: Schema
  description?: string
  default?: unknown
}

// ---------------------------------------------------------------------------------------------
// Where the live API differs from the schemas

/** Where the live API differs from the schemas: one list, shared with the simulator's validation. */
export type Override = LiveOverride

export const OVERRIDES = LIVE_OVERRIDES

// ---------------------------------------------------------------------------------------------
// Names

/** Events are named after their `type`; these would shadow a global (`ErrorEvent` is the DOM's). */
export const EVENT_NAME_EXCEPTIONS: Readonly<Record<string, string>> = { error: 'ServerErrorEvent' }

/** Inline objects worth a stable name of their own; paths that hold the same shape share a name. */
export const HOISTED: Readonly<Record<string, string>> = {
  'RealtimeAudioFormats/anyOf/0': 'RealtimePcmAudioFormat',
  'RealtimeAudioFormats/anyOf/1': 'RealtimePcmuAudioFormat',
  'RealtimeAudioFormats/anyOf/2': 'RealtimePcmaAudioFormat',
  'RealtimeTurnDetection/anyOf/0/oneOf/0': 'RealtimeServerVad',
  'RealtimeTurnDetection/anyOf/0/oneOf/1': 'RealtimeSemanticVad',
  'RealtimeSessionCreateRequestGA/properties/model': 'RealtimeModel',
  'RealtimeSessionCreateResponseGA/properties/model': 'RealtimeModel',
  'RealtimeSessionCreateRequestGA/properties/audio': 'RealtimeAudioConfig',
  'RealtimeSessionCreateRequestGA/properties/audio/properties/input': 'RealtimeAudioConfigInput',
  'RealtimeSessionCreateRequestGA/properties/audio/properties/output': 'RealtimeAudioConfigOutput',
  'RealtimeSessionCreateRequestGA/properties/audio/properties/input/properties/noise_reduction':
    'RealtimeNoiseReduction',
  'RealtimeSessionCreateResponseGA/properties/audio/properties/input/properties/noise_reduction':
    'RealtimeNoiseReduction',
  'RealtimeTranscriptionSessionCreateRequestGA/properties/audio/properties/input/properties/noise_reduction':
    'RealtimeNoiseReduction',
  'RealtimeTranscriptionSessionCreateResponseGA/properties/audio/properties/input/properties/noise_reduction':
    'RealtimeNoiseReduction',
  'RealtimeSessionCreateRequestGA/properties/tracing/oneOf/1': 'RealtimeTracingConfig',
  'RealtimeSessionCreateResponseGA/properties/tracing/anyOf/0/oneOf/1': 'RealtimeTracingConfig',
  'RealtimeConversationItemMessageSystem/properties/content/items': 'RealtimeSystemContentPart',
  'RealtimeConversationItemMessageUser/properties/content/items': 'RealtimeUserContentPart',
  'RealtimeConversationItemMessageAssistant/properties/content/items': 'RealtimeAssistantContentPart',
  'RealtimeServerEventResponseContentPartAdded/properties/part': 'RealtimeResponseContentPart',
  'RealtimeServerEventResponseContentPartDone/properties/part': 'RealtimeResponseContentPart',
  'RealtimeResponse/properties/status_details': 'RealtimeResponseStatusDetails',
  'RealtimeResponse/properties/usage': 'RealtimeResponseUsage',
  'RealtimeServerEventError/properties/error': 'RealtimeError',
  'RealtimeServerEventConversationItemInputAudioTranscriptionFailed/properties/error':
    'RealtimeTranscriptionError',
  'RealtimeServerEventRateLimitsUpdated/properties/rate_limits/items': 'RealtimeRateLimit',
}

/** TSDoc for declarations whose schema has no description: every export carries one. */
export const DOCS: Readonly<Record<string, string>> = {
  AudioTranscription: 'Input audio transcription settings, as the client sends them.',
  AudioTranscriptionResponse: 'Input audio transcription settings, as the server reports them.',
  CallableToolAllowedCaller: 'Who may call an MCP tool: the model directly, or a program.',
  FileInputDetail: 'The detail level of a file input.',
  ImageDetail: 'The detail level of an image input.',
  Metadata: 'String key-value pairs attached to an object; `null` when there are none.',
  Prompt: 'A reusable prompt template and its variables; `null` when there is none.',
  RealtimeAssistantContentPart:
    'A part of an assistant message: output text, or output audio with its transcript.',
  RealtimeAudioConfigInput:
    'Input audio settings: format, transcription, noise reduction and turn detection.',
  RealtimeAudioConfigOutput: 'Output audio settings: format, voice and speed.',
  RealtimeAudioFormats: 'An audio format: 24 kHz PCM16, G.711 μ-law or G.711 A-law.',
  RealtimeFunctionTool: 'A function the model may call.',
  RealtimeMCPHTTPError: 'An HTTP error from an MCP server.',
  RealtimeMCPProtocolError: 'An MCP protocol error.',
  RealtimeMCPToolExecutionError: 'An error raised while an MCP tool ran.',
  RealtimeRateLimit: 'One rate limit and what is left of it.',
  RealtimeSystemContentPart: 'A part of a system message: input text.',
  RealtimeTurnDetection:
    'Turn detection settings; `null` turns it off, and the client commits the audio itself.',
  RealtimeUserContentPart:
    'A part of a user message: input text, input audio with its transcript, or an image.',
  ResponsePromptVariables: 'Values for a prompt template, by variable name; `null` when there are none.',
  VoiceIdsShared: 'A voice: one of the built-in voices, or the name of another.',
}

export function pascal(words: string): string {
  return words
    .split(/[._]/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('')
}

export function eventName(type: string): string {
  return EVENT_NAME_EXCEPTIONS[type] ?? `${pascal(type)}Event`
}
