'use client'
export type {
  RealtimeAuth,
  RealtimeClientOptions,
  RealtimeClientSnapshot,
  RealtimeStatus,
  ToolCallState,
  TurnLatency,
} from './client'
export { RealtimeClient } from './client'
export { useRealtimeClient } from './context'
export {
  useAgentEvents,
  useAudioDevices,
  useAudioLevels,
  useCurrentAgent,
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
export type { Store } from './useSelector'
export { useSelector } from './useSelector'
