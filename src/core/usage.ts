import type { WireUsage } from './protocol'

/** Token usage summed over the session's responses (from `response.done`). */
export interface Usage {
  readonly requests: number
  readonly inputTokens: number
  readonly outputTokens: number
  readonly totalTokens: number
}

export const EMPTY_USAGE: Usage = Object.freeze({
  requests: 0,
  inputTokens: 0,
  outputTokens: 0,
  totalTokens: 0,
})

/** Adds one response's usage. */
export function addUsage(usage: Usage, wire: WireUsage | null | undefined): Usage {
  if (!wire) return usage
  return {
    requests: usage.requests + 1,
    inputTokens: usage.inputTokens + (wire.input_tokens ?? 0),
    outputTokens: usage.outputTokens + (wire.output_tokens ?? 0),
    totalTokens: usage.totalTokens + (wire.total_tokens ?? 0),
  }
}
