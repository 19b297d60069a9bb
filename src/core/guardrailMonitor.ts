import type { RealtimeAgent } from './agent'
import type { RunContext } from './context'
import { messageOf, RealtimeError } from './errors'
import type { OutputGuardrail, OutputGuardrailResult } from './guardrail'

interface ItemState {
  checkedLength: number
  tripped: boolean
}

export interface GuardrailMonitorHost {
  onTrip(itemId: string, results: OutputGuardrailResult[], text: string): void
  onError(error: RealtimeError): void
}

/**
 * Runs output guardrails over an assistant transcript as it grows: each time `debounce` more
 * characters arrived, and once more on the final text. An item trips at most once.
 */
export class GuardrailMonitor {
  #items = new Map<string, ItemState>()
  #debounce: number
  #host: GuardrailMonitorHost

  constructor(debounce: number, host: GuardrailMonitorHost) {
    this.#debounce = Math.max(1, debounce)
    this.#host = host
  }

  check(
    itemId: string,
    text: string,
    final: boolean,
    guardrails: readonly OutputGuardrail<unknown>[],
    // biome-ignore lint/suspicious/noExplicitAny: guardrails of agents of any context type.
    agent: RealtimeAgent<any>,
    context: RunContext<unknown>,
  ): void {
    if (guardrails.length === 0) return
    let state = this.#items.get(itemId)
    if (!state) {
      state = { checkedLength: 0, tripped: false }
      this.#items.set(itemId, state)
    }
    if (state.tripped || text.length === state.checkedLength) return
    if (!final && text.length < state.checkedLength + this.#debounce) return
    state.checkedLength = text.length
    const item = state
    void Promise.all(
      guardrails.map(async (guardrail): Promise<OutputGuardrailResult | null> => {
        try {
          const output = await guardrail.execute({ agentOutput: text, agent, context })
          return { guardrail: { name: guardrail.name }, agentOutput: text, output }
        } catch (cause) {
          this.#host.onError(
            new RealtimeError(
              'guardrail_failed',
              `Output guardrail "${guardrail.name}" threw: ${messageOf(cause)}`,
              { cause },
            ),
          )
          return null
        }
      }),
    ).then((results) => {
      const tripped = results.filter((r): r is OutputGuardrailResult => r?.output.tripwireTriggered === true)
      if (tripped.length === 0 || item.tripped) return
      item.tripped = true
      this.#host.onTrip(itemId, tripped, text)
    })
  }

  /** Forget finished items so memory does not grow with the conversation. */
  forget(itemId: string): void {
    const state = this.#items.get(itemId)
    if (state && !state.tripped) this.#items.delete(itemId)
  }
}
