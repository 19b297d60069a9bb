'use client'
import { isAudioError, type RealtimeError } from '../core'
import { type RealtimeClientSnapshot, type RealtimeStatus, useRealtimeSession, useSelector } from '../react'

const selectAwaiting = (s: RealtimeClientSnapshot) =>
  s.toolCalls.some((c) => c.status === 'awaiting_approval')

/**
 * What the user sees, as one string: the session's status refined by the microphone. The talk
 * button and the status line both read it, so they never contradict each other.
 */
export type VoiceState =
  | 'idle'
  | 'connecting'
  | 'listening'
  | 'muted'
  | 'mic-blocked'
  | 'thinking'
  | 'approval'
  | 'speaking'
  | 'reconnecting'
  | 'error'

/** The one transition table: session status, mute and error in, the state on screen out. */
export function voiceStateOf(
  status: RealtimeStatus,
  muted: boolean,
  error: RealtimeError | null,
  awaitingApproval = false,
): VoiceState {
  // The model waits on the user, not the other way round: say so instead of "Thinking…".
  if (awaitingApproval && (status === 'thinking' || status === 'listening')) return 'approval'
  if (status !== 'listening') return status
  if (isAudioError(error)) return 'mic-blocked'
  return muted ? 'muted' : 'listening'
}

export const VOICE_LABELS: Record<VoiceState, string> = {
  idle: 'Not connected',
  connecting: 'Connecting…',
  listening: 'Listening',
  muted: 'Microphone off',
  'mic-blocked': 'Microphone blocked',
  thinking: 'Thinking…',
  approval: 'Waiting for your approval',
  speaking: 'Speaking',
  reconnecting: 'Reconnecting…',
  error: 'Not connected',
}

/**
 * A message for the person using the app (the developer's detail stays in `error.message`,
 * `error.cause` and the console). `null` when there is nothing to tell.
 */
export function userMessageOf(error: RealtimeError | null): string | null {
  if (!error) return null
  switch (error.code) {
    case 'microphone_denied':
      return 'The microphone is blocked. Allow it in your browser’s site settings, then retry. You can still type.'
    case 'microphone_unavailable':
    case 'device_lost':
      return 'No microphone is available. Connect one, then retry. You can still type.'
    case 'audio_context_failed':
    case 'worklet_failed':
      return 'Audio could not start in this browser. You can still type.'
    case 'output_device_failed':
      return 'That speaker could not be used; the default one plays instead.'
    case 'auth_missing':
    case 'browser_api_key_refused':
    case 'client_secret_failed':
    case 'connection_failed':
    case 'connection_closed':
      return 'Could not connect to the voice service. Check your connection and try again.'
    case 'tool_not_found':
    case 'tool_invalid_arguments':
    case 'tool_execution_failed':
    case 'tool_timeout':
    case 'tool_rejected':
    case 'guardrail_failed':
      return null // the conversation goes on; the tool list and the log show the detail
    default:
      return 'Something went wrong with the voice service. Try again.'
  }
}

/**
 * The session's state as the user sees it, with the user-facing error message.
 * @example
 * const { state, label, message } = useVoiceState()
 */
export function useVoiceState() {
  const session = useRealtimeSession()
  const awaiting = useSelector(session.client, selectAwaiting)
  const state = voiceStateOf(session.status, session.muted, session.error, awaiting)
  return { state, label: VOICE_LABELS[state], message: userMessageOf(session.error), session }
}
