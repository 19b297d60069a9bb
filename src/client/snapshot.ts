import type { AudioGraphSnapshot, AudioGraphState } from '../audio'
import type {
  AnyRealtimeAgent as Agent,
  AgentState,
  RealtimeError,
  StatusState,
  ToolCallState,
  TurnLatency,
  Usage,
} from '../core'

/** Where the conversation is, as one string (components expose it as `data-state`). */
export type RealtimeStatus =
  | 'idle'
  | 'connecting'
  | 'listening'
  | 'thinking'
  | 'speaking'
  | 'reconnecting'
  | 'error'

/**
 * An immutable picture of the client, derived from the session's stores and the audio graph's:
 * replaced only when one of them changed. The conversation is not part of it: read it from
 * `client.stores.conversation`, whose readers can follow one item or the whole list.
 */
export interface RealtimeClientSnapshot {
  readonly status: RealtimeStatus
  readonly error: RealtimeError | null
  readonly muted: boolean
  readonly talking: boolean
  /**
   * The audio graph's state ('idle' for a text-only client). 'suspended' means the browser holds the
   * audio until the user taps (Safari, iOS) or another app took it: call `resumeAudio()` from a click.
   */
  readonly audio: AudioGraphState
  readonly currentAgent: Agent
  readonly lastHandoff: { readonly from: string; readonly to: string } | null
  readonly toolCalls: readonly ToolCallState[]
  readonly usage: Usage
  readonly latencies: readonly TurnLatency[]
}

type Parts = readonly [
  StatusState,
  AgentState,
  readonly ToolCallState[],
  Usage,
  readonly TurnLatency[],
  AudioGraphSnapshot | null,
]

/** A selector over the stores, memoized on their snapshots: the same object until one of them changes. */
export function snapshotSelector(): (parts: Parts) => RealtimeClientSnapshot {
  let last: Parts | null = null
  // Set together with `last`.
  let snapshot!: RealtimeClientSnapshot
  return (parts) => {
    if (last?.every((part, i) => part === parts[i])) return snapshot
    const [state, agent, toolCalls, usage, latencies, graph] = parts
    last = parts
    snapshot = Object.freeze({
      status: state.status === 'closed' ? 'idle' : state.status,
      error: state.error,
      muted: graph?.muted ?? false,
      talking: graph?.talking ?? false,
      audio: graph?.state ?? 'idle',
      currentAgent: agent.agent,
      lastHandoff: agent.lastHandoff,
      toolCalls,
      usage,
      latencies,
    })
    return snapshot
  }
}
