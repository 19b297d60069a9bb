/** Every failure that crosses the kit's public API carries one of these codes, so apps can branch on it. */
export type RealtimeErrorCode =
  | 'auth_missing'
  | 'browser_api_key_refused'
  | 'client_secret_failed'
  | 'connection_failed'
  | 'connection_closed'
  | 'aborted'
  | 'session_closed'
  | 'server_error'
  | 'invalid_server_event'
  | 'invalid_config'
  | 'tool_not_found'
  | 'tool_invalid_arguments'
  | 'tool_execution_failed'
  | 'tool_timeout'
  | 'tool_rejected'
  | 'mcp_failed'
  | 'guardrail_failed'
  | 'microphone_denied'
  | 'microphone_unavailable'
  | 'device_lost'
  | 'audio_context_failed'
  | 'worklet_failed'
  | 'output_device_failed'

/** Options of a {@link RealtimeError}: the underlying cause and any server details. */
export interface RealtimeErrorOptions {
  cause?: unknown
  /** The Realtime API's own error code, when the server sent one (e.g. `invalid_value`). */
  serverCode?: string | null
  /** Extra structured context (close code, event type, tool name, ...). */
  details?: Record<string, unknown>
  /** The `event_id` of the server's `error` event, when the server sent one. */
  eventId?: string | null
  /** The `event_id` of the client event the server refused, when it named one. */
  clientEventId?: string | null
}

/** The one error class of the kit: a message that says what to do, and a typed `code`. */
export class RealtimeError extends Error {
  override readonly name = 'RealtimeError'
  readonly code: RealtimeErrorCode
  readonly serverCode: string | null
  readonly details: Record<string, unknown>
  /** The `event_id` of the server's `error` event (null for errors the kit raised itself). */
  readonly eventId: string | null
  /** The `event_id` of the client event the server refused (null when it named none). */
  readonly clientEventId: string | null

  constructor(code: RealtimeErrorCode, message: string, options: RealtimeErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.serverCode = options.serverCode ?? null
    this.details = options.details ?? {}
    this.eventId = options.eventId ?? null
    this.clientEventId = options.clientEventId ?? null
  }
}

/** Narrows an unknown value to a {@link RealtimeError}, optionally of one code. */
export function isRealtimeError(value: unknown, code?: RealtimeErrorCode): value is RealtimeError {
  return value instanceof RealtimeError && (code === undefined || value.code === code)
}

const AUDIO_ERRORS: ReadonlySet<RealtimeErrorCode> = new Set<RealtimeErrorCode>([
  'microphone_denied',
  'microphone_unavailable',
  'device_lost',
  'audio_context_failed',
])

/**
 * Whether an error closed the microphone or the audio while the session can stay up (text still
 * works): the error a UI answers with a retry of the microphone rather than a reconnect.
 */
export function isAudioError(error: RealtimeError | null): boolean {
  return error !== null && AUDIO_ERRORS.has(error.code)
}

/** A short human-readable message for anything thrown. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message
  if (typeof error === 'string') return error
  try {
    return JSON.stringify(error) ?? String(error)
  } catch {
    return String(error)
  }
}
