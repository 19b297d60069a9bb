import type { PlaybackTracker } from '../core'
import type { PlaybackPosition as Position } from './worklets/playback'

/**
 * The session's `PlaybackTracker`, fed by the playback worklet's reports: what was rendered for an
 * item, extrapolated to now with the audio clock, minus the output latency (rendered is not yet heard).
 */
export class WorkletPlaybackTracker implements PlaybackTracker {
  #latest: Position | null = null
  #context: () => AudioContext | null

  constructor(context: () => AudioContext | null) {
    this.#context = context
  }

  /** @internal Called with each report of the playback worklet. */
  report(report: Position): void {
    this.#latest = report
  }

  onAudio(): void {
    // Arrival does not matter here: only what the worklet rendered counts.
  }

  getPlayedMs(itemId: string, contentIndex: number): number {
    const latest = this.#latest
    if (!latest || latest.itemId !== itemId || latest.contentIndex !== contentIndex) return 0
    const context = this.#context()
    const elapsed = context ? Math.max(0, (context.currentTime - latest.time) * 1000) : 0
    const latencyMs = ((context as { outputLatency?: number } | null)?.outputLatency ?? 0) * 1000
    // While rendering, the last `latency` ms are still on their way to the speaker; once rendering
    // stopped, they arrive within `latency` ms.
    if (latest.playing) return Math.max(0, latest.playedMs + elapsed - latencyMs)
    return Math.max(0, latest.playedMs - Math.max(0, latencyMs - elapsed))
  }

  onInterrupt(): void {
    // The worklet reports where the fade ended; until then the last position stands.
  }
}
