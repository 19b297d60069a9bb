import type { AnyRealtimeAgent as Agent } from '../agent'
import type { RealtimeError } from '../errors'
import { EMPTY_USAGE, type Usage } from '../usage'
import { ConversationStore } from './conversation'
import { LatencyStore } from './latency'
import { ValueStore } from './store'
import { ToolCallStore } from './toolCalls'

export type {
  ConversationSnapshot,
  HistoryChange,
  ItemStatus,
  RealtimeItem,
  RealtimeMessageItem,
  RealtimeToolCallItem,
} from './conversation'
export { ConversationStore } from './conversation'
export type { TurnLatency } from './latency'
export { LatencyStore } from './latency'
export type { Store } from './store'
export { Listeners, ValueStore } from './store'
export type { ToolCallPatch, ToolCallState } from './toolCalls'
export { ToolCallStore } from './toolCalls'

/** Where the conversation is: one string, for UIs to show as `data-state`. `closed` before the first connection. */
export type SessionStatus =
  | 'connecting'
  | 'listening'
  | 'thinking'
  | 'speaking'
  | 'reconnecting'
  | 'closed'
  | 'error'

/** The status and the latest error reported (an error does not always end the session). */
export interface StatusState {
  readonly status: SessionStatus
  readonly error: RealtimeError | null
}

/** The agent speaking now and the latest handoff. */
export interface AgentState {
  readonly agent: Agent
  readonly lastHandoff: { readonly from: string; readonly to: string } | null
}

/**
 * Every fact of a conversation, each in exactly one store. A session writes them; a controller
 * that opens session after session (the browser client) keeps one set and hands it to each.
 */
export class SessionStores {
  readonly status = new ValueStore<StatusState>(Object.freeze({ status: 'closed', error: null }))
  readonly agent: ValueStore<AgentState>
  readonly conversation = new ConversationStore()
  readonly toolCalls = new ToolCallStore()
  readonly usage = new ValueStore<Usage>(EMPTY_USAGE)
  readonly latency = new LatencyStore()

  constructor(agent: Agent) {
    this.agent = new ValueStore<AgentState>(Object.freeze({ agent, lastHandoff: null }))
  }

  /** Starts a new conversation with `agent`: status `connecting`, everything else empty. */
  reset(agent: Agent): void {
    this.status.set(Object.freeze({ status: 'connecting', error: null }))
    this.agent.set(Object.freeze({ agent, lastHandoff: null }))
    this.conversation.reset()
    this.toolCalls.clear()
    this.usage.set(EMPTY_USAGE)
    this.latency.clear()
  }

  /** Subscribes to every store at once. */
  subscribe(listener: () => void): () => void {
    const { status, agent, conversation, toolCalls, usage, latency } = this
    const offs = [status, agent, conversation, toolCalls, usage, latency].map((store) =>
      store.subscribe(listener),
    )
    return () => {
      for (const off of offs) off()
    }
  }
}
