export type { AnyRealtimeAgent, Instructions, RealtimeAgentOptions } from './agent'
export { RealtimeAgent } from './agent'
export type { ClientSecretFetcherOptions } from './clientSecret'
export { createClientSecretFetcher } from './clientSecret'
export type { Clock, TimerHandle } from './clock'
export { systemClock } from './clock'
export type { AudioFormat, ResamplerConstructor } from './codec'
export {
  AUDIO_FORMATS,
  alawToLinear,
  bytesToMs,
  decodeAlaw,
  decodeBase64,
  decodeSamples,
  decodeUlaw,
  encodeAlaw,
  encodeBase64,
  encodeSamples,
  encodeUlaw,
  floatToPcm16,
  fromWireFormat,
  g711Kernel,
  linearToAlaw,
  linearToUlaw,
  pcm16ToFloat,
  Resampler,
  resample,
  resamplerKernel,
  sampleRateOf,
  toWireFormat,
  ulawToLinear,
} from './codec'
export type { AgentSessionParts, RealtimeModelSettings, TurnDetection } from './config'
export { DEFAULT_MODEL, toSessionConfig } from './config'
export type { RunContext } from './context'
export type { RealtimeErrorCode, RealtimeErrorOptions } from './errors'
export { isAudioError, isRealtimeError, RealtimeError } from './errors'
export type {
  AgentEndEvent,
  AgentStartEvent,
  AudioEndEvent,
  AudioEvent,
  AudioInterruptedEvent,
  ErrorEvent,
  GuardrailTrippedEvent,
  HandoffEvent,
  HistoryAddedEvent,
  HistoryUpdatedEvent,
  InputAudioTimeoutTriggeredEvent,
  McpToolsListedEvent,
  RawModelEvent,
  RealtimeSessionEvent,
  RealtimeSessionEventOf,
  RealtimeSessionEventType,
  ToolApprovalRequiredEvent,
  ToolEndEvent,
  ToolStartEvent,
} from './events'
export type {
  GuardrailFunctionOutput,
  OutputGuardrail,
  OutputGuardrailResult,
  OutputGuardrailSettings,
} from './guardrail'
export { defineOutputGuardrail } from './guardrail'
export type { Handoff, HandoffOptions } from './handoff'
export { handoff, handoffTarget } from './handoff'
export type { HostedMcpTool, HostedMcpToolDefinition, McpApprovalPolicy, McpToolFilter } from './mcpTool'
export { hostedMcpTool } from './mcpTool'
export type { PlaybackTracker } from './playback'
export { immediatePlaybackTracker, WallClockPlaybackTracker } from './playback'
export type {
  ClientEvent,
  ParsedServerEvent,
  RawServerEvent,
  ServerEvent,
  ServerEventOf,
  ServerEventType,
  WireAudioFormat,
  WireFunctionTool,
  WireItem,
  WireMcpTool,
  WireMessageItem,
  WireSessionConfig,
  WireTool,
  WireToolChoice,
  WireTurnDetection,
} from './protocol'
export { parseServerEvent } from './protocol'
/**
 * The Realtime API's wire types by name, generated from its official schemas: every server and
 * client event (`wire.ResponseDoneEvent`, `wire.SessionUpdateEvent`) and the shapes inside them.
 */
export type * as wire from './protocol/wire.generated'
export type { RecordedEntry, RecorderOptions, Recording } from './recording'
export {
  parseRecording,
  playRecording,
  RECORDING_FORMAT,
  RECORDING_VERSION,
  ReplayTransport,
  recordedEvent,
  SessionRecorder,
  serializeRecording,
} from './recording'
export type { RealtimeRunConfig, RealtimeRunOptions } from './runner'
export { DEFAULT_REALTIME_URL, RealtimeRunner } from './runner'
export type { JsonSchemaObject, ToolParameters } from './schema'
export type { RealtimeSessionOptions, RealtimeSessionSnapshot, ReconnectOptions } from './session'
export { RealtimeSession } from './session'
export type { StandardJSONSchemaV1, StandardSchemaV1, StandardTypedV1 } from './standardSchema'
export type {
  AgentState,
  ConversationSnapshot,
  HistoryChange,
  ItemStatus,
  LatencyStore,
  RealtimeItem,
  RealtimeMessageItem,
  RealtimeToolCallItem,
  SessionStatus,
  StatusState,
  Store,
  ToolCallPatch,
  ToolCallState,
  ToolCallStore,
  TurnLatency,
} from './stores'
export { ConversationStore, Listeners, SessionStores, ValueStore } from './stores'
export type {
  AgentTool,
  AnyAgentTool,
  FunctionTool,
  ToolCallDetails,
  ToolDefinitionBase,
  ToolResult,
} from './tool'
export { tool, wireToolOf } from './tool'
export type {
  DomMediaStream,
  RealtimeTransport,
  TransportAuth,
  TransportConnectOptions,
  TransportHandlers,
  WebRTCTransportOptions,
  WebSocketConstructor,
  WebSocketTransportOptions,
} from './transport'
export { REALTIME_CALLS_URL, WebRTCTransport, WebSocketTransport } from './transport'
export type { Usage } from './usage'
export type { CustomVoice, RealtimeVoice, RealtimeVoiceNames, Voice } from './voice'
export { REALTIME_VOICES } from './voice'
