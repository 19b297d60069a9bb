import type { PlaybackTracker } from '../../core'

interface Mark {
  itemId: string
  contentIndex: number
  endMs: number
}

/**
 * What the caller has heard, from Twilio's echoed marks: every outgoing chunk is followed by a mark
 * naming the item position it ends at, and Twilio echoes a mark once the audio before it has played.
 * So the position of the latest echoed mark is what was heard, the same fact the browser's playback
 * worklet reports, and an interruption truncates there.
 */
export class MarkPlaybackTracker implements PlaybackTracker {
  readonly #pending = new Map<string, Mark>()
  #itemId: string | null = null
  #contentIndex = 0
  #receivedMs = 0
  #heardMs = 0
  #next = 0

  onAudio(itemId: string, contentIndex: number, durationMs: number): void {
    if (itemId !== this.#itemId || contentIndex !== this.#contentIndex) {
      this.#itemId = itemId
      this.#contentIndex = contentIndex
      this.#receivedMs = 0
      this.#heardMs = 0
    }
    this.#receivedMs += durationMs
  }

  /** A mark for the end of the audio received so far; send it after that audio. */
  mark(): string {
    const name = `m${(this.#next++).toString(36)}`
    this.#pending.set(name, {
      itemId: this.#itemId ?? '',
      contentIndex: this.#contentIndex,
      endMs: this.#receivedMs,
    })
    return name
  }

  /** Twilio echoed a mark: the audio before it was played. False when the mark is not one of ours. */
  heard(name: string): boolean {
    const mark = this.#pending.get(name)
    if (!mark) return false
    this.#pending.delete(name)
    if (mark.itemId === this.#itemId && mark.contentIndex === this.#contentIndex)
      this.#heardMs = Math.max(this.#heardMs, mark.endMs)
    return true
  }

  getPlayedMs(itemId: string, contentIndex: number): number {
    return itemId === this.#itemId && contentIndex === this.#contentIndex ? this.#heardMs : 0
  }

  /** Marks still out (audio sent, not yet played). */
  get pending(): number {
    return this.#pending.size
  }

  onInterrupt(): void {
    // After `clear`, Twilio echoes the cleared marks at once; they must not count as heard.
    this.#pending.clear()
    this.#receivedMs = this.#heardMs
  }
}
