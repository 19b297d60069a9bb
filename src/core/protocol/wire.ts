/**
 * The kit's names for the wire shapes it builds and reads, all taken from the generated types
 * (`wire.generated.ts`, from the official schemas corrected by live traffic).
 */
import type {
  ClientEventOf,
  MCPTool,
  RealtimeAudioFormats,
  RealtimeConversationItem,
  RealtimeConversationItemFunctionCall,
  RealtimeConversationItemFunctionCallOutput,
  RealtimeConversationItemMessageAssistant,
  RealtimeConversationItemMessageSystem,
  RealtimeConversationItemMessageUser,
  RealtimeError,
  RealtimeFunctionTool,
  RealtimeMCPApprovalRequest,
  RealtimeMCPListTools,
  RealtimeMCPToolCall,
  RealtimeResponse,
  RealtimeResponseUsage,
  RealtimeSessionCreateRequestGA,
  RealtimeTurnDetection,
  ToolChoiceFunction,
  ToolChoiceMCP,
  ToolChoiceOptions,
} from './wire.generated'

/** An audio format as the Realtime API names it (`audio/pcm` at 24 kHz, `audio/pcmu`, `audio/pcma`). */
export type WireAudioFormat = RealtimeAudioFormats
/** Turn detection as the Realtime API takes it (`server_vad` or `semantic_vad`). */
export type WireTurnDetection = NonNullable<RealtimeTurnDetection>
/** A function tool as described to the model in `session.update`. */
export type WireFunctionTool = RealtimeFunctionTool
/** A hosted MCP server the model may call (`type: 'mcp'`). */
export type WireMcpTool = MCPTool
/** A tool of the session: a function, or a hosted MCP server. */
export type WireTool = WireFunctionTool | WireMcpTool
export type WireMcpCallItem = RealtimeMCPToolCall
export type WireMcpApprovalRequestItem = RealtimeMCPApprovalRequest
export type WireMcpListToolsItem = RealtimeMCPListTools
/** Which tool the model must or may call: `auto`, `none`, `required`, a function or an MCP tool. */
export type WireToolChoice = ToolChoiceOptions | ToolChoiceFunction | ToolChoiceMCP
/** The `session` object of `session.update`. */
export type WireSessionConfig = RealtimeSessionCreateRequestGA
/** A message item as the Realtime API sends it. */
export type WireMessageItem =
  | RealtimeConversationItemMessageUser
  | RealtimeConversationItemMessageAssistant
  | RealtimeConversationItemMessageSystem
export type WireFunctionCallItem = RealtimeConversationItemFunctionCall
export type WireFunctionCallOutputItem = RealtimeConversationItemFunctionCallOutput
/** A conversation item as the Realtime API sends it. */
export type WireItem = RealtimeConversationItem
export type WireContentPart = WireMessageItem['content'][number]
/** An item the client creates (`conversation.item.create`). */
export type ClientItem = ClientEventOf<'conversation.item.create'>['item']
export type WireResponse = RealtimeResponse
export type WireUsage = RealtimeResponseUsage
export type WireServerError = RealtimeError
