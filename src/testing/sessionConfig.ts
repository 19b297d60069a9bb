import type { WireMcpTool, WireSessionConfig, WireTurnDetection } from '../core'
import { type AudioFormat, fromWireFormat } from '../core'

/** The session as the server reports it: the config plus its identity. */
export type ServerSession = Omit<WireSessionConfig, 'include'> & {
  object: 'realtime.session'
  id: string
  /** When the session ends, seconds since the epoch. */
  expires_at: number
  /** The live API reports `null` when nothing extra is included. */
  include: WireSessionConfig['include'] | null
}

const DEFAULT_INSTRUCTIONS = 'You are a helpful, friendly voice assistant.'

/** The server's session configuration: the API's defaults, changed by `session.update`. */
export class SessionConfig {
  #session: ServerSession

  /** `expiresAt`: when the session ends, in seconds since the epoch (the live API's `expires_at`). */
  constructor(id: string, expiresAt: number) {
    // Field for field, null for null, what the live API sends in session.created.
    this.#session = {
      type: 'realtime',
      object: 'realtime.session',
      id,
      model: 'gpt-realtime',
      output_modalities: ['audio'],
      instructions: DEFAULT_INSTRUCTIONS,
      tools: [],
      tool_choice: 'auto',
      max_output_tokens: 'inf',
      tracing: null,
      truncation: 'auto',
      prompt: null,
      expires_at: expiresAt,
      audio: {
        input: {
          format: { type: 'audio/pcm', rate: 24000 },
          transcription: null,
          noise_reduction: null,
          turn_detection: {
            type: 'server_vad',
            threshold: 0.5,
            prefix_padding_ms: 300,
            silence_duration_ms: 500,
            idle_timeout_ms: null,
            create_response: true,
            interrupt_response: true,
          },
        },
        output: { format: { type: 'audio/pcm', rate: 24000 }, voice: 'alloy', speed: 1 },
      },
      include: null,
    }
  }

  /** A copy to send in `session.created` / `session.updated`. */
  snapshot(): ServerSession {
    return structuredClone(this.#session)
  }

  /** Applies `session.update`: top-level fields replace, `audio.input` and `audio.output` merge. */
  update(update: WireSessionConfig): void {
    const { audio, ...rest } = update
    this.#session = { ...this.#session, ...rest }
    if (audio) {
      const current = this.#session.audio ?? {}
      this.#session.audio = {
        input: { ...current.input, ...audio.input },
        output: { ...current.output, ...audio.output },
      }
    }
  }

  /** Null when turn detection is off (manual turns). */
  get turnDetection(): WireTurnDetection | null {
    return this.#session.audio?.input?.turn_detection ?? null
  }
  get inputFormat(): AudioFormat {
    return fromWireFormat(this.#session.audio?.input?.format)
  }
  get outputFormat(): AudioFormat {
    return fromWireFormat(this.#session.audio?.output?.format)
  }
  /** The output format as the client set it, for the `response` object. */
  get outputWireFormat() {
    return this.#session.audio?.output?.format
  }
  get voice(): string {
    const voice = this.#session.audio?.output?.voice ?? 'alloy'
    return typeof voice === 'string' ? voice : voice.id
  }
  /** True when the answer is spoken (`output_modalities` includes audio). */
  get speaks(): boolean {
    return (this.#session.output_modalities ?? ['audio']).includes('audio')
  }
  /** True when user speech is transcribed (`audio.input.transcription` is set). */
  get transcribes(): boolean {
    return Boolean(this.#session.audio?.input?.transcription)
  }
  get toolNames(): string[] {
    return (this.#session.tools ?? []).map((t) => (t.type === 'mcp' ? t.server_label : (t.name ?? '')))
  }
  /** The hosted MCP servers the session names. */
  get mcpTools(): WireMcpTool[] {
    return (this.#session.tools ?? []).filter((t) => t.type === 'mcp')
  }
  get instructions(): string {
    return this.#session.instructions ?? ''
  }
}
