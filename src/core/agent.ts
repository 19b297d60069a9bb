import type { RunContext } from './context'
import type { OutputGuardrail } from './guardrail'
import type { Handoff } from './handoff'
import type { AgentTool } from './tool'
import { checkVoice, type Voice } from './voice'

/** An agent's system prompt: text, or a function of the run context that returns it. */
export type Instructions<TContext> =
  | string
  | ((runContext: RunContext<TContext>, agent: RealtimeAgent<TContext>) => string | Promise<string>)

/** Options of a {@link RealtimeAgent}. */
export interface RealtimeAgentOptions<TContext = unknown> {
  name: string
  /** The system prompt, or a function of the run context that returns it. */
  instructions?: Instructions<TContext>
  /** Shown to other agents' models when they can hand off to this one. */
  handoffDescription?: string
  /** Function tools (`tool()`) and hosted MCP servers (`hostedMcpTool()`). */
  tools?: AgentTool<TContext>[]
  /** Agents (or `handoff(...)`s) this agent may transfer the conversation to. */
  handoffs?: (RealtimeAgent<TContext> | Handoff<TContext>)[]
  outputGuardrails?: OutputGuardrail<TContext>[]
  /**
   * The voice; like the API, it cannot change once the model has spoken in a session. A voice the
   * Realtime API refuses (`fable`, `onyx`, `nova`) throws a `RealtimeError` here, before connecting.
   */
  voice?: Voice
}

/**
 * A `RealtimeAgent` of any context type: what sessions, stores, events and the client hold,
 * since one conversation may hand off between agents written for different contexts.
 */
// biome-ignore lint/suspicious/noExplicitAny: agents of any context type are held alike.
export type AnyRealtimeAgent = RealtimeAgent<any>

/** A voice agent: a name, instructions, tools, handoffs and guardrails. */
export class RealtimeAgent<TContext = unknown> {
  readonly name: string
  readonly instructions: Instructions<TContext>
  readonly handoffDescription: string
  readonly tools: readonly AgentTool<TContext>[]
  readonly handoffs: readonly (RealtimeAgent<TContext> | Handoff<TContext>)[]
  readonly outputGuardrails: readonly OutputGuardrail<TContext>[]
  readonly voice: Voice | undefined

  constructor(options: RealtimeAgentOptions<TContext>) {
    if (!options.name) throw new TypeError('RealtimeAgent needs a non-empty `name`.')
    checkVoice(options.voice, `RealtimeAgent "${options.name}"`)
    this.name = options.name
    this.instructions = options.instructions ?? ''
    this.handoffDescription = options.handoffDescription ?? ''
    this.tools = options.tools ?? []
    this.handoffs = options.handoffs ?? []
    this.outputGuardrails = options.outputGuardrails ?? []
    this.voice = options.voice
  }

  /** Resolves the instructions for a run context. */
  async getInstructions(runContext: RunContext<TContext>): Promise<string> {
    return typeof this.instructions === 'function' ? this.instructions(runContext, this) : this.instructions
  }

  /** A copy with some options replaced. */
  clone(overrides: Partial<RealtimeAgentOptions<TContext>>): RealtimeAgent<TContext> {
    return new RealtimeAgent({
      name: this.name,
      instructions: this.instructions,
      handoffDescription: this.handoffDescription,
      tools: [...this.tools],
      handoffs: [...this.handoffs],
      outputGuardrails: [...this.outputGuardrails],
      voice: this.voice,
      ...overrides,
    })
  }
}
