import type { AnyRealtimeAgent } from './agent'
import type { RealtimeError } from './errors'
import type { OutputGuardrailResult } from './guardrail'
import type { RawServerEvent } from './protocol'
import type { RealtimeItem } from './stores'
import type { AnyAgentTool } from './tool'

/** An agent became the active one (at start, after a handoff or `updateAgent`). */
export interface AgentStartEvent {
  type: 'agent_start'
  agent: AnyRealtimeAgent
}
/** An agent stopped being the active one. */
export interface AgentEndEvent {
  type: 'agent_end'
  agent: AnyRealtimeAgent
}
/** The model transferred the conversation. */
export interface HandoffEvent {
  type: 'handoff'
  fromAgent: AnyRealtimeAgent
  toAgent: AnyRealtimeAgent
}
/**
 * A tool is about to run with validated arguments. For a hosted MCP server, `tool` is the server
 * and `name` the server's tool the model called; the server runs it.
 */
export interface ToolStartEvent {
  type: 'tool_start'
  agent: AnyRealtimeAgent
  tool: AnyAgentTool
  /** The tool called: the function tool's name, or the MCP server's tool. */
  name: string
  callId: string
  arguments: unknown
}
/** A tool finished: `output` is what the model received; `error` is set when it failed. */
export interface ToolEndEvent {
  type: 'tool_end'
  agent: AnyRealtimeAgent
  tool: AnyAgentTool
  /** The tool called: the function tool's name, or the MCP server's tool. */
  name: string
  callId: string
  arguments: unknown
  output: string
  error: RealtimeError | null
}
/** A tool marked `needsApproval` (or an MCP call the server holds) waits for `approveTool` or `rejectTool`. */
export interface ToolApprovalRequiredEvent {
  type: 'tool_approval_required'
  agent: AnyRealtimeAgent
  tool: AnyAgentTool
  /** The tool called: the function tool's name, or the MCP server's tool. */
  name: string
  callId: string
  arguments: unknown
}
/** A chunk of assistant audio in the session's output format. */
export interface AudioEvent {
  type: 'audio'
  itemId: string
  contentIndex: number
  responseId: string
  data: ArrayBuffer
}
/** The server finished sending an item's audio. */
export interface AudioEndEvent {
  type: 'audio_end'
  itemId: string
  contentIndex: number
}
/** Playback must stop now (the user spoke, `interrupt()` was called, or a guardrail tripped). */
export interface AudioInterruptedEvent {
  type: 'audio_interrupted'
  itemId: string
  contentIndex: number
}
/** Something went wrong; the session goes on unless `error.code` is `connection_closed`. */
export interface ErrorEvent {
  type: 'error'
  error: RealtimeError
}
/** An item changed (or the history as a whole); `history` is built on first read. */
export interface HistoryUpdatedEvent {
  type: 'history_updated'
  item: RealtimeItem | null
  readonly history: readonly RealtimeItem[]
}
/** A new item joined the conversation. */
export interface HistoryAddedEvent {
  type: 'history_added'
  item: RealtimeItem
}
/** An output guardrail tripped; the response was cancelled and the model told why. */
export interface GuardrailTrippedEvent {
  type: 'guardrail_tripped'
  guardrailResults: OutputGuardrailResult[]
  message: string
  itemId: string
}
/** The server's idle timeout fired (server VAD `idleTimeoutMs`). */
export interface InputAudioTimeoutTriggeredEvent {
  type: 'input_audio_timeout_triggered'
  itemId: string
  audioStartMs: number
  audioEndMs: number
}
/** A hosted MCP server listed its tools (after `session.update` named it). */
export interface McpToolsListedEvent {
  type: 'mcp_tools_listed'
  serverLabel: string
  tools: readonly string[]
}
/** Every server event, as received, before the session acts on it (unknown types too). */
export interface RawModelEvent {
  type: 'raw_model_event'
  data: RawServerEvent
}

/** Every event a session emits; `switch (event.type)` narrows. */
export type RealtimeSessionEvent =
  | AgentStartEvent
  | AgentEndEvent
  | HandoffEvent
  | ToolStartEvent
  | ToolEndEvent
  | ToolApprovalRequiredEvent
  | AudioEvent
  | AudioEndEvent
  | AudioInterruptedEvent
  | ErrorEvent
  | HistoryUpdatedEvent
  | HistoryAddedEvent
  | GuardrailTrippedEvent
  | InputAudioTimeoutTriggeredEvent
  | McpToolsListedEvent
  | RawModelEvent

/** The `type` of every session event (`agent_start`, `audio`, `error`, ...). */
export type RealtimeSessionEventType = RealtimeSessionEvent['type']

/** The event of one type. */
export type RealtimeSessionEventOf<T extends RealtimeSessionEventType> = Extract<
  RealtimeSessionEvent,
  { type: T }
>
