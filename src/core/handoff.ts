import type { RealtimeAgent } from './agent'
import type { RunContext } from './context'
import { isRecord } from './guards'
import type { RealtimeItem } from './stores'

/** A transfer of the conversation to another agent, offered to the model as a `transfer_to_<name>` tool. */
export interface Handoff<TContext = unknown> {
  readonly type: 'handoff'
  readonly toolName: string
  readonly toolDescription: string
  readonly agent: RealtimeAgent<TContext>
  /** Called when the model takes the handoff, before the new agent starts. */
  readonly onHandoff?: (runContext: RunContext<TContext>) => void | Promise<void>
}

/** Options of `handoff()`: the tool name and description the model sees, and a callback. */
export interface HandoffOptions<TContext> {
  toolName?: string
  toolDescription?: string
  onHandoff?: (runContext: RunContext<TContext>) => void | Promise<void>
}

/** `transfer_to_` plus the agent's name in snake case: `Weather Agent` -> `transfer_to_weather_agent`. */
export function defaultHandoffToolName(agentName: string): string {
  const snake = agentName
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^a-zA-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase()
  return `transfer_to_${snake || 'agent'}`.slice(0, 64)
}

/** Builds a handoff to `agent`, optionally renaming its tool or describing it. */
export function handoff<TContext>(
  agent: RealtimeAgent<TContext>,
  options: HandoffOptions<TContext> = {},
): Handoff<TContext> {
  const description = agent.handoffDescription ? ` ${agent.handoffDescription}` : ''
  return {
    type: 'handoff',
    toolName: options.toolName ?? defaultHandoffToolName(agent.name),
    toolDescription:
      options.toolDescription ?? `Hand off to the ${agent.name} agent to handle the request.${description}`,
    agent,
    ...(options.onHandoff ? { onHandoff: options.onHandoff } : {}),
  }
}

function isHandoff<TContext>(entry: RealtimeAgent<TContext> | Handoff<TContext>): entry is Handoff<TContext> {
  return 'type' in entry && entry.type === 'handoff'
}

/** Normalises an agent's `handoffs` list: bare agents become default handoffs. */
export function handoffsOf<TContext>(agent: RealtimeAgent<TContext>): Handoff<TContext>[] {
  return agent.handoffs.map((h) => (isHandoff(h) ? h : handoff(h)))
}

/** What a handoff call answers the model: the agent that takes over (the Agents SDK's shape). */
export function handoffOutput(agentName: string): string {
  return JSON.stringify({ assistant: agentName })
}

/**
 * The agent a handoff call passed the conversation to, read from the call's output; null for any
 * other item (a tool whose output has the same `{"assistant": "…"}` shape reads as a handoff too).
 * @example
 * handoffTarget(item) // 'Booking Agent' for the `transfer_to_booking_agent` call
 */
export function handoffTarget(item: RealtimeItem): string | null {
  if (item.type !== 'function_call' || !item.output?.startsWith('{"assistant":')) return null
  try {
    const output: unknown = JSON.parse(item.output)
    return isRecord(output) && typeof output.assistant === 'string' ? output.assistant : null
  } catch {
    return null
  }
}
