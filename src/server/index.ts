// Core types that the server helpers take and return, so server users can name them from here.
export type {
  AgentEndEvent,
  AgentStartEvent,
  AgentState,
  AgentTool,
  AnyAgentTool,
  AnyRealtimeAgent,
  AudioEndEvent,
  AudioEvent,
  AudioFormat,
  AudioInterruptedEvent,
  ClientEvent,
  Clock,
  ConversationSnapshot,
  ConversationStore,
  CustomVoice,
  ErrorEvent,
  FunctionTool,
  GuardrailFunctionOutput,
  GuardrailTrippedEvent,
  Handoff,
  HandoffEvent,
  HistoryAddedEvent,
  HistoryChange,
  HistoryUpdatedEvent,
  HostedMcpTool,
  InputAudioTimeoutTriggeredEvent,
  Instructions,
  ItemStatus,
  LatencyStore,
  McpToolsListedEvent,
  OutputGuardrail,
  OutputGuardrailResult,
  PlaybackTracker,
  RawModelEvent,
  RawServerEvent,
  RealtimeAgent,
  RealtimeAgentOptions,
  RealtimeError,
  RealtimeErrorCode,
  RealtimeErrorOptions,
  RealtimeItem,
  RealtimeMessageItem,
  RealtimeModelSettings,
  RealtimeRunConfig,
  RealtimeRunner,
  RealtimeRunOptions,
  RealtimeSession,
  RealtimeSessionEvent,
  RealtimeSessionEventOf,
  RealtimeSessionEventType,
  RealtimeSessionOptions,
  RealtimeSessionSnapshot,
  RealtimeToolCallItem,
  RealtimeTransport,
  RealtimeVoice,
  RealtimeVoiceNames,
  ReconnectOptions,
  RunContext,
  SessionStatus,
  SessionStores,
  StatusState,
  Store,
  TimerHandle,
  ToolApprovalRequiredEvent,
  ToolCallDetails,
  ToolCallPatch,
  ToolCallState,
  ToolCallStore,
  ToolEndEvent,
  ToolResult,
  ToolStartEvent,
  TransportAuth,
  TransportConnectOptions,
  TransportHandlers,
  TurnDetection,
  TurnLatency,
  Usage,
  ValueStore,
  Voice,
  WireMcpTool,
  WireSessionConfig,
  WireToolChoice,
  wire,
} from '../core'
export type { ClientSecretHandlerOptions, ClientSecretResponse } from './clientSecretHandler'
export { createClientSecretHandler, OPENAI_API_BASE } from './clientSecretHandler'
export type { Authorize, GuardOptions, GuardResult, Refusal } from './guard'
export { createGuard, refuse } from './guard'
export { toNodeHandler } from './nodeAdapter'
export type { RateLimitHit, RateLimitOptions, RateLimitStore } from './rateLimit'
export { MemoryRateLimitStore } from './rateLimit'
export { sessionConfigForAgent } from './sessionConfig'
export type { SidebandHandlerOptions } from './sideband'
export { createSidebandHandler } from './sideband'
export { attachToCall, callUrl } from './sip/attach'
export type { CallsClient, CallsClientOptions } from './sip/calls'
export { createCallsClient } from './sip/calls'
export type { IncomingCall, SipWebhookOptions } from './sip/webhook'
export { createSipWebhook } from './sip/webhook'
export type { TwilioBridge, TwilioBridgeOptions } from './twilio/bridge'
export { createTwilioBridge, dtmfAsMessage } from './twilio/bridge'
export type { CallSetup, CallSocket } from './twilio/call'
export { TwilioCall } from './twilio/call'
export { MarkPlaybackTracker } from './twilio/marks'
export type { TwilioCallInfo } from './twilio/protocol'
export { isValidTwilioSignature, twilioSignature } from './twilio/signature'
export type { TwilioMediaStreamOptions } from './twilio/stream'
export { attachTwilioMediaStream } from './twilio/stream'
export type { TwilioWebhookOptions } from './twilio/webhook'
export { createTwilioWebhook, streamTwiml } from './twilio/webhook'
export type { RouteSocket, WebSocketRoute } from './upgrade'
export { attachWebSocketRoute } from './upgrade'
