import type { RealtimeError } from '../errors'
import { ValueStore } from './store'

/** A tool call as a UI shows it. */
export interface ToolCallState {
  readonly callId: string
  readonly name: string
  /** The hosted MCP server that ran the call, or null for a function tool. */
  readonly serverLabel: string | null
  readonly agentName: string
  readonly arguments: unknown
  readonly status: 'awaiting_approval' | 'running' | 'done' | 'failed' | 'rejected'
  readonly output: string | null
  readonly error: RealtimeError | null
}

/** What a writer gives `ToolCallStore.put`: the fields that change, with the call's name, agent and status. */
export type ToolCallPatch = Omit<Partial<ToolCallState>, 'callId'> &
  Pick<ToolCallState, 'name' | 'agentName' | 'status'>

const NONE: readonly ToolCallState[] = Object.freeze([])

/** The session's tool calls in the order the model made them; a call's entry is replaced when it moves on. */
export class ToolCallStore extends ValueStore<readonly ToolCallState[]> {
  constructor() {
    super(NONE)
  }

  /** Creates or advances the call `callId`. */
  put(callId: string, patch: ToolCallPatch): void {
    this.update((calls) => {
      const index = calls.findIndex((c) => c.callId === callId)
      const next: ToolCallState = Object.freeze({
        callId,
        arguments: null,
        serverLabel: null,
        output: null,
        error: null,
        // Stryker disable next-line ConditionalExpression: spreading calls[-1] (undefined) adds nothing either.
        ...(index >= 0 ? calls[index] : {}),
        ...patch,
      })
      return Object.freeze(index >= 0 ? calls.map((c, i) => (i === index ? next : c)) : [...calls, next])
    })
  }

  clear(): void {
    this.set(NONE)
  }
}
