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
  invalidJson: (): ApiError => ({ code: 'invalid_json', message: 'The message is not valid JSON.' }),
  /** A client event that fails the official schema; `problem` comes from `checkEvent`. */
  invalidEvent: (problem: string): ApiError => ({
    code: problem.startsWith('Unknown') ? 'invalid_event' : 'invalid_value',
    message: problem,
  }),
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
