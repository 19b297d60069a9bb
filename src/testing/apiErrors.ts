import { type EventProblem, eventProblem } from './validation'

/** One refusal of the Realtime API, before it becomes an `error` event. */
export interface ApiError {
  code: string
  message: string
  param?: string | null
}

/** The `error` event the API sends for a refused client event (`clientEventId` names that event). */
export function errorEvent(error: ApiError, clientEventId?: string) {
  return {
    type: 'error',
    error: {
      type: 'invalid_request_error',
      code: error.code,
      message: error.message,
      param: error.param ?? null,
      event_id: clientEventId ?? null,
    },
  }
}

/** The API's refusals, with its own codes and wording, so clients meet them offline as they would online. */
export const apiErrors = {
  invalidApiKey: (): ApiError => ({
    code: 'invalid_api_key',
    message: 'Missing or invalid credentials: pass an API key or a client secret.',
  }),
  invalidJson: (): ApiError => ({
    code: 'invalid_json',
    message: 'Invalid event: failed to parse JSON value.',
  }),
  binaryFrame: (): ApiError => ({
    code: 'invalid_event',
    message: 'Expected a text WebSocket message; binary frames are not supported.',
  }),
  sessionExpired: (durationMs: number): ApiError => ({
    code: 'session_expired',
    message: `Your session hit the maximum duration of ${Math.round(durationMs / 60_000)} minutes.`,
  }),
  /** A client event the live API would refuse; `problem` comes from `eventProblem`, worded as the API words it. */
  invalidEvent: (problem: EventProblem): ApiError => {
    const param = problem.param
    switch (problem.kind) {
      case 'missing_type':
        return { code: 'missing_required_parameter', message: "Missing required parameter: 'type'.", param }
      case 'unknown_parameter':
        return { code: 'unknown_parameter', message: `Unknown parameter: '${param}'.`, param }
      case 'invalid_type':
        return {
          code: 'invalid_type',
          message: `Invalid type for '${param}': expected ${problem.expected === 'integer' ? 'an' : 'a'} ${problem.expected}, but got ${jsonTypeOf(problem.value)} instead.`,
          param,
        }
      default:
        return {
          code: 'invalid_value',
          message: problem.allowed
            ? `Invalid value: ${quoted(problem.value)}. Supported values are: ${problem.allowed.map(quoted).join(', ')}.`
            : `Invalid value for '${param}': ${problem.reason}`,
          param,
        }
    }
  },
  commitTooSmall: (minMs: number, bufferedMs: number): ApiError => ({
    code: 'input_audio_buffer_commit_empty',
    message: `Error committing input audio buffer: buffer too small. Expected at least ${minMs}ms of audio, but buffer only has ${Math.round(bufferedMs)}ms of audio.`,
  }),
  outputClearNeedsWebRtc: (): ApiError => ({
    code: 'invalid_event',
    message: 'output_audio_buffer.clear is only supported for WebRTC sessions.',
  }),
  itemNotFound: (action: 'retrieve' | 'delete', itemId: string): ApiError => ({
    code: `item_${action}_invalid_item_id`,
    message: `Item with item_id not found: ${itemId}`,
    param: 'item_id',
  }),
  previousItemNotFound: (itemId: string): ApiError => ({
    code: 'invalid_value',
    message: `Previous item with id ${itemId} not found.`,
    param: 'previous_item_id',
  }),
  itemExists: (itemId: string): ApiError => ({
    code: 'invalid_value',
    message: `Item with id ${itemId} already exists.`,
    param: 'item.id',
  }),
  outputWithoutCall: (callId: string): ApiError => ({
    code: 'invalid_value',
    message: `Tool call output for call_id ${callId} has no matching function call.`,
    param: 'item.call_id',
  }),
  truncateNotAssistant: (itemId: string): ApiError => ({
    code: 'item_truncate_invalid_item_id',
    message: `Item with item_id not found or not an assistant message: ${itemId}`,
    param: 'item_id',
  }),
  truncatePastAudio: (audioMs: number, audioEndMs: number): ApiError => ({
    code: 'invalid_value',
    message: `Audio content of ${Math.round(audioMs)}ms is already shorter than ${audioEndMs}ms`,
    param: 'audio_end_ms',
  }),
  responseActive: (responseId: string): ApiError => ({
    code: 'conversation_already_has_active_response',
    message: `Conversation already has an active response in progress: ${responseId}. Wait until the response is finished before creating a new one.`,
  }),
  unsupportedVoice: (voice: string, supported: readonly string[]): ApiError => ({
    code: 'invalid_value',
    message: `Invalid value: '${voice}'. Supported values are: ${supported.map((v) => `'${v}'`).join(', ')}.`,
    param: 'session.audio.output.voice',
  }),
  cancelNotActive: (): ApiError => ({
    code: 'response_cancel_not_active',
    message: 'Cancellation failed: no active response found',
  }),
}

/** Client event types in the order the live API lists them when it refuses an unknown one. */
const LIVE_TYPE_ORDER = [
  'session.update',
  'input_audio_buffer.append',
  'input_audio_buffer.commit',
  'input_audio_buffer.clear',
  'conversation.item.create',
  'conversation.item.retrieve',
  'conversation.item.truncate',
  'conversation.item.delete',
  'response.create',
  'response.cancel',
  'output_audio_buffer.clear',
]

function liveOrder(values: readonly unknown[]): unknown[] {
  const rank = (v: unknown) => {
    const i = LIVE_TYPE_ORDER.indexOf(String(v))
    return i < 0 ? LIVE_TYPE_ORDER.length : i
  }
  return [...values].sort((a, b) => rank(a) - rank(b))
}

function quoted(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value)
}

function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (Number.isInteger(value)) return 'an integer'
  const type = typeof value
  return type === 'object' ? 'an object' : `a ${type}`
}

/**
 * Why the live API would refuse a client event, as its `error` says it, or null. Requests are held
 * to the closed live schema: the `null`s the live API accepts pass, fields it does not know do not.
 */
export function clientEventProblem(event: unknown): (ApiError & { message: string }) | null {
  const problem = eventProblem('client', event, 'closed')
  if (problem?.kind === 'unknown_type' && problem.allowed)
    return apiErrors.invalidEvent({ ...problem, allowed: liveOrder(problem.allowed) })
  return problem ? apiErrors.invalidEvent(problem) : null
}
