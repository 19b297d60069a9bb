import type { ComponentPropsWithoutRef } from 'react'
import type { AgentIndicator } from './AgentIndicator'
import type { useAudioUnlock } from './AudioUnlock'
import type { ConnectionStatus, useConnectionStatus } from './ConnectionStatus'
import type { DeviceSelect } from './DeviceSelect'
import type { EventLog, useEventLog } from './EventLog'
import type { useMessageInput } from './MessageInput'
import type { useTalkButton } from './TalkButton'
import type { ToolCallList } from './ToolCallList'
import type { TranscriptRow, useTranscriptView } from './TranscriptView'
import type { VoiceConsole } from './VoiceConsole'
import type { useVoiceState } from './voiceState'

/** Props of {@link AgentIndicator}. */
export type AgentIndicatorProps = ComponentPropsWithoutRef<typeof AgentIndicator>
/** Props of {@link ConnectionStatus}. */
export type ConnectionStatusProps = ComponentPropsWithoutRef<typeof ConnectionStatus>
/** Props of {@link DeviceSelect}. */
export type DeviceSelectProps = ComponentPropsWithoutRef<typeof DeviceSelect>
/** Props of {@link EventLog}. */
export type EventLogProps = ComponentPropsWithoutRef<typeof EventLog>
/** Props of {@link ToolCallList}. */
export type ToolCallListProps = ComponentPropsWithoutRef<typeof ToolCallList>
/** Props of {@link TranscriptRow}: the id of the item the row shows. */
export type TranscriptRowProps = ComponentPropsWithoutRef<typeof TranscriptRow>
/** Props of {@link VoiceConsole}. */
export type VoiceConsoleProps = ComponentPropsWithoutRef<typeof VoiceConsole>

/** What {@link useAudioUnlock} returns: whether a tap is needed, `unlock()` and `getButtonProps()`. */
export type UseAudioUnlockResult = ReturnType<typeof useAudioUnlock>
/** What {@link useTalkButton} returns: the pressed state and `getButtonProps()`. */
export type UseTalkButtonResult = ReturnType<typeof useTalkButton>
/** What {@link useConnectionStatus} returns: the status, its label and `getStatusProps()`. */
export type UseConnectionStatusResult = ReturnType<typeof useConnectionStatus>
/** What {@link useEventLog} returns: the logged events and their controls. */
export type UseEventLogResult = ReturnType<typeof useEventLog>
/** What {@link useMessageInput} returns: the text, `send()` and the form, input and submit prop getters. */
export type UseMessageInputResult = ReturnType<typeof useMessageInput>
/** What {@link useTranscriptView} returns: the item ids, follow state and `getScrollProps()`. */
export type UseTranscriptViewResult = ReturnType<typeof useTranscriptView>
/** What {@link useVoiceState} returns: the voice state, its label, a message for the user and the session. */
export type UseVoiceStateResult = ReturnType<typeof useVoiceState>

/** The options {@link useTalkButton} takes. */
export type UseTalkButtonOptions = NonNullable<Parameters<typeof useTalkButton>[0]>
/** The options {@link useEventLog} takes. */
export type UseEventLogOptions = NonNullable<Parameters<typeof useEventLog>[0]>
/** The options {@link useMessageInput} takes. */
export type UseMessageInputOptions = NonNullable<Parameters<typeof useMessageInput>[0]>
