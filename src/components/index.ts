'use client'
export { AgentIndicator } from './AgentIndicator'
export type { AudioUnlockButtonProps } from './AudioUnlock'
export { AudioUnlockButton, useAudioUnlock } from './AudioUnlock'
export type { AudioVisualizerProps, VisualizerOptions } from './AudioVisualizer'
export { AudioVisualizer, useAudioVisualizer } from './AudioVisualizer'
export { ConnectionStatus, useConnectionStatus } from './ConnectionStatus'
export { DeviceSelect } from './DeviceSelect'
export { EventLog, useEventLog } from './EventLog'
export type { FrameScheduler, LoggedEvent } from './eventLogStore'
export type { MessageInputProps } from './MessageInput'
export { MessageInput, useMessageInput } from './MessageInput'
export type { ElementProps } from './props'
export type { TalkButtonProps, TalkMode } from './TalkButton'
export { TalkButton, useTalkButton } from './TalkButton'
export { ToolCallList } from './ToolCallList'
export type { TranscriptViewProps, WithdrawnDisplay } from './TranscriptView'
export { TranscriptRow, TranscriptView, useTranscriptView } from './TranscriptView'
export type {
  AgentIndicatorProps,
  ConnectionStatusProps,
  DeviceSelectProps,
  EventLogProps,
  ToolCallListProps,
  TranscriptRowProps,
  UseAudioUnlockResult,
  UseConnectionStatusResult,
  UseEventLogOptions,
  UseEventLogResult,
  UseMessageInputOptions,
  UseMessageInputResult,
  UseTalkButtonOptions,
  UseTalkButtonResult,
  UseTranscriptViewResult,
  UseVoiceStateResult,
  VoiceConsoleProps,
} from './types'
export { VoiceConsole } from './VoiceConsole'
export type { VoiceState } from './voiceState'
export { useVoiceState } from './voiceState'
