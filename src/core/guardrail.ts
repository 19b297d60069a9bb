import type { RealtimeAgent } from './agent'
import type { RunContext } from './context'

/** What a guardrail function returns: whether it tripped, and anything worth reporting. */
export interface GuardrailFunctionOutput {
  tripwireTriggered: boolean
  outputInfo?: unknown
}

/** Checks the assistant's transcript as it streams; a trip cancels the response. */
export interface OutputGuardrail<TContext = unknown> {
  name: string
  execute(args: {
    agentOutput: string
    agent: RealtimeAgent<TContext>
    context: RunContext<TContext>
  }): GuardrailFunctionOutput | Promise<GuardrailFunctionOutput>
}

/** What one output guardrail decided about a piece of the transcript. */
export interface OutputGuardrailResult {
  guardrail: { name: string }
  agentOutput: string
  output: GuardrailFunctionOutput
}

/** How often guardrails run: every `debounceTextLength` new characters of transcript (default 100). */
export interface OutputGuardrailSettings {
  debounceTextLength?: number
}

export const DEFAULT_GUARDRAIL_DEBOUNCE = 100

/** Defines an output guardrail (an identity helper that types the function). */
export function defineOutputGuardrail<TContext = unknown>(
  guardrail: OutputGuardrail<TContext>,
): OutputGuardrail<TContext> {
  return guardrail
}
