import type { AudioFormat } from './codec/audioFormat'
import { toWireFormat } from './codec/audioFormat'
import type { WireSessionConfig, WireTool, WireToolChoice, WireTurnDetection } from './protocol'
import type { Voice } from './voice'

/** The model a session uses when `modelName` is not set. */
export const DEFAULT_MODEL = 'gpt-realtime'

/** Turn detection: server VAD (volume) or semantic VAD (a turn model); `null` turns it off (manual commits). */
export interface TurnDetection {
  type: 'server_vad' | 'semantic_vad'
  /** server_vad: activation threshold 0..1 (API default 0.5). */
  threshold?: number
  /** server_vad: silence that ends a turn, ms (API default 500). */
  silenceDurationMs?: number
  /** server_vad: audio kept before detected speech, ms (API default 300). */
  prefixPaddingMs?: number
  /** Cancel the assistant when the user starts speaking (API default true). */
  interruptResponse?: boolean
  /** Answer automatically when the user stops speaking (API default true). */
  createResponse?: boolean
  /** semantic_vad: how soon to answer (API default `auto`). */
  eagerness?: 'low' | 'medium' | 'high' | 'auto'
  /** server_vad: prompt the user after this much silence, 5000..30000 ms. */
  idleTimeoutMs?: number | null
}

/** The seed's `model_settings`, camelCased. Anything left out keeps the API's default. */
export interface RealtimeModelSettings {
  /** An open string; default `gpt-realtime`. */
  modelName?: string
  /** The session's voice when the agent sets none; one the API refuses throws before connecting. */
  voice?: Voice
  /** Output modalities. The API answers in one: `['text']` for text only, otherwise audio with a transcript. */
  modalities?: ('text' | 'audio')[]
  inputAudioFormat?: AudioFormat
  outputAudioFormat?: AudioFormat
  /** Transcribe the user's speech (`conversation.item.input_audio_transcription.*`); off when unset or null. */
  inputAudioTranscription?: { model?: string; language?: string; prompt?: string } | null
  turnDetection?: TurnDetection | null
  /** Speaking speed 0.25..1.5. */
  speed?: number
  /** Input noise reduction; off when unset or null. */
  noiseReduction?: 'near_field' | 'far_field' | null
  toolChoice?: WireToolChoice
}

/** `fields` without those left undefined: the API's defaults apply to them. */
function setFieldsOnly<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T
}

function turnDetectionToWire(td: TurnDetection): WireTurnDetection {
  const common = { create_response: td.createResponse, interrupt_response: td.interruptResponse }
  return setFieldsOnly<WireTurnDetection>(
    td.type === 'server_vad'
      ? {
          type: 'server_vad',
          threshold: td.threshold,
          prefix_padding_ms: td.prefixPaddingMs,
          silence_duration_ms: td.silenceDurationMs,
          idle_timeout_ms: td.idleTimeoutMs,
          ...common,
        }
      : { type: 'semantic_vad', eagerness: td.eagerness, ...common },
  )
}

/** What an agent contributes to the session: its instructions, tools and voice. */
export interface AgentSessionParts {
  instructions: string
  tools: WireTool[]
  voice?: Voice | undefined
}

/** Builds the GA `session.update` payload from model settings and the current agent. */
export function toSessionConfig(
  settings: RealtimeModelSettings,
  agent: AgentSessionParts,
): WireSessionConfig {
  const input: NonNullable<NonNullable<WireSessionConfig['audio']>['input']> = {}
  const output: NonNullable<NonNullable<WireSessionConfig['audio']>['output']> = {}
  if (settings.inputAudioFormat) input.format = toWireFormat(settings.inputAudioFormat)
  // The official schema has no null for transcription or noise reduction: off is leaving them out.
  if (settings.inputAudioTranscription) input.transcription = settings.inputAudioTranscription
  if (settings.noiseReduction) input.noise_reduction = { type: settings.noiseReduction }
  if (settings.turnDetection !== undefined) {
    input.turn_detection =
      settings.turnDetection === null ? null : turnDetectionToWire(settings.turnDetection)
  }
  if (settings.outputAudioFormat) output.format = toWireFormat(settings.outputAudioFormat)
  const voice = agent.voice ?? settings.voice
  if (voice) output.voice = voice
  if (settings.speed !== undefined) output.speed = settings.speed

  const config: WireSessionConfig = {
    type: 'realtime',
    model: settings.modelName ?? DEFAULT_MODEL,
    instructions: agent.instructions,
    tools: agent.tools,
  }
  if (settings.modalities)
    config.output_modalities = settings.modalities.includes('audio') ? ['audio'] : ['text']
  if (settings.toolChoice) config.tool_choice = settings.toolChoice
  const audio: WireSessionConfig['audio'] = {}
  if (Object.keys(input).length) audio.input = input
  if (Object.keys(output).length) audio.output = output
  if (audio.input || audio.output) config.audio = audio
  return config
}
