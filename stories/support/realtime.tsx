import type { Decorator } from '@storybook/react-vite'
import { type ReactNode, useEffect } from 'react'
import { triageAgent } from '../../demo/agents'
import type { ToolCallState, VoiceState } from '../../src'
import {
  type RealtimeAgent,
  RealtimeClient,
  type RealtimeClientSnapshot,
  RealtimeError,
  RealtimeProvider,
  useRealtimeClient,
} from '../../src'
import type { RealtimeItem, RealtimeTransport } from '../../src/core'

/**
 * How long a story's play function waits for the simulator to get somewhere. Stories wait for what
 * they expect to see, never for a fixed time; the bound only turns a hang into a clear failure, so it
 * is generous: a loaded machine may take many times longer than a quiet one.
 */
export const STORY_WAIT = { timeout: 45_000 } as const

/** Story parameters for the realtime decorator. */
export interface RealtimeParameters {
  /** Connect at once and send these messages, each after the previous answer ended. */
  script?: string[]
  /** Approve tool calls as they come. */
  autoApprove?: boolean
  /** Play audio through the graph (asks for the microphone on connect). Default false. */
  audio?: boolean
  /** A fixed client (a state catalogue) instead of a live one. */
  client?: RealtimeClient
  /** A transport per connection, e.g. a ReplayTransport of a recorded conversation. */
  transport?: () => RealtimeTransport
  /** The starting agent; default the demo's triage agent. */
  agent?: RealtimeAgent
}

/** The live clients of the stories on screen, and those whose script still has steps to send. */
const liveClients = new Set<RealtimeClient>()
const scripting = new Set<RealtimeClient>()

function Track() {
  const client = useRealtimeClient()
  useEffect(() => {
    liveClients.add(client)
    return () => {
      liveClients.delete(client)
    }
  }, [client])
  return null
}

const BUSY = new Set(['connecting', 'reconnecting', 'thinking', 'speaking'])

/**
 * Whether every live story client has nothing in flight: no script step left, no connection or
 * answer under way (waiting on the user's approval counts as settled), no item still streaming.
 * Screenshots wait for this, so they see the story's end state rather than a moment of it.
 */
export function storiesSettled(): boolean {
  for (const client of liveClients) {
    if (scripting.has(client)) return false
    const { status, toolCalls } = client.getSnapshot()
    const awaiting = toolCalls.some((call) => call.status === 'awaiting_approval')
    if (BUSY.has(status) && !awaiting) return false
    if (client.stores.conversation.items.some((item) => item.status === 'in_progress')) return false
  }
  return true
}

/** Drives a conversation through the public API, so the components see real simulator events. */
function Script({ messages, autoApprove }: { messages: string[]; autoApprove: boolean }) {
  const client = useRealtimeClient()
  useEffect(() => {
    let cancelled = false
    scripting.add(client)
    const off = client.onEvent((event) => {
      if (autoApprove && event.type === 'tool_approval_required') client.approveTool(event.callId)
    })
    void (async () => {
      await client.connect()
      for (const text of messages) {
        if (cancelled) return
        client.sendMessage(text)
        await new Promise<void>((resolve) => {
          const stop = client.onEvent((event) => {
            const settled =
              event.type === 'raw_model_event' &&
              event.data.type === 'response.done' &&
              client.session?.status !== 'thinking'
            if (settled) {
              stop()
              resolve()
            }
          })
        })
      }
      scripting.delete(client)
    })()
    return () => {
      cancelled = true
      scripting.delete(client)
      off()
    }
  }, [client, messages, autoApprove])
  return null
}

/** Wraps a story in a provider talking to the simulator (served by msw). */
export const withRealtime: Decorator = (Story, context) => {
  const params = (context.parameters.realtime ?? {}) as RealtimeParameters
  if (params.client)
    return (
      <RealtimeProvider key={context.id} client={params.client}>
        <Story />
      </RealtimeProvider>
    )
  return (
    <RealtimeProvider
      key={context.id}
      agent={params.agent ?? triageAgent}
      auth={{ clientSecret: 'ek_storybook' }}
      audio={params.audio ? {} : false}
      {...(params.transport ? { transport: params.transport } : {})}
    >
      <Track />
      {params.script && <Script messages={params.script} autoApprove={params.autoApprove ?? false} />}
      <Story />
    </RealtimeProvider>
  )
}

/** A client frozen in one state, for catalogues of every `data-state`. */
export function frozenClient(
  patch: Partial<RealtimeClientSnapshot>,
  items: RealtimeItem[] = [],
): RealtimeClient {
  const client = new RealtimeClient({ agent: triageAgent, audio: false })
  // Written to the client's stores, where a live session would write them.
  const { stores } = client
  const status = patch.status === 'idle' || !patch.status ? 'closed' : patch.status
  stores.status.set({ status, error: patch.error ?? null })
  if (patch.currentAgent || patch.lastHandoff)
    stores.agent.set({
      agent: patch.currentAgent ?? triageAgent,
      lastHandoff: patch.lastHandoff ?? null,
    })
  for (const call of patch.toolCalls ?? []) stores.toolCalls.put(call.callId, call)
  if (patch.usage) stores.usage.set(patch.usage)
  for (const item of items) stores.conversation.add(item)
  // Microphone and audio states need an audio graph; a catalogue shows them without one.
  if (patch.muted || patch.talking || patch.audio) {
    const derived = client.getSnapshot
    let from: RealtimeClientSnapshot | null = null
    let frozen: RealtimeClientSnapshot | null = null
    client.getSnapshot = () => {
      const next = derived()
      if (next !== from || !frozen) {
        from = next
        frozen = Object.freeze({
          ...next,
          muted: patch.muted ?? false,
          talking: patch.talking ?? false,
          audio: patch.audio ?? next.audio,
        })
      }
      return frozen
    }
  }
  return client
}

export const message = (
  itemId: string,
  role: 'user' | 'assistant',
  text: string,
  extra: Partial<RealtimeItem> = {},
): RealtimeItem =>
  ({
    type: 'message',
    itemId,
    previousItemId: null,
    role,
    status: 'completed',
    text,
    modality: 'audio',
    agentName: role === 'assistant' ? 'Triage' : null,
    truncated: null,
    transcriptionFailed: false,
    ...extra,
  }) as RealtimeItem

export function Stack({ children }: { children: ReactNode }) {
  return <div style={{ display: 'grid', gap: 12, justifyItems: 'start' }}>{children}</div>
}

const refused = new RealtimeError(
  'browser_api_key_refused',
  'A standard API key in a browser would be visible to every visitor.',
)
const micDenied = new RealtimeError('microphone_denied', 'Permission denied by the browser.')
const awaitingBooking: ToolCallState = {
  callId: 'call_book',
  name: 'book_table',
  agentName: 'Triage',
  arguments: { people: 2, time: '19:30' },
  serverLabel: null,
  status: 'awaiting_approval',
  output: null,
  error: null,
}

/**
 * Every state a user can see (`VoiceState`), each with the client snapshot that produces it: the
 * session's status refined by the microphone and pending approvals.
 */
export const VOICE_STATES: { state: VoiceState; patch: Partial<RealtimeClientSnapshot> }[] = [
  { state: 'idle', patch: { status: 'idle' } },
  { state: 'connecting', patch: { status: 'connecting' } },
  { state: 'listening', patch: { status: 'listening' } },
  { state: 'muted', patch: { status: 'listening', muted: true } },
  { state: 'mic-blocked', patch: { status: 'listening', error: micDenied } },
  { state: 'thinking', patch: { status: 'thinking' } },
  { state: 'approval', patch: { status: 'thinking', toolCalls: [awaitingBooking] } },
  { state: 'speaking', patch: { status: 'speaking' } },
  { state: 'reconnecting', patch: { status: 'reconnecting' } },
  { state: 'error', patch: { status: 'error', error: refused } },
]

/** Renders `children` once per voice state, each under a provider whose client is frozen in it. */
export function StateCatalogue({ children }: { children: (state: VoiceState) => ReactNode }) {
  return (
    <Stack>
      {VOICE_STATES.map(({ state, patch }) => (
        <RealtimeProvider key={state} client={frozenClient(patch)}>
          {children(state)}
        </RealtimeProvider>
      ))}
    </Stack>
  )
}

/** A client frozen in one voice state, for stories of a single state. */
export function clientIn(state: VoiceState): RealtimeClient {
  const entry = VOICE_STATES.find((s) => s.state === state)
  if (!entry) throw new Error(`no voice state ${state}`)
  return frozenClient(entry.patch)
}
