import type {
  useAgentEvents,
  useAudioDevices,
  useAudioLevels,
  useCurrentAgent,
  useLatency,
  useRealtimeSession,
  useToolCalls,
  useTranscript,
} from './hooks'

/** What {@link useRealtimeSession} returns: status, error, mute and talk state, and the session's actions. */
export type UseRealtimeSessionResult = ReturnType<typeof useRealtimeSession>
/** The options {@link useAgentEvents} takes after its handler. */
export type UseAgentEventsOptions = NonNullable<Parameters<typeof useAgentEvents>[1]>
/** What {@link useTranscript} returns: the conversation's items in order. */
export type UseTranscriptResult = ReturnType<typeof useTranscript>
/** What {@link useCurrentAgent} returns: the agent now speaking for the session. */
export type UseCurrentAgentResult = ReturnType<typeof useCurrentAgent>
/** What {@link useToolCalls} returns: the session's tool calls and the approval actions. */
export type UseToolCallsResult = ReturnType<typeof useToolCalls>
/** What {@link useLatency} returns: every turn's latency, the last and the average. */
export type UseLatencyResult = ReturnType<typeof useLatency>
/** What {@link useAudioLevels} returns: pull-based input and output levels (read them in an animation frame). */
export type UseAudioLevelsResult = ReturnType<typeof useAudioLevels>
/** What {@link useAudioDevices} returns: the audio devices and the selected ones, with setters. */
export type UseAudioDevicesResult = ReturnType<typeof useAudioDevices>
