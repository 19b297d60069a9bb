// Generated from src/testing/schemas/realtime-schemas.json (openai/openai-openapi openapi.yaml @ f85dbe223d40)
// by `npm run generate:wire` (scripts/generate-wire.ts). Do not edit by hand: change the script or
// the schemas and regenerate; `npm run check:wire` fails when this file is stale.
// Where the live API sends what the schemas forbid, the script's OVERRIDES list widens the type and
// says which real traffic shows it.

// ---------------------------------------------------------------------------------------------
// Server events

/** Every GA server event type, for telling known types from unknown ones at runtime. */
export const SERVER_EVENT_TYPES = [
  'conversation.created',
  'conversation.item.added',
  'conversation.item.created',
  'conversation.item.deleted',
  'conversation.item.done',
  'conversation.item.input_audio_transcription.completed',
  'conversation.item.input_audio_transcription.delta',
  'conversation.item.input_audio_transcription.failed',
  'conversation.item.input_audio_transcription.segment',
  'conversation.item.retrieved',
  'conversation.item.truncated',
  'error',
  'input_audio_buffer.cleared',
  'input_audio_buffer.committed',
  'input_audio_buffer.dtmf_event_received',
  'input_audio_buffer.speech_started',
  'input_audio_buffer.speech_stopped',
  'input_audio_buffer.timeout_triggered',
  'mcp_list_tools.completed',
  'mcp_list_tools.failed',
  'mcp_list_tools.in_progress',
  'output_audio_buffer.cleared',
  'output_audio_buffer.started',
  'output_audio_buffer.stopped',
  'rate_limits.updated',
  'response.content_part.added',
  'response.content_part.done',
  'response.created',
  'response.done',
  'response.function_call_arguments.delta',
  'response.function_call_arguments.done',
  'response.mcp_call.completed',
  'response.mcp_call.failed',
  'response.mcp_call.in_progress',
  'response.mcp_call_arguments.delta',
  'response.mcp_call_arguments.done',
  'response.output_audio.delta',
  'response.output_audio.done',
  'response.output_audio_transcript.delta',
  'response.output_audio_transcript.done',
  'response.output_item.added',
  'response.output_item.done',
  'response.output_text.delta',
  'response.output_text.done',
  'session.created',
  'session.updated',
] as const

/** A GA server event of the Realtime API; `switch (event.type)` narrows it. */
export type ServerEvent =
  | ConversationCreatedEvent
  | ConversationItemAddedEvent
  | ConversationItemCreatedEvent
  | ConversationItemDeletedEvent
  | ConversationItemDoneEvent
  | ConversationItemInputAudioTranscriptionCompletedEvent
  | ConversationItemInputAudioTranscriptionDeltaEvent
  | ConversationItemInputAudioTranscriptionFailedEvent
  | ConversationItemInputAudioTranscriptionSegmentEvent
  | ConversationItemRetrievedEvent
  | ConversationItemTruncatedEvent
  | ServerErrorEvent
  | InputAudioBufferClearedEvent
  | InputAudioBufferCommittedEvent
  | InputAudioBufferDtmfEventReceivedEvent
  | InputAudioBufferSpeechStartedEvent
  | InputAudioBufferSpeechStoppedEvent
  | InputAudioBufferTimeoutTriggeredEvent
  | McpListToolsCompletedEvent
  | McpListToolsFailedEvent
  | McpListToolsInProgressEvent
  | OutputAudioBufferClearedEvent
  | OutputAudioBufferStartedEvent
  | OutputAudioBufferStoppedEvent
  | RateLimitsUpdatedEvent
  | ResponseContentPartAddedEvent
  | ResponseContentPartDoneEvent
  | ResponseCreatedEvent
  | ResponseDoneEvent
  | ResponseFunctionCallArgumentsDeltaEvent
  | ResponseFunctionCallArgumentsDoneEvent
  | ResponseMcpCallCompletedEvent
  | ResponseMcpCallFailedEvent
  | ResponseMcpCallInProgressEvent
  | ResponseMcpCallArgumentsDeltaEvent
  | ResponseMcpCallArgumentsDoneEvent
  | ResponseOutputAudioDeltaEvent
  | ResponseOutputAudioDoneEvent
  | ResponseOutputAudioTranscriptDeltaEvent
  | ResponseOutputAudioTranscriptDoneEvent
  | ResponseOutputItemAddedEvent
  | ResponseOutputItemDoneEvent
  | ResponseOutputTextDeltaEvent
  | ResponseOutputTextDoneEvent
  | SessionCreatedEvent
  | SessionUpdatedEvent

/** The `type` of a server event. */
export type ServerEventType = ServerEvent['type']

/** The server event of one `type`. */
export type ServerEventOf<T extends ServerEventType> = Extract<ServerEvent, { type: T }>

/** Returned when a conversation is created. Emitted right after session creation. */
export interface ConversationCreatedEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `conversation.created`. */
  type: 'conversation.created'
  /** The conversation resource. */
  conversation: {
    /** The unique ID of the conversation. */
    id?: string
    /** The object type, must be `realtime.conversation`. */
    object?: string
  }
}

/**
 * Sent by the server when an Item is added to the default Conversation. This can happen in several cases:
 * - When the client sends a `conversation.item.create` event.
 * - When the input audio buffer is committed. In this case the item will be a user message containing the audio from the buffer.
 * - When the model is generating a Response. In this case the `conversation.item.added` event will be sent when the model starts generating a specific Item, and thus it will not yet have any content (and `status` will be `in_progress`).
 *
 * The event will include the full content of the Item (except when model is generating a Response) except for audio data, which can be retrieved separately with a `conversation.item.retrieve` event if necessary.
 */
export interface ConversationItemAddedEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `conversation.item.added`. */
  type: 'conversation.item.added'
  previous_item_id?: string | null
  item: RealtimeConversationItem
}

/**
 * Returned when a conversation item is created. There are several scenarios that produce this event:
 *   - The server is generating a Response, which if successful will produce
 *     either one or two Items, which will be of type `message`
 *     (role `assistant`) or type `function_call`.
 *   - The input audio buffer has been committed, either by the client or the
 *     server (in `server_vad` mode). The server will take the content of the
 *     input audio buffer and add it to a new user message Item.
 *   - The client has sent a `conversation.item.create` event to add a new Item
 *     to the Conversation.
 */
export interface ConversationItemCreatedEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `conversation.item.created`. */
  type: 'conversation.item.created'
  previous_item_id?: string | null
  item: RealtimeConversationItem
}

/**
 * Returned when an item in the conversation is deleted by the client with a
 * `conversation.item.delete` event. This event is used to synchronize the
 * server's understanding of the conversation history with the client's view.
 */
export interface ConversationItemDeletedEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `conversation.item.deleted`. */
  type: 'conversation.item.deleted'
  /** The ID of the item that was deleted. */
  item_id: string
}

/**
 * Returned when a conversation item is finalized.
 *
 * The event will include the full content of the Item except for audio data, which can be retrieved separately with a `conversation.item.retrieve` event if needed.
 */
export interface ConversationItemDoneEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `conversation.item.done`. */
  type: 'conversation.item.done'
  previous_item_id?: string | null
  item: RealtimeConversationItem
}

/**
 * This event is the output of audio transcription for user audio written to the
 * user audio buffer. Transcription begins when the input audio buffer is
 * committed by the client or server (when VAD is enabled). Transcription runs
 * asynchronously with Response creation, so this event may come before or after
 * the Response events.
 *
 * Realtime API models accept audio natively, and thus input transcription is a
 * separate process run on a separate ASR (Automatic Speech Recognition) model.
 * The transcript may diverge somewhat from the model's interpretation, and
 * should be treated as a rough guide.
 */
export interface ConversationItemInputAudioTranscriptionCompletedEvent {
  /** The unique ID of the server event. */
  event_id: string
  /**
   * The event type, must be
   * `conversation.item.input_audio_transcription.completed`.
   */
  type: 'conversation.item.input_audio_transcription.completed'
  /** The ID of the item containing the audio that is being transcribed. */
  item_id: string
  /** The index of the content part containing the audio. */
  content_index: number
  /** The transcribed text. */
  transcript: string
  /**
   * The languages detected in the audio. Returned by `gpt-transcribe`. An empty array indicates that no language could be reliably detected.
   */
  languages?: TranscriptionLanguage[]
  logprobs?: LogProbProperties[] | null
  /**
   * Usage statistics for the transcription, this is billed according to the ASR model's pricing rather than the realtime model's pricing.
   */
  usage: TranscriptTextUsageTokens | TranscriptTextUsageDuration
}

/**
 * Returned when the text value of an input audio transcription content part is updated with incremental transcription results.
 */
export interface ConversationItemInputAudioTranscriptionDeltaEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `conversation.item.input_audio_transcription.delta`. */
  type: 'conversation.item.input_audio_transcription.delta'
  /** The ID of the item containing the audio that is being transcribed. */
  item_id: string
  /** The index of the content part in the item's content array. */
  content_index?: number
  /** The text delta. */
  delta?: string
  logprobs?: LogProbProperties[] | null
  /**
   * Random padding that hides the length of the delta; carries no content. Sent by the live API, absent from the schema.
   */
  obfuscation?: string
}

/**
 * Returned when input audio transcription is configured, and a transcription
 * request for a user message failed. These events are separate from other
 * `error` events so that the client can identify the related Item.
 */
export interface ConversationItemInputAudioTranscriptionFailedEvent {
  /** The unique ID of the server event. */
  event_id: string
  /**
   * The event type, must be
   * `conversation.item.input_audio_transcription.failed`.
   */
  type: 'conversation.item.input_audio_transcription.failed'
  /** The ID of the user message item. */
  item_id: string
  /** The index of the content part containing the audio. */
  content_index: number
  /** Details of the transcription error. */
  error: RealtimeTranscriptionError
}

/** Returned when an input audio transcription segment is identified for an item. */
export interface ConversationItemInputAudioTranscriptionSegmentEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `conversation.item.input_audio_transcription.segment`. */
  type: 'conversation.item.input_audio_transcription.segment'
  /** The ID of the item containing the input audio content. */
  item_id: string
  /** The index of the input audio content part within the item. */
  content_index: number
  /** The text for this segment. */
  text: string
  /** The segment identifier. */
  id: string
  /** The detected speaker label for this segment. */
  speaker: string
  /** Start time of the segment in seconds. */
  start: number
  /** End time of the segment in seconds. */
  end: number
}

/**
 * Returned when a conversation item is retrieved with `conversation.item.retrieve`. This is provided as a way to fetch the server's representation of an item, for example to get access to the post-processed audio data after noise cancellation and VAD. It includes the full content of the Item, including audio data.
 */
export interface ConversationItemRetrievedEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `conversation.item.retrieved`. */
  type: 'conversation.item.retrieved'
  item: RealtimeConversationItem
}

/**
 * Returned when an earlier assistant audio message item is truncated by the
 * client with a `conversation.item.truncate` event. This event is used to
 * synchronize the server's understanding of the audio with the client's playback.
 *
 * This action will truncate the audio and remove the server-side text transcript
 * to ensure there is no text in the context that hasn't been heard by the user.
 */
export interface ConversationItemTruncatedEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `conversation.item.truncated`. */
  type: 'conversation.item.truncated'
  /** The ID of the assistant message item that was truncated. */
  item_id: string
  /** The index of the content part that was truncated. */
  content_index: number
  /** The duration up to which the audio was truncated, in milliseconds. */
  audio_end_ms: number
}

/**
 * Returned when an error occurs, which could be a client problem or a server
 * problem. Most errors are recoverable and the session will stay open, we
 * recommend to implementors to monitor and log error messages by default.
 */
export interface ServerErrorEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `error`. */
  type: 'error'
  /** Details of the error. */
  error: RealtimeError
}

/**
 * Returned when the input audio buffer is cleared by the client with a
 * `input_audio_buffer.clear` event.
 */
export interface InputAudioBufferClearedEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `input_audio_buffer.cleared`. */
  type: 'input_audio_buffer.cleared'
}

/**
 * Returned when an input audio buffer is committed, either by the client or
 * automatically in server VAD mode. The `item_id` property is the ID of the user
 * message item that will be created, thus a `conversation.item.created` event
 * will also be sent to the client.
 */
export interface InputAudioBufferCommittedEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `input_audio_buffer.committed`. */
  type: 'input_audio_buffer.committed'
  previous_item_id?: string | null
  /** The ID of the user message item that will be created. */
  item_id: string
}

/**
 * **SIP Only:** Returned when an DTMF event is received. A DTMF event is a message that
 * represents a telephone keypad press (0–9, *, #, A–D). The `event` property
 * is the keypad that the user press. The `received_at` is the UTC Unix Timestamp
 * that the server received the event.
 */
export interface InputAudioBufferDtmfEventReceivedEvent {
  /** The event type, must be `input_audio_buffer.dtmf_event_received`. */
  type: 'input_audio_buffer.dtmf_event_received'
  /** The telephone keypad that was pressed by the user. */
  event: string
  /** UTC Unix Timestamp when DTMF Event was received by server. */
  received_at: number
}

/**
 * Sent by the server when in `server_vad` mode to indicate that speech has been
 * detected in the audio buffer. This can happen any time audio is added to the
 * buffer (unless speech is already detected). The client may want to use this
 * event to interrupt audio playback or provide visual feedback to the user.
 *
 * The client should expect to receive a `input_audio_buffer.speech_stopped` event
 * when speech stops. The `item_id` property is the ID of the user message item
 * that will be created when speech stops and will also be included in the
 * `input_audio_buffer.speech_stopped` event (unless the client manually commits
 * the audio buffer during VAD activation).
 */
export interface InputAudioBufferSpeechStartedEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `input_audio_buffer.speech_started`. */
  type: 'input_audio_buffer.speech_started'
  /**
   * Milliseconds from the start of all audio written to the buffer during the
   * session when speech was first detected. This will correspond to the
   * beginning of audio sent to the model, and thus includes the
   * `prefix_padding_ms` configured in the Session.
   */
  audio_start_ms: number
  /** The ID of the user message item that will be created when speech stops. */
  item_id: string
}

/**
 * Returned in `server_vad` mode when the server detects the end of speech in
 * the audio buffer. The server will also send an `conversation.item.created`
 * event with the user message item that is created from the audio buffer.
 */
export interface InputAudioBufferSpeechStoppedEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `input_audio_buffer.speech_stopped`. */
  type: 'input_audio_buffer.speech_stopped'
  /**
   * Milliseconds since the session started when speech stopped. This will
   * correspond to the end of audio sent to the model, and thus includes the
   * `min_silence_duration_ms` configured in the Session.
   */
  audio_end_ms: number
  /** The ID of the user message item that will be created. */
  item_id: string
}

/**
 * Returned when the Server VAD timeout is triggered for the input audio buffer. This is configured
 * with `idle_timeout_ms` in the `turn_detection` settings of the session, and it indicates that
 * there hasn't been any speech detected for the configured duration.
 *
 * The `audio_start_ms` and `audio_end_ms` fields indicate the segment of audio after the last
 * model response up to the triggering time, as an offset from the beginning of audio written
 * to the input audio buffer. This means it demarcates the segment of audio that was silent and
 * the difference between the start and end values will roughly match the configured timeout.
 *
 * The empty audio will be committed to the conversation as an `input_audio` item (there will be a
 * `input_audio_buffer.committed` event) and a model response will be generated. There may be speech
 * that didn't trigger VAD but is still detected by the model, so the model may respond with
 * something relevant to the conversation or a prompt to continue speaking.
 */
export interface InputAudioBufferTimeoutTriggeredEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `input_audio_buffer.timeout_triggered`. */
  type: 'input_audio_buffer.timeout_triggered'
  /**
   * Millisecond offset of audio written to the input audio buffer that was after the playback time of the last model response.
   */
  audio_start_ms: number
  /**
   * Millisecond offset of audio written to the input audio buffer at the time the timeout was triggered.
   */
  audio_end_ms: number
  /** The ID of the item associated with this segment. */
  item_id: string
}

/** Returned when listing MCP tools has completed for an item. */
export interface McpListToolsCompletedEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `mcp_list_tools.completed`. */
  type: 'mcp_list_tools.completed'
  /** The ID of the MCP list tools item. */
  item_id: string
}

/** Returned when listing MCP tools has failed for an item. */
export interface McpListToolsFailedEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `mcp_list_tools.failed`. */
  type: 'mcp_list_tools.failed'
  /** The ID of the MCP list tools item. */
  item_id: string
}

/** Returned when listing MCP tools is in progress for an item. */
export interface McpListToolsInProgressEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `mcp_list_tools.in_progress`. */
  type: 'mcp_list_tools.in_progress'
  /** The ID of the MCP list tools item. */
  item_id: string
}

/**
 * **WebRTC/SIP Only:** Emitted when the output audio buffer is cleared. This happens either in VAD
 * mode when the user has interrupted (`input_audio_buffer.speech_started`),
 * or when the client has emitted the `output_audio_buffer.clear` event to manually
 * cut off the current audio response.
 * [Learn more](/docs/guides/realtime-conversations#client-and-server-events-for-audio-in-webrtc).
 */
export interface OutputAudioBufferClearedEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `output_audio_buffer.cleared`. */
  type: 'output_audio_buffer.cleared'
  /** The unique ID of the response that produced the audio. */
  response_id: string
}

/**
 * **WebRTC/SIP Only:** Emitted when the server begins streaming audio to the client. This event is
 * emitted after an audio content part has been added (`response.content_part.added`)
 * to the response.
 * [Learn more](/docs/guides/realtime-conversations#client-and-server-events-for-audio-in-webrtc).
 */
export interface OutputAudioBufferStartedEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `output_audio_buffer.started`. */
  type: 'output_audio_buffer.started'
  /** The unique ID of the response that produced the audio. */
  response_id: string
}

/**
 * **WebRTC/SIP Only:** Emitted when the output audio buffer has been completely drained on the server,
 * and no more audio is forthcoming. This event is emitted after the full response
 * data has been sent to the client (`response.done`).
 * [Learn more](/docs/guides/realtime-conversations#client-and-server-events-for-audio-in-webrtc).
 */
export interface OutputAudioBufferStoppedEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `output_audio_buffer.stopped`. */
  type: 'output_audio_buffer.stopped'
  /** The unique ID of the response that produced the audio. */
  response_id: string
}

/**
 * Emitted at the beginning of a Response to indicate the updated rate limits.
 * When a Response is created some tokens will be "reserved" for the output
 * tokens, the rate limits shown here reflect that reservation, which is then
 * adjusted accordingly once the Response is completed.
 */
export interface RateLimitsUpdatedEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `rate_limits.updated`. */
  type: 'rate_limits.updated'
  /** List of rate limit information. */
  rate_limits: RealtimeRateLimit[]
}

/**
 * Returned when a new content part is added to an assistant message item during
 * response generation.
 */
export interface ResponseContentPartAddedEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `response.content_part.added`. */
  type: 'response.content_part.added'
  /** The ID of the response. */
  response_id: string
  /** The ID of the item to which the content part was added. */
  item_id: string
  /** The index of the output item in the response. */
  output_index: number
  /** The index of the content part in the item's content array. */
  content_index: number
  /** The content part that was added. */
  part: RealtimeResponseContentPart
}

/**
 * Returned when a content part is done streaming in an assistant message item.
 * Also emitted when a Response is interrupted, incomplete, or cancelled.
 */
export interface ResponseContentPartDoneEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `response.content_part.done`. */
  type: 'response.content_part.done'
  /** The ID of the response. */
  response_id: string
  /** The ID of the item. */
  item_id: string
  /** The index of the output item in the response. */
  output_index: number
  /** The index of the content part in the item's content array. */
  content_index: number
  /** The content part that is done. */
  part: RealtimeResponseContentPart
}

/**
 * Returned when a new Response is created. The first event of response creation,
 * where the response is in an initial state of `in_progress`.
 */
export interface ResponseCreatedEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `response.created`. */
  type: 'response.created'
  response: RealtimeResponse
}

/**
 * Returned when a Response is done streaming. Always emitted, no matter the
 * final state. The Response object included in the `response.done` event will
 * include all output Items in the Response but will omit the raw audio data.
 *
 * Clients should check the `status` field of the Response to determine if it was successful
 * (`completed`) or if there was another outcome: `cancelled`, `failed`, or `incomplete`.
 *
 * A response will contain all output items that were generated during the response, excluding
 * any audio content.
 */
export interface ResponseDoneEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `response.done`. */
  type: 'response.done'
  response: RealtimeResponse
}

/** Returned when the model-generated function call arguments are updated. */
export interface ResponseFunctionCallArgumentsDeltaEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `response.function_call_arguments.delta`. */
  type: 'response.function_call_arguments.delta'
  /** The ID of the response. */
  response_id: string
  /** The ID of the function call item. */
  item_id: string
  /** The index of the output item in the response. */
  output_index: number
  /** The ID of the function call. */
  call_id: string
  /** The arguments delta as a JSON string. */
  delta: string
}

/**
 * Returned when the model-generated function call arguments are done streaming.
 * Also emitted when a Response is interrupted, incomplete, or cancelled.
 */
export interface ResponseFunctionCallArgumentsDoneEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `response.function_call_arguments.done`. */
  type: 'response.function_call_arguments.done'
  /** The ID of the response. */
  response_id: string
  /** The ID of the function call item. */
  item_id: string
  /** The index of the output item in the response. */
  output_index: number
  /** The ID of the function call. */
  call_id: string
  /** The name of the function that was called. */
  name: string
  /** The final arguments as a JSON string. */
  arguments: string
}

/** Returned when an MCP tool call has completed successfully. */
export interface ResponseMcpCallCompletedEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `response.mcp_call.completed`. */
  type: 'response.mcp_call.completed'
  /** The index of the output item in the response. */
  output_index: number
  /** The ID of the MCP tool call item. */
  item_id: string
}

/** Returned when an MCP tool call has failed. */
export interface ResponseMcpCallFailedEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `response.mcp_call.failed`. */
  type: 'response.mcp_call.failed'
  /** The index of the output item in the response. */
  output_index: number
  /** The ID of the MCP tool call item. */
  item_id: string
}

/** Returned when an MCP tool call has started and is in progress. */
export interface ResponseMcpCallInProgressEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `response.mcp_call.in_progress`. */
  type: 'response.mcp_call.in_progress'
  /** The index of the output item in the response. */
  output_index: number
  /** The ID of the MCP tool call item. */
  item_id: string
}

/** Returned when MCP tool call arguments are updated during response generation. */
export interface ResponseMcpCallArgumentsDeltaEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `response.mcp_call_arguments.delta`. */
  type: 'response.mcp_call_arguments.delta'
  /** The ID of the response. */
  response_id: string
  /** The ID of the MCP tool call item. */
  item_id: string
  /** The index of the output item in the response. */
  output_index: number
  /** The JSON-encoded arguments delta. */
  delta: string
  obfuscation?: string | null
}

/** Returned when MCP tool call arguments are finalized during response generation. */
export interface ResponseMcpCallArgumentsDoneEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `response.mcp_call_arguments.done`. */
  type: 'response.mcp_call_arguments.done'
  /** The ID of the response. */
  response_id: string
  /** The ID of the MCP tool call item. */
  item_id: string
  /** The index of the output item in the response. */
  output_index: number
  /** The final JSON-encoded arguments string. */
  arguments: string
}

/** Returned when the model-generated audio is updated. */
export interface ResponseOutputAudioDeltaEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `response.output_audio.delta`. */
  type: 'response.output_audio.delta'
  /** The ID of the response. */
  response_id: string
  /** The ID of the item. */
  item_id: string
  /** The index of the output item in the response. */
  output_index: number
  /** The index of the content part in the item's content array. */
  content_index: number
  /** Base64-encoded audio data delta. */
  delta: string
}

/**
 * Returned when the model-generated audio is done. Also emitted when a Response
 * is interrupted, incomplete, or cancelled.
 */
export interface ResponseOutputAudioDoneEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `response.output_audio.done`. */
  type: 'response.output_audio.done'
  /** The ID of the response. */
  response_id: string
  /** The ID of the item. */
  item_id: string
  /** The index of the output item in the response. */
  output_index: number
  /** The index of the content part in the item's content array. */
  content_index: number
}

/** Returned when the model-generated transcription of audio output is updated. */
export interface ResponseOutputAudioTranscriptDeltaEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `response.output_audio_transcript.delta`. */
  type: 'response.output_audio_transcript.delta'
  /** The ID of the response. */
  response_id: string
  /** The ID of the item. */
  item_id: string
  /** The index of the output item in the response. */
  output_index: number
  /** The index of the content part in the item's content array. */
  content_index: number
  /** The transcript delta. */
  delta: string
  /**
   * Random padding that hides the length of the delta; carries no content. Sent by the live API, absent from the schema.
   */
  obfuscation?: string
}

/**
 * Returned when the model-generated transcription of audio output is done
 * streaming. Also emitted when a Response is interrupted, incomplete, or
 * cancelled.
 */
export interface ResponseOutputAudioTranscriptDoneEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `response.output_audio_transcript.done`. */
  type: 'response.output_audio_transcript.done'
  /** The ID of the response. */
  response_id: string
  /** The ID of the item. */
  item_id: string
  /** The index of the output item in the response. */
  output_index: number
  /** The index of the content part in the item's content array. */
  content_index: number
  /** The final transcript of the audio. */
  transcript: string
}

/** Returned when a new Item is created during Response generation. */
export interface ResponseOutputItemAddedEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `response.output_item.added`. */
  type: 'response.output_item.added'
  /** The ID of the Response to which the item belongs. */
  response_id: string
  /** The index of the output item in the Response. */
  output_index: number
  item: RealtimeConversationItem
}

/**
 * Returned when an Item is done streaming. Also emitted when a Response is
 * interrupted, incomplete, or cancelled.
 */
export interface ResponseOutputItemDoneEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `response.output_item.done`. */
  type: 'response.output_item.done'
  /** The ID of the Response to which the item belongs. */
  response_id: string
  /** The index of the output item in the Response. */
  output_index: number
  item: RealtimeConversationItem
}

/** Returned when the text value of an "output_text" content part is updated. */
export interface ResponseOutputTextDeltaEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `response.output_text.delta`. */
  type: 'response.output_text.delta'
  /** The ID of the response. */
  response_id: string
  /** The ID of the item. */
  item_id: string
  /** The index of the output item in the response. */
  output_index: number
  /** The index of the content part in the item's content array. */
  content_index: number
  /** The text delta. */
  delta: string
}

/**
 * Returned when the text value of an "output_text" content part is done streaming. Also
 * emitted when a Response is interrupted, incomplete, or cancelled.
 */
export interface ResponseOutputTextDoneEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `response.output_text.done`. */
  type: 'response.output_text.done'
  /** The ID of the response. */
  response_id: string
  /** The ID of the item. */
  item_id: string
  /** The index of the output item in the response. */
  output_index: number
  /** The index of the content part in the item's content array. */
  content_index: number
  /** The final text content. */
  text: string
}

/**
 * Returned when a Session is created. Emitted automatically when a new
 * connection is established as the first server event. This event will contain
 * the default Session configuration.
 */
export interface SessionCreatedEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `session.created`. */
  type: 'session.created'
  /** The session configuration. */
  session: RealtimeSessionCreateResponseGA | RealtimeTranscriptionSessionCreateResponseGA
}

/**
 * Returned when a session is updated with a `session.update` event, unless
 * there is an error.
 */
export interface SessionUpdatedEvent {
  /** The unique ID of the server event. */
  event_id: string
  /** The event type, must be `session.updated`. */
  type: 'session.updated'
  /** The session configuration. */
  session: RealtimeSessionCreateResponseGA | RealtimeTranscriptionSessionCreateResponseGA
}

// ---------------------------------------------------------------------------------------------
// Client events

/** Every GA client event type, for telling known types from unknown ones at runtime. */
export const CLIENT_EVENT_TYPES = [
  'conversation.item.create',
  'conversation.item.delete',
  'conversation.item.retrieve',
  'conversation.item.truncate',
  'input_audio_buffer.append',
  'input_audio_buffer.clear',
  'input_audio_buffer.commit',
  'output_audio_buffer.clear',
  'response.cancel',
  'response.create',
  'session.update',
] as const

/** A GA client event of the Realtime API; `switch (event.type)` narrows it. */
export type ClientEvent =
  | ConversationItemCreateEvent
  | ConversationItemDeleteEvent
  | ConversationItemRetrieveEvent
  | ConversationItemTruncateEvent
  | InputAudioBufferAppendEvent
  | InputAudioBufferClearEvent
  | InputAudioBufferCommitEvent
  | OutputAudioBufferClearEvent
  | ResponseCancelEvent
  | ResponseCreateEvent
  | SessionUpdateEvent

/** The `type` of a client event. */
export type ClientEventType = ClientEvent['type']

/** The client event of one `type`. */
export type ClientEventOf<T extends ClientEventType> = Extract<ClientEvent, { type: T }>

/**
 * Add a new Item to the Conversation's context, including messages, function
 * calls, and function call responses. This event can be used both to populate a
 * "history" of the conversation and to add new items mid-stream, but has the
 * current limitation that it cannot populate assistant audio messages.
 *
 * If successful, the server will respond with a `conversation.item.created`
 * event, otherwise an `error` event will be sent.
 */
export interface ConversationItemCreateEvent {
  /** Optional client-generated ID used to identify this event. */
  event_id?: string
  /** The event type, must be `conversation.item.create`. */
  type: 'conversation.item.create'
  /**
   * The ID of the preceding item after which the new item will be inserted. If not set, the new item will be appended to the end of the conversation.
   *
   * If set to `root`, the new item will be added to the beginning of the conversation.
   *
   * If set to an existing ID, it allows an item to be inserted mid-conversation. If the ID cannot be found, an error will be returned and the item will not be added.
   */
  previous_item_id?: string
  item: RealtimeConversationItem
}

/**
 * Send this event when you want to remove any item from the conversation
 * history. The server will respond with a `conversation.item.deleted` event,
 * unless the item does not exist in the conversation history, in which case the
 * server will respond with an error.
 */
export interface ConversationItemDeleteEvent {
  /** Optional client-generated ID used to identify this event. */
  event_id?: string
  /** The event type, must be `conversation.item.delete`. */
  type: 'conversation.item.delete'
  /** The ID of the item to delete. */
  item_id: string
}

/**
 * Send this event when you want to retrieve the server's representation of a specific item in the conversation history. This is useful, for example, to inspect user audio after noise cancellation and VAD.
 * The server will respond with a `conversation.item.retrieved` event,
 * unless the item does not exist in the conversation history, in which case the
 * server will respond with an error.
 */
export interface ConversationItemRetrieveEvent {
  /** Optional client-generated ID used to identify this event. */
  event_id?: string
  /** The event type, must be `conversation.item.retrieve`. */
  type: 'conversation.item.retrieve'
  /** The ID of the item to retrieve. */
  item_id: string
}

/**
 * Send this event to truncate a previous assistant message’s audio. The server
 * will produce audio faster than realtime, so this event is useful when the user
 * interrupts to truncate audio that has already been sent to the client but not
 * yet played. This will synchronize the server's understanding of the audio with
 * the client's playback.
 *
 * Truncating audio will delete the server-side text transcript to ensure there
 * is not text in the context that hasn't been heard by the user.
 *
 * If successful, the server will respond with a `conversation.item.truncated`
 * event.
 */
export interface ConversationItemTruncateEvent {
  /** Optional client-generated ID used to identify this event. */
  event_id?: string
  /** The event type, must be `conversation.item.truncate`. */
  type: 'conversation.item.truncate'
  /**
   * The ID of the assistant message item to truncate. Only assistant message
   * items can be truncated.
   */
  item_id: string
  /** The index of the content part to truncate. Set this to `0`. */
  content_index: number
  /**
   * Inclusive duration up to which audio is truncated, in milliseconds. If
   * the audio_end_ms is greater than the actual audio duration, the server
   * will respond with an error.
   */
  audio_end_ms: number
}

/**
 * Send this event to append audio bytes to the input audio buffer. The audio
 * buffer is temporary storage you can write to and later commit. A "commit" will create a new
 * user message item in the conversation history from the buffer content and clear the buffer.
 * Input audio transcription (if enabled) will be generated when the buffer is committed.
 *
 * If VAD is enabled the audio buffer is used to detect speech and the server will decide
 * when to commit. When Server VAD is disabled, you must commit the audio buffer
 * manually. Input audio noise reduction operates on writes to the audio buffer.
 *
 * The client may choose how much audio to place in each event up to a maximum
 * of 15 MiB, for example streaming smaller chunks from the client may allow the
 * VAD to be more responsive. Unlike most other client events, the server will
 * not send a confirmation response to this event.
 */
export interface InputAudioBufferAppendEvent {
  /** Optional client-generated ID used to identify this event. */
  event_id?: string
  /** The event type, must be `input_audio_buffer.append`. */
  type: 'input_audio_buffer.append'
  /**
   * Base64-encoded audio bytes. This must be in the format specified by the
   * `input_audio_format` field in the session configuration.
   */
  audio: string
}

/**
 * Send this event to clear the audio bytes in the buffer. The server will
 * respond with an `input_audio_buffer.cleared` event.
 */
export interface InputAudioBufferClearEvent {
  /** Optional client-generated ID used to identify this event. */
  event_id?: string
  /** The event type, must be `input_audio_buffer.clear`. */
  type: 'input_audio_buffer.clear'
}

/**
 * Send this event to commit the user input audio buffer, which will create a  new user message item in the conversation. This event will produce an error  if the input audio buffer is empty. When in Server VAD mode, the client does  not need to send this event, the server will commit the audio buffer  automatically.
 *
 * Committing the input audio buffer will trigger input audio transcription  (if enabled in session configuration), but it will not create a response  from the model. The server will respond with an `input_audio_buffer.committed` event.
 */
export interface InputAudioBufferCommitEvent {
  /** Optional client-generated ID used to identify this event. */
  event_id?: string
  /** The event type, must be `input_audio_buffer.commit`. */
  type: 'input_audio_buffer.commit'
}

/**
 * **WebRTC/SIP Only:** Emit to cut off the current audio response. This will trigger the server to
 * stop generating audio and emit a `output_audio_buffer.cleared` event. This
 * event should be preceded by a `response.cancel` client event to stop the
 * generation of the current response.
 * [Learn more](/docs/guides/realtime-conversations#client-and-server-events-for-audio-in-webrtc).
 */
export interface OutputAudioBufferClearEvent {
  /** The unique ID of the client event used for error handling. */
  event_id?: string
  /** The event type, must be `output_audio_buffer.clear`. */
  type: 'output_audio_buffer.clear'
}

/**
 * Send this event to cancel an in-progress response. The server will respond
 * with a `response.done` event with a status of `response.status=cancelled`. If
 * there is no response to cancel, the server will respond with an error. It's safe
 * to call `response.cancel` even if no response is in progress, an error will be
 * returned the session will remain unaffected.
 */
export interface ResponseCancelEvent {
  /** Optional client-generated ID used to identify this event. */
  event_id?: string
  /** The event type, must be `response.cancel`. */
  type: 'response.cancel'
  /**
   * A specific response ID to cancel - if not provided, will cancel an
   * in-progress response in the default conversation.
   */
  response_id?: string
}

/**
 * This event instructs the server to create a Response, which means triggering
 * model inference. When in Server VAD mode, the server will create Responses
 * automatically.
 *
 * A Response will include at least one Item, and may have two, in which case
 * the second will be a function call. These Items will be appended to the
 * conversation history by default.
 *
 * The server will respond with a `response.created` event, events for Items
 * and content created, and finally a `response.done` event to indicate the
 * Response is complete.
 *
 * The `response.create` event includes inference configuration like
 * `instructions` and `tools`. If these are set, they will override the Session's
 * configuration for this Response only.
 *
 * Responses can be created out-of-band of the default Conversation, meaning that they can
 * have arbitrary input, and it's possible to disable writing the output to the Conversation.
 * Only one Response can write to the default Conversation at a time, but otherwise multiple
 * Responses can be created in parallel. The `metadata` field is a good way to disambiguate
 * multiple simultaneous Responses.
 *
 * Clients can set `conversation` to `none` to create a Response that does not write to the default
 * Conversation. Arbitrary input can be provided with the `input` field, which is an array accepting
 * raw Items and references to existing Items.
 */
export interface ResponseCreateEvent {
  /** Optional client-generated ID used to identify this event. */
  event_id?: string
  /** The event type, must be `response.create`. */
  type: 'response.create'
  response?: RealtimeResponseCreateParams
}

/**
 * Send this event to update the session’s configuration.
 * The client may send this event at any time to update any field
 * except for `voice` and `model`. `voice` can be updated only if there have been no other audio outputs yet.
 *
 * When the server receives a `session.update`, it will respond
 * with a `session.updated` event showing the full, effective configuration.
 * Only the fields that are present in the `session.update` are updated. To clear a field like
 * `instructions`, pass an empty string. To clear a field like `tools`, pass an empty array.
 * To clear a field like `turn_detection`, pass `null`.
 */
export interface SessionUpdateEvent {
  /**
   * Optional client-generated ID used to identify this event. This is an arbitrary string that a client may assign. It will be passed back if there is an error with the event, but the corresponding `session.updated` event will not include it.
   */
  event_id?: string
  /** The event type, must be `session.update`. */
  type: 'session.update'
  /**
   * Update the Realtime session. Choose either a realtime
   * session or a transcription session.
   */
  session: RealtimeSessionCreateRequestGA | RealtimeTranscriptionSessionCreateRequestGA
}

// ---------------------------------------------------------------------------------------------
// Objects the events carry

/** Input audio transcription settings, as the client sends them. */
export interface AudioTranscription {
  /**
   * The model to use for transcription. Current options are `whisper-1`, `gpt-transcribe`, `gpt-live-transcribe`, `gpt-4o-mini-transcribe`, `gpt-4o-mini-transcribe-2025-12-15`, `gpt-4o-transcribe`, `gpt-4o-transcribe-diarize`, and `gpt-realtime-whisper`. Use `gpt-4o-transcribe-diarize` when you need diarization with speaker labels.
   */
  model?:
    | (string & {})
    | 'whisper-1'
    | 'gpt-transcribe'
    | 'gpt-live-transcribe'
    | 'gpt-4o-mini-transcribe'
    | 'gpt-4o-mini-transcribe-2025-12-15'
    | 'gpt-4o-transcribe'
    | 'gpt-4o-transcribe-diarize'
    | 'gpt-realtime-whisper'
  /**
   * The language of the input audio. Supplying the input language in
   * [ISO-639-1](https://en.wikipedia.org/wiki/List_of_ISO_639-1_codes) (e.g. `en`) format
   * will improve accuracy and latency.
   */
  language?: string
  /**
   * Possible languages of the input audio, in [ISO-639-1](https://en.wikipedia.org/wiki/List_of_ISO_639-1_codes) format. Supported by `gpt-transcribe` and `gpt-live-transcribe`.
   */
  languages?: string[]
  /**
   * Words or phrases to guide transcription of the input audio. Supported by `gpt-transcribe` and `gpt-live-transcribe`.
   */
  keywords?: string[]
  /**
   * An optional text to guide the model's style or continue a previous audio
   * segment.
   * For `whisper-1`, the [prompt is a list of keywords](/docs/guides/speech-to-text#prompting).
   * For `gpt-4o-transcribe` models (excluding `gpt-4o-transcribe-diarize`), the prompt is a free text string, for example "expect words related to technology".
   * Prompt is not supported with `gpt-realtime-whisper` in GA Realtime sessions.
   */
  prompt?: string
  /**
   * Controls how long the model waits before emitting transcription text.
   * Higher values can improve transcription accuracy at the cost of latency.
   * Only supported with `gpt-realtime-whisper` in GA Realtime sessions.
   */
  delay?: 'minimal' | 'low' | 'medium' | 'high' | 'xhigh'
}

/** Input audio transcription settings, as the server reports them. */
export interface AudioTranscriptionResponse {
  /**
   * The model used for transcription. Current options are `whisper-1`, `gpt-transcribe`, `gpt-live-transcribe`, `gpt-4o-mini-transcribe`, `gpt-4o-mini-transcribe-2025-12-15`, `gpt-4o-transcribe`, `gpt-4o-transcribe-diarize`, and `gpt-realtime-whisper`.
   */
  model?:
    | (string & {})
    | 'whisper-1'
    | 'gpt-transcribe'
    | 'gpt-live-transcribe'
    | 'gpt-4o-mini-transcribe'
    | 'gpt-4o-mini-transcribe-2025-12-15'
    | 'gpt-4o-transcribe'
    | 'gpt-4o-transcribe-diarize'
    | 'gpt-realtime-whisper'
  /** The language of the input audio. */
  language?: string
  /**
   * The possible input audio languages configured for transcription, in [ISO-639-1](https://en.wikipedia.org/wiki/List_of_ISO_639-1_codes) format.
   */
  languages?: string[]
  /** The prompt configured for input audio transcription, when present. */
  prompt?: string
}

/** Who may call an MCP tool: the model directly, or a program. */
export type CallableToolAllowedCaller = 'direct' | 'programmatic'

/** The detail level of a file input. */
export type FileInputDetail = 'auto' | 'low' | 'high'

/** The detail level of an image input. */
export type ImageDetail = 'low' | 'high' | 'auto' | 'original'

/** A file input to the model. */
export interface InputFileContent {
  /**
   * The type of the input item. Always `input_file`.
   *
   * @defaultValue `"input_file"`
   */
  type: 'input_file'
  file_id?: string | null
  /** The name of the file to be sent to the model. */
  filename?: string
  /** The content of the file to be sent to the model. */
  file_data?: string
  prompt_cache_breakpoint?: PromptCacheBreakpointConfig
  /** The URL of the file to be sent to the model. */
  file_url?: string
  /**
   * The detail level of the file to be sent to the model. Use `auto` to let the system select the detail level; for GPT-5.6 and later models, `auto` uses high-quality rendering, which may increase input token usage. Use `low` for lower-cost rendering, or `high` to render the file at higher quality. Defaults to `auto`.
   */
  detail?: FileInputDetail
}

/** An image input to the model. Learn about [image inputs](/docs/guides/vision). */
export interface InputImageContent {
  /**
   * The type of the input item. Always `input_image`.
   *
   * @defaultValue `"input_image"`
   */
  type: 'input_image'
  image_url?: string | null
  file_id?: string | null
  /**
   * The detail level of the image to be sent to the model. One of `high`, `low`, `auto`, or `original`. Defaults to `auto`.
   */
  detail: ImageDetail
  prompt_cache_breakpoint?: PromptCacheBreakpointConfig
}

/** A text input to the model. */
export interface InputTextContent {
  /**
   * The type of the input item. Always `input_text`.
   *
   * @defaultValue `"input_text"`
   */
  type: 'input_text'
  /** The text input to the model. */
  text: string
  prompt_cache_breakpoint?: PromptCacheBreakpointConfig
}

/** A log probability object. */
export interface LogProbProperties {
  /** The token that was used to generate the log probability. */
  token: string
  /** The log probability of the token. */
  logprob: number
  /** The bytes that were used to generate the log probability. */
  bytes: number[]
}

/** A tool available on an MCP server. */
export interface MCPListToolsTool {
  /** The name of the tool. */
  name: string
  description?: string | null
  /** The JSON schema describing the tool's input. */
  input_schema: Record<string, unknown>
  annotations?: Record<string, unknown> | null
}

/**
 * Give the model access to additional tools via remote Model Context Protocol
 * (MCP) servers. [Learn more about MCP](/docs/guides/tools-remote-mcp).
 */
export interface MCPTool {
  /** The type of the MCP tool. Always `mcp`. */
  type: 'mcp'
  /** A label for this MCP server, used to identify it in tool calls. */
  server_label: string
  /**
   * The URL for the MCP server. One of `server_url`, `connector_id`, or
   * `tunnel_id` must be provided.
   */
  server_url?: string
  /**
   * Identifier for service connectors, like those available in ChatGPT. One of
   * `server_url`, `connector_id`, or `tunnel_id` must be provided. Learn more
   * about service connectors [here](/docs/guides/tools-remote-mcp#connectors).
   *
   * Currently supported `connector_id` values are:
   *
   * - Dropbox: `connector_dropbox`
   * - Gmail: `connector_gmail`
   * - Google Calendar: `connector_googlecalendar`
   * - Google Drive: `connector_googledrive`
   * - Microsoft Teams: `connector_microsoftteams`
   * - Outlook Calendar: `connector_outlookcalendar`
   * - Outlook Email: `connector_outlookemail`
   * - SharePoint: `connector_sharepoint`
   */
  connector_id?:
    | 'connector_dropbox'
    | 'connector_gmail'
    | 'connector_googlecalendar'
    | 'connector_googledrive'
    | 'connector_microsoftteams'
    | 'connector_outlookcalendar'
    | 'connector_outlookemail'
    | 'connector_sharepoint'
  /**
   * The Secure MCP Tunnel ID to use instead of a direct server URL. One of
   * `server_url`, `connector_id`, or `tunnel_id` must be provided.
   */
  tunnel_id?: string
  /**
   * An OAuth access token that can be used with a remote MCP server, either
   * with a custom MCP server URL or a service connector. Your application
   * must handle the OAuth authorization flow and provide the token here.
   */
  authorization?: string
  /** Optional description of the MCP server, used to provide more context. */
  server_description?: string
  headers?: Record<string, string> | null
  allowed_tools?: string[] | MCPToolFilter | null
  allowed_callers?: CallableToolAllowedCaller[] | null
  require_approval?:
    | {
        always?: MCPToolFilter
        never?: MCPToolFilter
      }
    | 'always'
    | 'never'
    | null
  /** Whether this MCP tool is deferred and discovered via tool search. */
  defer_loading?: boolean
}

/** A filter object to specify which tools are allowed. */
export interface MCPToolFilter {
  /** List of allowed tool names. */
  tool_names?: string[]
  /**
   * Indicates whether or not a tool modifies data or is read-only. If an
   * MCP server is [annotated with `readOnlyHint`](https://modelcontextprotocol.io/specification/2025-06-18/schema#toolannotations-readonlyhint),
   * it will match this filter.
   */
  read_only?: boolean
}

/** String key-value pairs attached to an object; `null` when there are none. */
export type Metadata = Record<string, string> | null

/**
 * Type of noise reduction. `near_field` is for close-talking microphones such as headphones, `far_field` is for far-field microphones such as laptop or conference room microphones.
 */
export type NoiseReductionType = 'near_field' | 'far_field'

/** A reusable prompt template and its variables; `null` when there is none. */
export type Prompt = {
  /** The unique identifier of the prompt template to use. */
  id: string
  version?: string | null
  variables?: ResponsePromptVariables
} | null

/**
 * Marks the exact end of a reusable prompt prefix. The breakpoint inherits its TTL from the request's `prompt_cache_options.ttl`; the boundary is not rounded to a token block.
 */
export interface PromptCacheBreakpointConfig {
  /**
   * The breakpoint mode. Always `explicit`.
   *
   * @defaultValue `"explicit"`
   */
  mode: 'explicit'
}

/** A part of an assistant message: output text, or output audio with its transcript. */
export interface RealtimeAssistantContentPart {
  /**
   * The content type, `output_text` or `output_audio` depending on the session `output_modalities` configuration.
   */
  type?: 'output_text' | 'output_audio'
  /** The text content. */
  text?: string
  /**
   * Base64-encoded audio bytes, these will be parsed as the format specified in the session output audio type configuration. This defaults to PCM 16-bit 24kHz mono if not specified.
   */
  audio?: string
  /** The transcript of the audio content, this will always be present if the output type is `audio`. */
  transcript?: string
}

/** Configuration for input and output audio. */
export interface RealtimeAudioConfig {
  input?: RealtimeAudioConfigInput
  output?: RealtimeAudioConfigOutput
}

/** Input audio settings: format, transcription, noise reduction and turn detection. */
export interface RealtimeAudioConfigInput {
  /** The format of the input audio. */
  format?: RealtimeAudioFormats
  /**
   * Configuration for input audio transcription, defaults to off and can be set to `null` to turn off once on. Input audio transcription is not native to the model, since the model consumes audio directly. Transcription runs asynchronously through [the /audio/transcriptions endpoint](/docs/api-reference/audio/createTranscription) and should be treated as guidance of input audio content rather than precisely what the model heard. The client can optionally set the language and prompt for transcription, these offer additional guidance to the transcription service.
   *
   * The live API sends or accepts `null` here although the schema does not allow it.
   */
  transcription?: AudioTranscription | null
  /**
   * Configuration for input audio noise reduction. This can be set to `null` to turn off.
   * Noise reduction filters audio added to the input audio buffer before it is sent to VAD and the model.
   * Filtering the audio can improve VAD and turn detection accuracy (reducing false positives) and model performance by improving perception of the input audio.
   *
   * @defaultValue `null`
   *
   * The live API sends or accepts `null` here although the schema does not allow it.
   */
  noise_reduction?: RealtimeNoiseReduction | null
  turn_detection?: RealtimeTurnDetection
}

/** Output audio settings: format, voice and speed. */
export interface RealtimeAudioConfigOutput {
  /** The format of the output audio. */
  format?: RealtimeAudioFormats
  /**
   * The voice the model uses to respond. Supported built-in voices are
   * `alloy`, `ash`, `ballad`, `coral`, `echo`, `sage`, `shimmer`, `verse`,
   * `marin`, and `cedar`. You may also provide a custom voice object with
   * an `id`, for example `{ "id": "voice_1234" }`. Voice cannot be changed
   * during the session once the model has responded with audio at least once.
   * We recommend `marin` and `cedar` for best quality.
   *
   * @defaultValue `"alloy"`
   */
  voice?: VoiceIdsOrCustomVoice
  /**
   * The speed of the model's spoken response as a multiple of the original speed.
   * 1.0 is the default speed. 0.25 is the minimum speed. 1.5 is the maximum speed. This value can only be changed in between model turns, not while a response is in progress.
   *
   * This parameter is a post-processing adjustment to the audio after it is generated, it's
   * also possible to prompt the model to speak faster or slower.
   *
   * @defaultValue `1`
   */
  speed?: number
}

/** An audio format: 24 kHz PCM16, G.711 μ-law or G.711 A-law. */
export type RealtimeAudioFormats = RealtimePcmAudioFormat | RealtimePcmuAudioFormat | RealtimePcmaAudioFormat

/** A single item within a Realtime conversation. */
export type RealtimeConversationItem =
  | RealtimeConversationItemMessageSystem
  | RealtimeConversationItemMessageUser
  | RealtimeConversationItemMessageAssistant
  | RealtimeConversationItemFunctionCall
  | RealtimeConversationItemFunctionCallOutput
  | RealtimeMCPApprovalResponse
  | RealtimeMCPListTools
  | RealtimeMCPToolCall
  | RealtimeMCPApprovalRequest

/** A function call item in a Realtime conversation. */
export interface RealtimeConversationItemFunctionCall {
  /** The unique ID of the item. This may be provided by the client or generated by the server. */
  id?: string
  /**
   * Identifier for the API object being returned - always `realtime.item`. Optional when creating a new item.
   */
  object?: 'realtime.item'
  /** The type of the item. Always `function_call`. */
  type: 'function_call'
  /** The status of the item. Has no effect on the conversation. */
  status?: 'completed' | 'incomplete' | 'in_progress'
  /** The ID of the function call. */
  call_id?: string
  /** The name of the function being called. */
  name: string
  /**
   * The arguments of the function call. This is a JSON-encoded string representing the arguments passed to the function, for example `{"arg1": "value1", "arg2": 42}`.
   */
  arguments: string
}

/** A function call output item in a Realtime conversation. */
export interface RealtimeConversationItemFunctionCallOutput {
  /** The unique ID of the item. This may be provided by the client or generated by the server. */
  id?: string
  /**
   * Identifier for the API object being returned - always `realtime.item`. Optional when creating a new item.
   */
  object?: 'realtime.item'
  /** The type of the item. Always `function_call_output`. */
  type: 'function_call_output'
  /** The status of the item. Has no effect on the conversation. */
  status?: 'completed' | 'incomplete' | 'in_progress'
  /** The ID of the function call this output is for. */
  call_id: string
  /**
   * The output of the function call, this is free text and can contain any information or simply be empty.
   */
  output: string
}

/** An assistant message item in a Realtime conversation. */
export interface RealtimeConversationItemMessageAssistant {
  /** The unique ID of the item. This may be provided by the client or generated by the server. */
  id?: string
  /**
   * Identifier for the API object being returned - always `realtime.item`. Optional when creating a new item.
   */
  object?: 'realtime.item'
  /** The type of the item. Always `message`. */
  type: 'message'
  /** The status of the item. Has no effect on the conversation. */
  status?: 'completed' | 'incomplete' | 'in_progress'
  /** The role of the message sender. Always `assistant`. */
  role: 'assistant'
  /** The content of the message. */
  content: RealtimeAssistantContentPart[]
}

/**
 * A system message in a Realtime conversation can be used to provide additional context or instructions to the model. This is similar but distinct from the instruction prompt provided at the start of a conversation, as system messages can be added at any point in the conversation. For major changes to the conversation's behavior, use instructions, but for smaller updates (e.g. "the user is now asking about a different topic"), use system messages.
 */
export interface RealtimeConversationItemMessageSystem {
  /** The unique ID of the item. This may be provided by the client or generated by the server. */
  id?: string
  /**
   * Identifier for the API object being returned - always `realtime.item`. Optional when creating a new item.
   */
  object?: 'realtime.item'
  /** The type of the item. Always `message`. */
  type: 'message'
  /** The status of the item. Has no effect on the conversation. */
  status?: 'completed' | 'incomplete' | 'in_progress'
  /** The role of the message sender. Always `system`. */
  role: 'system'
  /** The content of the message. */
  content: RealtimeSystemContentPart[]
}

/** A user message item in a Realtime conversation. */
export interface RealtimeConversationItemMessageUser {
  /** The unique ID of the item. This may be provided by the client or generated by the server. */
  id?: string
  /**
   * Identifier for the API object being returned - always `realtime.item`. Optional when creating a new item.
   */
  object?: 'realtime.item'
  /** The type of the item. Always `message`. */
  type: 'message'
  /** The status of the item. Has no effect on the conversation. */
  status?: 'completed' | 'incomplete' | 'in_progress'
  /** The role of the message sender. Always `user`. */
  role: 'user'
  /** The content of the message. */
  content: RealtimeUserContentPart[]
}

/** Details of the error. */
export interface RealtimeError {
  /** The type of error (e.g., "invalid_request_error", "server_error"). */
  type: string
  code?: string | null
  /** A human-readable error message. */
  message: string
  param?: string | null
  event_id?: string | null
}

/** A function the model may call. */
export interface RealtimeFunctionTool {
  /** The type of the tool, i.e. `function`. */
  type?: 'function'
  /** The name of the function. */
  name?: string
  /**
   * The description of the function, including guidance on when and how
   * to call it, and guidance about what to tell the user when calling
   * (if anything).
   */
  description?: string
  /** Parameters of the function in JSON Schema. */
  parameters?: Record<string, unknown>
}

/** A Realtime item requesting human approval of a tool invocation. */
export interface RealtimeMCPApprovalRequest {
  /** The type of the item. Always `mcp_approval_request`. */
  type: 'mcp_approval_request'
  /** The unique ID of the approval request. */
  id: string
  /** The label of the MCP server making the request. */
  server_label: string
  /** The name of the tool to run. */
  name: string
  /** A JSON string of arguments for the tool. */
  arguments: string
}

/** A Realtime item responding to an MCP approval request. */
export interface RealtimeMCPApprovalResponse {
  /** The type of the item. Always `mcp_approval_response`. */
  type: 'mcp_approval_response'
  /** The unique ID of the approval response. */
  id: string
  /** The ID of the approval request being answered. */
  approval_request_id: string
  /** Whether the request was approved. */
  approve: boolean
  reason?: string | null
}

/** An HTTP error from an MCP server. */
export interface RealtimeMCPHTTPError {
  type: 'http_error'
  code: number
  message: string
}

/** A Realtime item listing tools available on an MCP server. */
export interface RealtimeMCPListTools {
  /** The type of the item. Always `mcp_list_tools`. */
  type: 'mcp_list_tools'
  /** The unique ID of the list. */
  id?: string
  /** The label of the MCP server. */
  server_label: string
  /** The tools available on the server. */
  tools: MCPListToolsTool[]
}

/** An MCP protocol error. */
export interface RealtimeMCPProtocolError {
  type: 'protocol_error'
  code: number
  message: string
}

/** A Realtime item representing an invocation of a tool on an MCP server. */
export interface RealtimeMCPToolCall {
  /** The type of the item. Always `mcp_call`. */
  type: 'mcp_call'
  /** The unique ID of the tool call. */
  id: string
  /** The label of the MCP server running the tool. */
  server_label: string
  /** The name of the tool that was run. */
  name: string
  /** A JSON string of the arguments passed to the tool. */
  arguments: string
  approval_request_id?: string | null
  output?: string | null
  error?: RealtimeMCPProtocolError | RealtimeMCPToolExecutionError | RealtimeMCPHTTPError | null
}

/** An error raised while an MCP tool ran. */
export interface RealtimeMCPToolExecutionError {
  type: 'tool_execution_error'
  message: string
}

/** The Realtime model used for this session. */
export type RealtimeModel =
  | (string & {})
  | 'gpt-realtime'
  | 'gpt-realtime-1.5'
  | 'gpt-realtime-2'
  | 'gpt-realtime-2.1'
  | 'gpt-realtime-2.1-mini'
  | 'gpt-realtime-2025-08-28'
  | 'gpt-4o-realtime-preview'
  | 'gpt-4o-realtime-preview-2024-10-01'
  | 'gpt-4o-realtime-preview-2024-12-17'
  | 'gpt-4o-realtime-preview-2025-06-03'
  | 'gpt-4o-mini-realtime-preview'
  | 'gpt-4o-mini-realtime-preview-2024-12-17'
  | 'gpt-realtime-mini'
  | 'gpt-realtime-mini-2025-10-06'
  | 'gpt-realtime-mini-2025-12-15'
  | 'gpt-audio-1.5'
  | 'gpt-audio-mini'
  | 'gpt-audio-mini-2025-10-06'
  | 'gpt-audio-mini-2025-12-15'

/**
 * Configuration for input audio noise reduction. This can be set to `null` to turn off.
 * Noise reduction filters audio added to the input audio buffer before it is sent to VAD and the model.
 * Filtering the audio can improve VAD and turn detection accuracy (reducing false positives) and model performance by improving perception of the input audio.
 */
export interface RealtimeNoiseReduction {
  type?: NoiseReductionType
}

/** The PCM audio format. Only a 24kHz sample rate is supported. */
export interface RealtimePcmAudioFormat {
  /** The audio format. Always `audio/pcm`. */
  type?: 'audio/pcm'
  /** The sample rate of the audio. Always `24000`. */
  rate?: 24000
}

/** The G.711 A-law format. */
export interface RealtimePcmaAudioFormat {
  /** The audio format. Always `audio/pcma`. */
  type?: 'audio/pcma'
}

/** The G.711 μ-law format. */
export interface RealtimePcmuAudioFormat {
  /** The audio format. Always `audio/pcmu`. */
  type?: 'audio/pcmu'
}

/** One rate limit and what is left of it. */
export interface RealtimeRateLimit {
  /** The name of the rate limit (`requests`, `tokens`). */
  name?: 'requests' | 'tokens'
  /** The maximum allowed value for the rate limit. */
  limit?: number
  /** The remaining value before the limit is reached. */
  remaining?: number
  /** Seconds until the rate limit resets. */
  reset_seconds?: number
}

/** Configuration for reasoning-capable Realtime models such as `gpt-realtime-2`. */
export interface RealtimeReasoning {
  effort?: RealtimeReasoningEffort
}

/**
 * Constrains effort on reasoning for reasoning-capable Realtime models such as
 * `gpt-realtime-2`.
 */
export type RealtimeReasoningEffort = 'minimal' | 'low' | 'medium' | 'high' | 'xhigh'

/** The response resource. */
export interface RealtimeResponse {
  /** The unique ID of the response, will look like `resp_1234`. */
  id?: string
  /** The object type, must be `realtime.response`. */
  object?: 'realtime.response'
  /**
   * The final status of the response (`completed`, `cancelled`, `failed`, or
   * `incomplete`, `in_progress`).
   */
  status?: 'completed' | 'cancelled' | 'failed' | 'incomplete' | 'in_progress'
  /**
   * Additional details about the status.
   *
   * The live API sends or accepts `null` here although the schema does not allow it.
   */
  status_details?: RealtimeResponseStatusDetails | null
  /** The list of output items generated by the response. */
  output?: RealtimeConversationItem[]
  metadata?: Metadata
  /** Configuration for audio output. */
  audio?: {
    output?: {
      /** The format of the output audio. */
      format?: RealtimeAudioFormats
      /**
       * The voice the model uses to respond. Voice cannot be changed during the
       * session once the model has responded with audio at least once. Current
       * voice options are `alloy`, `ash`, `ballad`, `coral`, `echo`, `sage`,
       * `shimmer`, `verse`, `marin`, and `cedar`. We recommend `marin` and `cedar` for
       * best quality.
       *
       * @defaultValue `"alloy"`
       */
      voice?: VoiceIdsShared
    }
  }
  /**
   * Usage statistics for the Response, this will correspond to billing. A
   * Realtime API session will maintain a conversation context and append new
   * Items to the Conversation, thus output from previous turns (text and
   * audio tokens) will become the input for later turns.
   *
   * The live API sends or accepts `null` here although the schema does not allow it.
   */
  usage?: RealtimeResponseUsage | null
  /**
   * Which conversation the response is added to, determined by the `conversation`
   * field in the `response.create` event. If `auto`, the response will be added to
   * the default conversation and the value of `conversation_id` will be an id like
   * `conv_1234`. If `none`, the response will not be added to any conversation and
   * the value of `conversation_id` will be `null`. If responses are being triggered
   * automatically by VAD the response will be added to the default conversation
   */
  conversation_id?: string
  /**
   * The set of modalities the model used to respond, currently the only possible values are
   * `[\"audio\"]`, `[\"text\"]`. Audio output always include a text transcript. Setting the
   * output to mode `text` will disable audio output from the model.
   */
  output_modalities?: ('text' | 'audio')[]
  /**
   * Maximum number of output tokens for a single assistant response,
   * inclusive of tool calls, that was used in this response.
   */
  max_output_tokens?: number | 'inf'
}

/** The content part that was added. */
export interface RealtimeResponseContentPart {
  /** The content type ("text", "audio"). */
  type?: 'audio' | 'text'
  /** The text content (if type is "text"). */
  text?: string
  /** Base64-encoded audio data (if type is "audio"). */
  audio?: string
  /** The transcript of the audio (if type is "audio"). */
  transcript?: string
}

/** Create a new Realtime response with these parameters */
export interface RealtimeResponseCreateParams {
  /**
   * The set of modalities the model used to respond, currently the only possible values are
   * `[\"audio\"]`, `[\"text\"]`. Audio output always include a text transcript. Setting the
   * output to mode `text` will disable audio output from the model.
   */
  output_modalities?: ('text' | 'audio')[]
  /**
   * The default system instructions (i.e. system message) prepended to model calls. This field allows the client to guide the model on desired responses. The model can be instructed on response content and format, (e.g. "be extremely succinct", "act friendly", "here are examples of good responses") and on audio behavior (e.g. "talk quickly", "inject emotion into your voice", "laugh frequently"). The instructions are not guaranteed to be followed by the model, but they provide guidance to the model on the desired behavior.
   * Note that the server sets default instructions which will be used if this field is not set and are visible in the `session.created` event at the start of the session.
   */
  instructions?: string
  /** Configuration for audio input and output. */
  audio?: {
    output?: {
      /** The format of the output audio. */
      format?: RealtimeAudioFormats
      /**
       * The voice the model uses to respond. Supported built-in voices are
       * `alloy`, `ash`, `ballad`, `coral`, `echo`, `sage`, `shimmer`, `verse`,
       * `marin`, and `cedar`. You may also provide a custom voice object with
       * an `id`, for example `{ "id": "voice_1234" }`. Voice cannot be changed
       * during the session once the model has responded with audio at least once.
       * We recommend `marin` and `cedar` for best quality.
       *
       * @defaultValue `"alloy"`
       */
      voice?: VoiceIdsOrCustomVoice
    }
  }
  /** Tools available to the model. */
  tools?: (RealtimeFunctionTool | MCPTool)[]
  /**
   * How the model chooses tools. Provide one of the string modes or force a specific
   * function/MCP tool.
   *
   * @defaultValue `"auto"`
   */
  tool_choice?: ToolChoiceOptions | ToolChoiceFunction | ToolChoiceMCP
  /**
   * Whether the model may call multiple tools in parallel. Only supported by
   * reasoning Realtime models such as `gpt-realtime-2`.
   */
  parallel_tool_calls?: boolean
  reasoning?: RealtimeReasoning
  /**
   * Maximum number of output tokens for a single assistant response,
   * inclusive of tool calls. Provide an integer between 1 and 4096 to
   * limit output tokens, or `inf` for the maximum available tokens for a
   * given model. Defaults to `inf`.
   */
  max_output_tokens?: number | 'inf'
  /**
   * Controls which conversation the response is added to. Currently supports
   * `auto` and `none`, with `auto` as the default value. The `auto` value
   * means that the contents of the response will be added to the default
   * conversation. Set this to `none` to create an out-of-band response which
   * will not add items to default conversation.
   */
  conversation?: (string & {}) | 'auto' | 'none'
  metadata?: Metadata
  prompt?: Prompt
  /**
   * Input items to include in the prompt for the model. Using this field
   * creates a new context for this Response instead of using the default
   * conversation. An empty array `[]` will clear the context for this Response.
   * Note that this can include references to items that previously appeared in the session
   * using their id.
   */
  input?: RealtimeConversationItem[]
}

/** Additional details about the status. */
export interface RealtimeResponseStatusDetails {
  /**
   * The type of error that caused the response to fail, corresponding
   * with the `status` field (`completed`, `cancelled`, `incomplete`,
   * `failed`).
   */
  type?: 'completed' | 'cancelled' | 'failed' | 'incomplete'
  /**
   * The reason the Response did not complete. For a `cancelled` Response,  one of `turn_detected` (the server VAD detected a new start of speech)  or `client_cancelled` (the client sent a cancel event). For an  `incomplete` Response, one of `max_output_tokens` or `content_filter`  (the server-side safety filter activated and cut off the response).
   */
  reason?: 'turn_detected' | 'client_cancelled' | 'max_output_tokens' | 'content_filter'
  /**
   * A description of the error that caused the response to fail,
   * populated when the `status` is `failed`.
   */
  error?: {
    /** The type of error. */
    type?: string
    /** Error code, if any. */
    code?: string
  }
}

/**
 * Usage statistics for the Response, this will correspond to billing. A
 * Realtime API session will maintain a conversation context and append new
 * Items to the Conversation, thus output from previous turns (text and
 * audio tokens) will become the input for later turns.
 */
export interface RealtimeResponseUsage {
  /**
   * The total number of tokens in the Response including input and output
   * text and audio tokens.
   */
  total_tokens?: number
  /**
   * The number of input tokens used in the Response, including text and
   * audio tokens.
   */
  input_tokens?: number
  /**
   * The number of output tokens sent in the Response, including text and
   * audio tokens.
   */
  output_tokens?: number
  /**
   * Details about the input tokens used in the Response. Cached tokens are tokens from previous turns in the conversation that are included as context for the current response. Cached tokens here are counted as a subset of input tokens, meaning input tokens will include cached and uncached tokens.
   */
  input_token_details?: {
    /** The number of cached tokens used as input for the Response. */
    cached_tokens?: number
    /** The number of text tokens used as input for the Response. */
    text_tokens?: number
    /** The number of image tokens used as input for the Response. */
    image_tokens?: number
    /** The number of audio tokens used as input for the Response. */
    audio_tokens?: number
    /** Details about the cached tokens used as input for the Response. */
    cached_tokens_details?: {
      /** The number of cached text tokens used as input for the Response. */
      text_tokens?: number
      /** The number of cached image tokens used as input for the Response. */
      image_tokens?: number
      /** The number of cached audio tokens used as input for the Response. */
      audio_tokens?: number
    }
  }
  /** Details about the output tokens used in the Response. */
  output_token_details?: {
    /** The number of text tokens used in the Response. */
    text_tokens?: number
    /** The number of audio tokens used in the Response. */
    audio_tokens?: number
  }
}

/**
 * Server-side semantic turn detection which uses a model to determine when the user has finished speaking.
 */
export interface RealtimeSemanticVad {
  /** Type of turn detection, `semantic_vad` to turn on Semantic VAD. */
  type: 'semantic_vad'
  /**
   * Used only for `semantic_vad` mode. The eagerness of the model to respond. `low` will wait longer for the user to continue speaking, `high` will respond more quickly. `auto` is the default and is equivalent to `medium`. `low`, `medium`, and `high` have max timeouts of 8s, 4s, and 2s respectively.
   *
   * @defaultValue `"auto"`
   */
  eagerness?: 'low' | 'medium' | 'high' | 'auto'
  /**
   * Whether or not to automatically generate a response when a VAD stop event occurs.
   *
   * @defaultValue `true`
   */
  create_response?: boolean
  /**
   * Whether or not to automatically interrupt any ongoing response with output to the default
   * conversation (i.e. `conversation` of `auto`) when a VAD start event occurs.
   *
   * @defaultValue `true`
   */
  interrupt_response?: boolean
}

/**
 * Server-side voice activity detection (VAD) which flips on when user speech is detected and off after a period of silence.
 */
export interface RealtimeServerVad {
  /**
   * Type of turn detection, `server_vad` to turn on simple Server VAD.
   *
   * @defaultValue `"server_vad"`
   */
  type: 'server_vad'
  /**
   * Used only for `server_vad` mode. Activation threshold for VAD (0.0 to 1.0), this defaults to 0.5. A
   * higher threshold will require louder audio to activate the model, and
   * thus might perform better in noisy environments.
   */
  threshold?: number
  /**
   * Used only for `server_vad` mode. Amount of audio to include before the VAD detected speech (in
   * milliseconds). Defaults to 300ms.
   */
  prefix_padding_ms?: number
  /**
   * Used only for `server_vad` mode. Duration of silence to detect speech stop (in milliseconds). Defaults
   * to 500ms. With shorter values the model will respond more quickly,
   * but may jump in on short pauses from the user.
   */
  silence_duration_ms?: number
  /**
   * Whether or not to automatically generate a response when a VAD stop event occurs. If `interrupt_response` is set to `false` this may fail to create a response if the model is already responding.
   *
   * If both `create_response` and `interrupt_response` are set to `false`, the model will never respond automatically but VAD events will still be emitted.
   *
   * @defaultValue `true`
   */
  create_response?: boolean
  /**
   * Whether or not to automatically interrupt (cancel) any ongoing response with output to the default
   * conversation (i.e. `conversation` of `auto`) when a VAD start event occurs. If `true` then the response will be cancelled, otherwise it will continue until complete.
   *
   * If both `create_response` and `interrupt_response` are set to `false`, the model will never respond automatically but VAD events will still be emitted.
   *
   * @defaultValue `true`
   */
  interrupt_response?: boolean
  idle_timeout_ms?: number | null
}

/** Realtime session object configuration. */
export interface RealtimeSessionCreateRequestGA {
  /** The type of session to create. Always `realtime` for the Realtime API. */
  type: 'realtime'
  /**
   * The set of modalities the model can respond with. It defaults to `["audio"]`, indicating
   * that the model will respond with audio plus a transcript. `["text"]` can be used to make
   * the model respond with text only. It is not possible to request both `text` and `audio` at the same time.
   *
   * @defaultValue `["audio"]`
   */
  output_modalities?: ('text' | 'audio')[]
  /** The Realtime model used for this session. */
  model?: RealtimeModel
  /**
   * The default system instructions (i.e. system message) prepended to model calls. This field allows the client to guide the model on desired responses. The model can be instructed on response content and format, (e.g. "be extremely succinct", "act friendly", "here are examples of good responses") and on audio behavior (e.g. "talk quickly", "inject emotion into your voice", "laugh frequently"). The instructions are not guaranteed to be followed by the model, but they provide guidance to the model on the desired behavior.
   *
   * Note that the server sets default instructions which will be used if this field is not set and are visible in the `session.created` event at the start of the session.
   */
  instructions?: string
  /** Configuration for input and output audio. */
  audio?: RealtimeAudioConfig
  /**
   * Additional fields to include in server outputs.
   *
   * `item.input_audio_transcription.logprobs`: Include logprobs for input audio transcription.
   */
  include?: 'item.input_audio_transcription.logprobs'[]
  /**
   * Realtime API can write session traces to the [Traces Dashboard](https://platform.openai.com/logs?api=traces). Set to null to disable tracing. Once
   * tracing is enabled for a session, the configuration cannot be modified.
   *
   * `auto` will create a trace for the session with default values for the
   * workflow name, group id, and metadata.
   *
   * @defaultValue `null`
   */
  tracing?: 'auto' | RealtimeTracingConfig | null
  /** Tools available to the model. */
  tools?: (RealtimeFunctionTool | MCPTool)[]
  /**
   * How the model chooses tools. Provide one of the string modes or force a specific
   * function/MCP tool.
   *
   * @defaultValue `"auto"`
   */
  tool_choice?: ToolChoiceOptions | ToolChoiceFunction | ToolChoiceMCP
  /**
   * Whether the model may call multiple tools in parallel. Only supported by
   * reasoning Realtime models such as `gpt-realtime-2`.
   */
  parallel_tool_calls?: boolean
  reasoning?: RealtimeReasoning
  /**
   * Maximum number of output tokens for a single assistant response,
   * inclusive of tool calls. Provide an integer between 1 and 4096 to
   * limit output tokens, or `inf` for the maximum available tokens for a
   * given model. Defaults to `inf`.
   */
  max_output_tokens?: number | 'inf'
  truncation?: RealtimeTruncation
  prompt?: Prompt
}

/** A Realtime session configuration object. */
export interface RealtimeSessionCreateResponseGA {
  /** The type of session to create. Always `realtime` for the Realtime API. */
  type: 'realtime'
  /** Unique identifier for the session that looks like `sess_1234567890abcdef`. */
  id: string
  /** The object type. Always `realtime.session`. */
  object: 'realtime.session'
  /** Expiration timestamp for the session, in seconds since epoch. */
  expires_at?: number
  /**
   * The set of modalities the model can respond with. It defaults to `["audio"]`, indicating
   * that the model will respond with audio plus a transcript. `["text"]` can be used to make
   * the model respond with text only. It is not possible to request both `text` and `audio` at the same time.
   *
   * @defaultValue `["audio"]`
   */
  output_modalities?: ('text' | 'audio')[]
  /** The Realtime model used for this session. */
  model?: RealtimeModel
  /**
   * The default system instructions (i.e. system message) prepended to model calls. This field allows the client to guide the model on desired responses. The model can be instructed on response content and format, (e.g. "be extremely succinct", "act friendly", "here are examples of good responses") and on audio behavior (e.g. "talk quickly", "inject emotion into your voice", "laugh frequently"). The instructions are not guaranteed to be followed by the model, but they provide guidance to the model on the desired behavior.
   *
   * Note that the server sets default instructions which will be used if this field is not set and are visible in the `session.created` event at the start of the session.
   */
  instructions?: string
  /** Configuration for input and output audio. */
  audio?: {
    input?: {
      /** The format of the input audio. */
      format?: RealtimeAudioFormats
      /**
       * Configuration for input audio transcription, defaults to off and can be set to `null` to turn off once on. Input audio transcription is not native to the model, since the model consumes audio directly. Transcription runs asynchronously through [the /audio/transcriptions endpoint](/docs/api-reference/audio/createTranscription) and should be treated as guidance of input audio content rather than precisely what the model heard. The client can optionally set the language and prompt for transcription, these offer additional guidance to the transcription service.
       *
       * The live API sends or accepts `null` here although the schema does not allow it.
       */
      transcription?: AudioTranscriptionResponse | null
      /**
       * Configuration for input audio noise reduction. This can be set to `null` to turn off.
       * Noise reduction filters audio added to the input audio buffer before it is sent to VAD and the model.
       * Filtering the audio can improve VAD and turn detection accuracy (reducing false positives) and model performance by improving perception of the input audio.
       *
       * @defaultValue `null`
       *
       * The live API sends or accepts `null` here although the schema does not allow it.
       */
      noise_reduction?: RealtimeNoiseReduction | null
      turn_detection?: RealtimeTurnDetection
    }
    output?: {
      /** The format of the output audio. */
      format?: RealtimeAudioFormats
      /**
       * The voice the model uses to respond. Voice cannot be changed during the
       * session once the model has responded with audio at least once. Current
       * voice options are `alloy`, `ash`, `ballad`, `coral`, `echo`, `sage`,
       * `shimmer`, `verse`, `marin`, and `cedar`. We recommend `marin` and `cedar` for
       * best quality.
       *
       * @defaultValue `"alloy"`
       */
      voice?: VoiceIdsShared
      /**
       * The speed of the model's spoken response as a multiple of the original speed.
       * 1.0 is the default speed. 0.25 is the minimum speed. 1.5 is the maximum speed. This value can only be changed in between model turns, not while a response is in progress.
       *
       * This parameter is a post-processing adjustment to the audio after it is generated, it's
       * also possible to prompt the model to speak faster or slower.
       *
       * @defaultValue `1`
       */
      speed?: number
    }
  }
  /**
   * Additional fields to include in server outputs.
   *
   * `item.input_audio_transcription.logprobs`: Include logprobs for input audio transcription.
   *
   * The live API sends or accepts `null` here although the schema does not allow it.
   */
  include?: 'item.input_audio_transcription.logprobs'[] | null
  tracing?: 'auto' | RealtimeTracingConfig | null
  /** Tools available to the model. */
  tools?: (RealtimeFunctionTool | MCPTool)[]
  /**
   * How the model chooses tools. Provide one of the string modes or force a specific
   * function/MCP tool.
   *
   * @defaultValue `"auto"`
   */
  tool_choice?: ToolChoiceOptions | ToolChoiceFunction | ToolChoiceMCP
  reasoning?: RealtimeReasoning
  /**
   * Maximum number of output tokens for a single assistant response,
   * inclusive of tool calls. Provide an integer between 1 and 4096 to
   * limit output tokens, or `inf` for the maximum available tokens for a
   * given model. Defaults to `inf`.
   */
  max_output_tokens?: number | 'inf'
  truncation?: RealtimeTruncation
  prompt?: Prompt
}

/** A part of a system message: input text. */
export interface RealtimeSystemContentPart {
  /** The content type. Always `input_text` for system messages. */
  type?: 'input_text'
  /** The text content. */
  text?: string
}

/** Granular configuration for tracing. */
export interface RealtimeTracingConfig {
  /**
   * The name of the workflow to attach to this trace. This is used to
   * name the trace in the Traces Dashboard.
   */
  workflow_name?: string
  /**
   * The group id to attach to this trace to enable filtering and
   * grouping in the Traces Dashboard.
   */
  group_id?: string
  /**
   * The arbitrary metadata to attach to this trace to enable
   * filtering in the Traces Dashboard.
   */
  metadata?: Record<string, unknown>
}

/** Details of the transcription error. */
export interface RealtimeTranscriptionError {
  /** The type of error. */
  type?: string
  /** Error code, if any. */
  code?: string
  /** A human-readable error message. */
  message?: string
  /**
   * Parameter related to the error, if any.
   *
   * The live API sends or accepts `null` here although the schema does not allow it.
   */
  param?: string | null
}

/** Realtime transcription session object configuration. */
export interface RealtimeTranscriptionSessionCreateRequestGA {
  /** The type of session to create. Always `transcription` for transcription sessions. */
  type: 'transcription'
  /** Configuration for input and output audio. */
  audio?: {
    input?: {
      format?: RealtimeAudioFormats
      /**
       * Configuration for input audio transcription, defaults to off and can be set to `null` to turn off once on. Input audio transcription is not native to the model, since the model consumes audio directly. Transcription runs asynchronously through [the /audio/transcriptions endpoint](/docs/api-reference/audio/createTranscription) and should be treated as guidance of input audio content rather than precisely what the model heard. The client can optionally set the language and prompt for transcription, these offer additional guidance to the transcription service.
       */
      transcription?: AudioTranscription
      /**
       * Configuration for input audio noise reduction. This can be set to `null` to turn off.
       * Noise reduction filters audio added to the input audio buffer before it is sent to VAD and the model.
       * Filtering the audio can improve VAD and turn detection accuracy (reducing false positives) and model performance by improving perception of the input audio.
       *
       * @defaultValue `null`
       */
      noise_reduction?: RealtimeNoiseReduction
      turn_detection?: RealtimeTurnDetection
    }
  }
  /**
   * Additional fields to include in server outputs.
   *
   * `item.input_audio_transcription.logprobs`: Include logprobs for input audio transcription.
   */
  include?: 'item.input_audio_transcription.logprobs'[]
}

/** A Realtime transcription session configuration object. */
export interface RealtimeTranscriptionSessionCreateResponseGA {
  /** The type of session. Always `transcription` for transcription sessions. */
  type: 'transcription'
  /** Unique identifier for the session that looks like `sess_1234567890abcdef`. */
  id: string
  /** The object type. Always `realtime.transcription_session`. */
  object: string
  /** Expiration timestamp for the session, in seconds since epoch. */
  expires_at?: number
  /**
   * Additional fields to include in server outputs.
   * - `item.input_audio_transcription.logprobs`: Include logprobs for input audio transcription.
   */
  include?: 'item.input_audio_transcription.logprobs'[]
  /** Configuration for input audio for the session. */
  audio?: {
    input?: {
      format?: RealtimeAudioFormats
      /** Configuration of the transcription model. */
      transcription?: AudioTranscriptionResponse
      /** Configuration for input audio noise reduction. */
      noise_reduction?: RealtimeNoiseReduction
      /**
       * Configuration for turn detection. For `gpt-realtime-whisper`, this must be `null`; VAD is not supported.
       */
      turn_detection?: {
        /** Type of turn detection, only `server_vad` is currently supported. */
        type?: string
        /**
         * Activation threshold for VAD (0.0 to 1.0), this defaults to 0.5. A
         * higher threshold will require louder audio to activate the model, and
         * thus might perform better in noisy environments.
         */
        threshold?: number
        /**
         * Amount of audio to include before the VAD detected speech (in
         * milliseconds). Defaults to 300ms.
         */
        prefix_padding_ms?: number
        /**
         * Duration of silence to detect speech stop (in milliseconds). Defaults
         * to 500ms. With shorter values the model will respond more quickly,
         * but may jump in on short pauses from the user.
         */
        silence_duration_ms?: number
      } | null
    }
  }
}

/**
 * When the number of tokens in a conversation exceeds the model's input token limit, the conversation be truncated, meaning messages (starting from the oldest) will not be included in the model's context. A 32k context model with 4,096 max output tokens can only include 28,224 tokens in the context before truncation occurs.
 *
 * Clients can configure truncation behavior to truncate with a lower max token limit, which is an effective way to control token usage and cost.
 *
 * Truncation will reduce the number of cached tokens on the next turn (busting the cache), since messages are dropped from the beginning of the context. However, clients can also configure truncation to retain messages up to a fraction of the maximum context size, which will reduce the need for future truncations and thus improve the cache rate.
 *
 * Truncation can be disabled entirely, which means the server will never truncate but would instead return an error if the conversation exceeds the model's input token limit.
 */
export type RealtimeTruncation =
  | 'auto'
  | 'disabled'
  | {
      /** Use retention ratio truncation. */
      type: 'retention_ratio'
      /**
       * Fraction of post-instruction conversation tokens to retain (`0.0` - `1.0`) when the conversation exceeds the input token limit. Setting this to `0.8` means that messages will be dropped until 80% of the maximum allowed tokens are used. This helps reduce the frequency of truncations and improve cache rates.
       */
      retention_ratio: number
      /**
       * Optional custom token limits for this truncation strategy. If not provided, the model's default token limits will be used.
       */
      token_limits?: {
        /**
         * Maximum tokens allowed in the conversation after instructions (which including tool definitions). For example, setting this to 5,000 would mean that truncation would occur when the conversation exceeds 5,000 tokens after instructions. This cannot be higher than the model's context window size minus the maximum output tokens.
         */
        post_instructions?: number
      }
    }

/** Turn detection settings; `null` turns it off, and the client commits the audio itself. */
export type RealtimeTurnDetection = RealtimeServerVad | RealtimeSemanticVad | null

/** A part of a user message: input text, input audio with its transcript, or an image. */
export interface RealtimeUserContentPart {
  /** The content type (`input_text`, `input_audio`, or `input_image`). */
  type?: 'input_text' | 'input_audio' | 'input_image'
  /** The text content (for `input_text`). */
  text?: string
  /**
   * Base64-encoded audio bytes (for `input_audio`), these will be parsed as the format specified in the session input audio type configuration. This defaults to PCM 16-bit 24kHz mono if not specified.
   */
  audio?: string
  /**
   * Base64-encoded image bytes (for `input_image`) as a data URI. For example `data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA...`. Supported formats are PNG and JPEG.
   */
  image_url?: string
  /**
   * The detail level of the image (for `input_image`). `auto` will default to `high`.
   *
   * @defaultValue `"auto"`
   */
  detail?: 'auto' | 'low' | 'high'
  /**
   * Transcript of the audio (for `input_audio`). This is not sent to the model, but will be attached to the message item for reference.
   *
   * The live API sends or accepts `null` here although the schema does not allow it.
   */
  transcript?: string | null
}

/** Values for a prompt template, by variable name; `null` when there are none. */
export type ResponsePromptVariables = Record<
  string,
  string | InputTextContent | InputImageContent | InputFileContent
> | null

/** Use this option to force the model to call a specific function. */
export interface ToolChoiceFunction {
  /** For function calling, the type is always `function`. */
  type: 'function'
  /** The name of the function to call. */
  name: string
}

/** Use this option to force the model to call a specific tool on a remote MCP server. */
export interface ToolChoiceMCP {
  /** For MCP tools, the type is always `mcp`. */
  type: 'mcp'
  /** The label of the MCP server to use. */
  server_label: string
  name?: string | null
}

/**
 * Controls which (if any) tool is called by the model.
 *
 * `none` means the model will not call any tool and instead generates a message.
 *
 * `auto` means the model can pick between generating a message or calling one or
 * more tools.
 *
 * `required` means the model must call one or more tools.
 */
export type ToolChoiceOptions = 'none' | 'auto' | 'required'

/** Usage statistics for models billed by audio input duration. */
export interface TranscriptTextUsageDuration {
  /** The type of the usage object. Always `duration` for this variant. */
  type: 'duration'
  /** Duration of the input audio in seconds. */
  seconds: number
}

/** Usage statistics for models billed by token usage. */
export interface TranscriptTextUsageTokens {
  /** The type of the usage object. Always `tokens` for this variant. */
  type: 'tokens'
  /** Number of input tokens billed for this request. */
  input_tokens: number
  /** Details about the input tokens billed for this request. */
  input_token_details?: {
    /** Number of text tokens billed for this request. */
    text_tokens?: number
    /** Number of audio tokens billed for this request. */
    audio_tokens?: number
  }
  /** Number of output tokens generated. */
  output_tokens: number
  /** Total number of tokens used (input + output). */
  total_tokens: number
}

/** A language detected in transcribed audio. */
export interface TranscriptionLanguage {
  /** The code of a language detected in the audio. */
  code: string
}

/** A built-in voice name or a custom voice reference. */
export type VoiceIdsOrCustomVoice =
  | VoiceIdsShared
  | {
      /** The custom voice ID, e.g. `voice_1234`. */
      id: string
    }

/** A voice: one of the built-in voices, or the name of another. */
export type VoiceIdsShared =
  | (string & {})
  | 'alloy'
  | 'ash'
  | 'ballad'
  | 'coral'
  | 'echo'
  | 'sage'
  | 'shimmer'
  | 'verse'
  | 'marin'
  | 'cedar'
