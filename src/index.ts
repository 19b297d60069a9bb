'use client'
// The React entry point: provider, hooks and components, plus the agent API apps need with them.
// Core-only users import `realtime-agent-kit/core`; the stylesheet is `realtime-agent-kit/styles.css`.
export {
  AgentIndicator,
  AudioVisualizer,
  ConnectionStatus,
  DeviceSelect,
  EventLog,
  MessageInput,
  TalkButton,
  ToolCallList,
  TranscriptRow,
  TranscriptView,
  useAudioVisualizer,
  useConnectionStatus,
  useEventLog,
  useMessageInput,
  useTalkButton,
  useTranscriptView,
  VoiceConsole,
} from './components'
export type { RealtimeItem, RealtimeModelSettings, RealtimeSessionEvent } from './core'
export { defineOutputGuardrail, handoff, hostedMcpTool, RealtimeAgent, RealtimeError, tool } from './core'
export type {
  ConversationSnapshot,
  RealtimeAuth,
  RealtimeClientOptions,
  RealtimeClientSnapshot,
  RealtimeProviderProps,
  RealtimeStatus,
  Store,
  ToolCallState,
  TransportChoice,
  TurnLatency,
} from './react'
export {
  RealtimeClient,
  RealtimeProvider,
  useAgentEvents,
  useAudioDevices,
  useAudioLevels,
  useCurrentAgent,
  useLatency,
  useRealtimeClient,
  useRealtimeSession,
  useSelector,
  useToolCalls,
  useTranscript,
  useTranscriptIds,
  useTranscriptItem,
  useUsage,
} from './react'
