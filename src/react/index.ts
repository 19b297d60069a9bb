'use client'
// The client layer and the store types React users need come through this entry too.
export type {
  RealtimeAuth,
  RealtimeClientOptions,
  RealtimeClientSnapshot,
  RealtimeStatus,
  TransportChoice,
} from '../client'
export { RealtimeClient } from '../client'
export type {
  ConversationSnapshot,
  RealtimeItem,
  RealtimeSessionEvent,
  Store,
  ToolCallState,
  TurnLatency,
  Usage,
} from '../core'
export { useRealtimeClient } from './context'
export {
  // For the components; the package's entry does not export these two.
  identity,
  useAgentEvents,
  useAudioDevices,
  useAudioLevels,
  useCurrentAgent,
  useIsomorphicLayoutEffect,
  useLatency,
  useRealtimeSession,
  useToolCalls,
  useTranscript,
  useTranscriptIds,
  useTranscriptItem,
  useUsage,
} from './hooks'
export type { RealtimeProviderProps } from './provider'
export { RealtimeProvider } from './provider'
export type {
  UseAgentEventsOptions,
  UseAudioDevicesResult,
  UseAudioLevelsResult,
  UseCurrentAgentResult,
  UseLatencyResult,
  UseRealtimeSessionResult,
  UseToolCallsResult,
  UseTranscriptResult,
} from './types'
export { shallowArrayEqual, useSelector } from './useSelector'
