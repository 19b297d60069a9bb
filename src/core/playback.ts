import { type Clock, systemClock } from './clock'

/**
 * Tells the session how much of an assistant item the user has actually heard, so an interruption
 * truncates the conversation at that point. The browser audio graph implements it from its playback
 * worklet; the default estimates from wall-clock time.
 */
export interface PlaybackTracker {
  /** The session received `durationMs` of audio for an item. */
  onAudio(itemId: string, contentIndex: number, durationMs: number): void
  /** Milliseconds of the item played so far (the session clamps it to what was received). */
  getPlayedMs(itemId: string, contentIndex: number): number
  /** Playback was cut: forget queued audio. */
  onInterrupt(): void
}

/**
 * Assumes audio plays in real time from the moment its first chunk arrives, with no gap but the ones
 * the network causes: each chunk starts at max(arrival, end of the previous chunk). Since every chunk
 * arrived before "now", what is still unplayed is exactly `scheduledEnd - now`, so the estimate is O(1).
 */
export class WallClockPlaybackTracker implements PlaybackTracker {
  #clock: Clock
  #itemId: string | null = null
  #contentIndex = 0
  #received = 0
  #scheduledEnd = 0

  constructor(clock: Clock = systemClock) {
    this.#clock = clock
  }

  onAudio(itemId: string, contentIndex: number, durationMs: number): void {
    const now = this.#clock.now()
    if (itemId !== this.#itemId || contentIndex !== this.#contentIndex) {
      this.#itemId = itemId
      this.#contentIndex = contentIndex
      this.#received = 0
      this.#scheduledEnd = now
    }
    this.#scheduledEnd = Math.max(now, this.#scheduledEnd) + durationMs
    this.#received += durationMs
  }

  getPlayedMs(itemId: string, contentIndex: number): number {
    if (itemId !== this.#itemId || contentIndex !== this.#contentIndex) return 0
    return Math.max(0, this.#received - Math.max(0, this.#scheduledEnd - this.#clock.now()))
  }

  onInterrupt(): void {
    // Freeze the item at what was heard: nothing queued remains to play.
    const now = this.#clock.now()
    this.#received = Math.max(0, this.#received - Math.max(0, this.#scheduledEnd - now))
    this.#scheduledEnd = now
  }
}

/** For sessions whose audio nobody plays (text-only UIs): everything received counts as heard at once. */
export const immediatePlaybackTracker: PlaybackTracker = {
  onAudio() {},
  getPlayedMs: () => Number.POSITIVE_INFINITY,
  onInterrupt() {},
}
