export type { ParsedServerEvent } from './parse'
export { parseServerEvent } from './parse'
export type {
  ClientEvent,
  ClientEventOf,
  ClientEventType,
  RawServerEvent,
  ServerEvent,
  ServerEventOf,
  ServerEventType,
} from './serverEvents'
export { CLIENT_EVENT_TYPES, SERVER_EVENT_TYPES } from './serverEvents'
export type {
  ClientItem,
  WireAudioFormat,
  WireContentPart,
  WireFunctionCallItem,
  WireFunctionCallOutputItem,
  WireFunctionTool,
  WireItem,
  WireMcpApprovalRequestItem,
  WireMcpCallItem,
  WireMcpListToolsItem,
  WireMcpTool,
  WireMessageItem,
  WireResponse,
  WireServerError,
  WireSessionConfig,
  WireTool,
  WireToolChoice,
  WireTurnDetection,
  WireUsage,
} from './wire'
