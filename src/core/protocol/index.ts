export type { ParsedServerEvent } from './parse'
export { parseServerEvent } from './parse'
export type { RawServerEvent, ServerEvent, ServerEventOf, ServerEventType } from './serverEvents'
export type {
  ClientEvent,
  ClientEventType,
  ClientItem,
  WireAudioFormat,
  WireContentPart,
  WireFunctionCallItem,
  WireFunctionCallOutputItem,
  WireFunctionTool,
  WireItem,
  WireMessageItem,
  WireResponse,
  WireServerError,
  WireSessionConfig,
  WireToolChoice,
  WireTurnDetection,
  WireUsage,
} from './wire'
