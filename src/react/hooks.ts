'use client'
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react'
import type { AudioDeviceList, AudioGraphSnapshot } from '../audio'
import type { RealtimeClientSnapshot } from '../client'
import type {
  ConversationSnapshot,
  RealtimeItem,
  RealtimeSessionEvent,
  RealtimeSessionEventType,
  TurnLatency,
} from '../core'
import { useRealtimeClient } from './context'
import { useSelector } from './useSelector'

// Selectors live at module level so their identity is stable across renders.
const selectStatus = (s: RealtimeClientSnapshot) => s.status
const selectError = (s: RealtimeClientSnapshot) => s.error
const selectMuted = (s: RealtimeClientSnapshot) => s.muted
const selectTalking = (s: RealtimeClientSnapshot) => s.talking
const selectAgent = (s: RealtimeClientSnapshot) => s.currentAgent
const selectHandoff = (s: RealtimeClientSnapshot) => s.lastHandoff
const selectItemIds = (s: ConversationSnapshot) => s.ids
const selectItems = (s: ConversationSnapshot) => s.items
const selectToolCalls = (s: RealtimeClientSnapshot) => s.toolCalls
const selectUsage = (s: RealtimeClientSnapshot) => s.usage
const selectLatencies = (s: RealtimeClientSnapshot) => s.latencies

// The next two serve the components too (through this layer's index); the package does not export them.
/** A layout effect in the browser, an effect on the server (where layout effects warn). */
export const useIsomorphicLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect
/** A selector (or key) that is its input. */
export const identity = <T>(value: T): T => value

/**
 * The conversation's status and commands.
 * @example
 * const { status, connect, disconnect, sendMessage } = useRealtimeSession()
 */
export function useRealtimeSession() {
  const client = useRealtimeClient()
  const status = useSelector(client, selectStatus)
  const error = useSelector(client, selectError)
  const muted = useSelector(client, selectMuted)
  const talking = useSelector(client, selectTalking)
  return useMemo(
    () => ({
      status,
      error,
      muted,
      talking,
      connect: () => client.connect(),
      disconnect: () => client.disconnect(),
      sendMessage: (text: string) => client.sendMessage(text),
      interrupt: () => client.interrupt(),
      mute: () => client.setMuted(true),
      unmute: () => client.setMuted(false),
      setTalking: (value: boolean) => client.setTalking(value),
      client,
    }),
    [client, status, error, muted, talking],
  )
}

/**
 * Calls `handler` for session events (all, or `types`); the handler may change every render
 * without resubscribing.
 * @example
 * useAgentEvents((event) => console.log(event.type), { types: ['handoff', 'tool_end'] })
 */
export function useAgentEvents(
  handler: (event: RealtimeSessionEvent) => void,
  options: { types?: RealtimeSessionEventType[] } = {},
): void {
  const client = useRealtimeClient()
  const latest = useRef(handler)
  useIsomorphicLayoutEffect(() => {
    latest.current = handler
  })
  const key = options.types?.join(',') ?? ''
  useEffect(() => {
    const types = key ? new Set(key.split(',')) : null
    return client.onEvent((event) => {
      if (!types || types.has(event.type)) latest.current(event)
    })
  }, [client, key])
}

/**
 * One conversation item by id; re-renders only when that item changes.
 * @example
 * const item = useTranscriptItem(itemId)
 */
export function useTranscriptItem(itemId: string): RealtimeItem | undefined {
  const { conversation } = useRealtimeClient().stores
  const store = useMemo(
    () => ({
      subscribe: (listener: () => void) => conversation.subscribeItem(itemId, listener),
      getSnapshot: () => conversation.get(itemId),
    }),
    [conversation, itemId],
  )
  return useSelector(store, identity)
}

/**
 * Item ids in conversation order; changes only when items come or go, not on every delta.
 * @example
 * const itemIds = useTranscriptIds()
 */
export function useTranscriptIds(): readonly string[] {
  return useSelector(useRealtimeClient().stores.conversation, selectItemIds)
}

/**
 * The conversation: item ids in order (changes only when items come or go) and the items, which
 * change on every delta of any item (a streamed answer re-renders at each word).
 * @example
 * const { items } = useTranscript()
 */
export function useTranscript(): { itemIds: readonly string[]; items: readonly RealtimeItem[] } {
  const { conversation } = useRealtimeClient().stores
  const itemIds = useSelector(conversation, selectItemIds)
  const items = useSelector(conversation, selectItems)
  return useMemo(() => ({ itemIds, items }), [itemIds, items])
}

/**
 * The agent speaking now and the latest handoff.
 * @example
 * const { agent, lastHandoff } = useCurrentAgent()
 */
export function useCurrentAgent() {
  const client = useRealtimeClient()
  return { agent: useSelector(client, selectAgent), lastHandoff: useSelector(client, selectHandoff) }
}

/**
 * Tool calls of the session (awaiting approval, running, done, failed, rejected) and the approval commands.
 * @example
 * const { calls, approve, reject } = useToolCalls()
 */
export function useToolCalls() {
  const client = useRealtimeClient()
  const calls = useSelector(client, selectToolCalls)
  return useMemo(
    () => ({
      calls,
      pending: calls.filter((c) => c.status === 'awaiting_approval'),
      approve: (callId: string, options?: { always?: boolean }) => client.approveTool(callId, options),
      reject: (callId: string, options?: { message?: string; always?: boolean }) =>
        client.rejectTool(callId, options),
    }),
    [client, calls],
  )
}

/**
 * Token usage summed over the session's responses.
 * @example
 * const { totalTokens } = useUsage()
 */
export function useUsage() {
  return useSelector(useRealtimeClient(), selectUsage)
}

/**
 * Per turn: end of the user's speech (or a sent message) to the first audio of the answer.
 * @example
 * const { last, average } = useLatency()
 */
export function useLatency(): { turns: readonly TurnLatency[]; last: number | null; average: number | null } {
  const turns = useSelector(useRealtimeClient(), selectLatencies)
  return useMemo(() => {
    const last = turns.at(-1)?.latencyMs ?? null
    const average = turns.length ? turns.reduce((s, t) => s + t.latencyMs, 0) / turns.length : null
    return { turns, last, average }
  }, [turns])
}

/**
 * Level readers for requestAnimationFrame loops: calling them never re-renders.
 * @example
 * const levels = useAudioLevels()
 * // in a rAF loop: const v = levels.getOutputLevel()
 */
export function useAudioLevels() {
  const client = useRealtimeClient()
  return useMemo(
    () => ({
      getInputLevel: () => client.audioGraph?.getInputLevel() ?? 0,
      getOutputLevel: () => client.audioGraph?.getOutputLevel() ?? 0,
      getInputFrequencyData: (array: Uint8Array<ArrayBuffer>) =>
        client.audioGraph ? client.audioGraph.getInputFrequencyData(array) : array.fill(0),
      getOutputFrequencyData: (array: Uint8Array<ArrayBuffer>) =>
        client.audioGraph ? client.audioGraph.getOutputFrequencyData(array) : array.fill(0),
    }),
    [client],
  )
}

const EMPTY_DEVICES: AudioDeviceList = { inputs: [], outputs: [] }
const NO_GRAPH = { subscribe: () => () => {}, getSnapshot: () => null }
const selectDevices = (s: AudioGraphSnapshot | null) => s?.devices ?? EMPTY_DEVICES
const selectInputId = (s: AudioGraphSnapshot | null) => s?.inputDeviceId ?? null
const selectOutputId = (s: AudioGraphSnapshot | null) => s?.outputDeviceId ?? null

/**
 * Microphones and speakers, the selected ones, and selection commands; follows devicechange.
 * @example
 * const { inputs, selectInput } = useAudioDevices()
 */
export function useAudioDevices() {
  const client = useRealtimeClient()
  const graph = client.audioGraph
  const store = graph ?? NO_GRAPH
  const devices = useSelector(store, selectDevices)
  const inputDeviceId = useSelector(store, selectInputId)
  const outputDeviceId = useSelector(store, selectOutputId)
  return useMemo(
    () => ({
      ...devices,
      inputDeviceId,
      outputDeviceId,
      canSelectOutput: graph?.canSelectOutput ?? false,
      selectInput: (id: string | null) => graph?.setInputDevice(id) ?? Promise.resolve(),
      selectOutput: (id: string | null) => graph?.setOutputDevice(id) ?? Promise.resolve(),
      refresh: () => graph?.listDevices() ?? Promise.resolve(EMPTY_DEVICES),
    }),
    [graph, devices, inputDeviceId, outputDeviceId],
  )
}
