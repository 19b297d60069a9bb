import type { Clock } from '../clock'
import { ValueStore } from './store'

/** End of the user's turn to the first output of the answer, per turn. */
export interface TurnLatency {
  readonly turn: number
  readonly latencyMs: number
}

const NONE: readonly TurnLatency[] = Object.freeze([])

/**
 * Latency per turn: from the end of the user's turn (speech stopped, a message sent, audio
 * committed) to the first audio (or text, in a text-only session) of the answer, on the session's clock.
 */
export class LatencyStore extends ValueStore<readonly TurnLatency[]> {
  #turnEndedAt: number | null = null

  constructor() {
    super(NONE)
  }

  /** The user's turn ended now. */
  turnEnded(clock: Clock): void {
    this.#turnEndedAt = clock.now()
  }

  /** The answer's first output arrived now; records the turn once. */
  outputStarted(clock: Clock): void {
    if (this.#turnEndedAt === null) return
    const latencyMs = clock.now() - this.#turnEndedAt
    this.#turnEndedAt = null
    this.update((turns) => Object.freeze([...turns, Object.freeze({ turn: turns.length + 1, latencyMs })]))
  }

  clear(): void {
    this.#turnEndedAt = null
    this.set(NONE)
  }
}
