import type { Clock, TimerHandle } from '../clock'
import type { PlaybackTracker } from '../playback'

interface ItemAudio {
  itemId: string
  contentIndex: number
  receivedMs: number
  done: boolean
  interrupted: boolean
}

/** Where an interruption cuts the current item: what was heard, out of what was received. */
export interface Cut {
  itemId: string
  contentIndex: number
  audioEndMs: number
  receivedMs: number
}

/**
 * The position of the assistant's audio output: how much of the current item was received and
 * played. Over WebSocket the client plays the audio (a `PlaybackTracker` says how much was heard);
 * over WebRTC the server plays it and reports `output_audio_buffer.*` events.
 */
export class AudioOutput {
  tracker: PlaybackTracker
  /** WebRTC: the server plays the audio. */
  readonly overMedia: boolean
  mediaPlaying = false
  mediaItem: string | null = null
  #current: ItemAudio | null = null
  #timer: TimerHandle | undefined
  readonly #clock: Clock

  constructor(tracker: PlaybackTracker, overMedia: boolean, clock: Clock) {
    this.tracker = tracker
    this.overMedia = overMedia
    this.#clock = clock
  }

  /** A chunk of `ms` arrived for an item; false when it belongs to an interrupted item (drop it). */
  received(itemId: string, contentIndex: number, ms: number): boolean {
    let audio = this.#current
    if (!audio || audio.itemId !== itemId || audio.contentIndex !== contentIndex) {
      audio = this.#current = { itemId, contentIndex, receivedMs: 0, done: false, interrupted: false }
    }
    // Audio of an interrupted item that was already in flight is dropped, not played.
    if (audio.interrupted) return false
    audio.receivedMs += ms
    this.tracker.onAudio(itemId, contentIndex, ms)
    return true
  }

  /** The server sent all of an item's audio. */
  finished(itemId: string): void {
    if (this.#current?.itemId === itemId) this.#current.done = true
  }

  /** How much audio of `itemId` was received (`fallback` when it is not the current item). */
  receivedMsOf(itemId: string, fallback: number): number {
    return this.#current?.itemId === itemId ? this.#current.receivedMs : fallback
  }

  isCurrent(itemId: string): boolean {
    return this.#current?.itemId === itemId
  }

  /** Milliseconds of received audio not yet played. */
  get unplayedMs(): number {
    const audio = this.#current
    if (!audio || audio.interrupted) return 0
    return audio.receivedMs - this.tracker.getPlayedMs(audio.itemId, audio.contentIndex)
  }

  /**
   * Stops playback of the current item; returns where it was cut, or null when there is nothing to
   * cut (no audio, already cut, or everything was heard and nothing more is coming).
   */
  cut(streaming: boolean): Cut | null {
    const audio = this.#current
    if (!audio || audio.interrupted) return null
    const played = Math.min(
      audio.receivedMs,
      Math.max(0, this.tracker.getPlayedMs(audio.itemId, audio.contentIndex)),
    )
    if (!(streaming || !audio.done) && played >= audio.receivedMs - 0.5) return null
    audio.interrupted = true
    this.tracker.onInterrupt()
    return {
      itemId: audio.itemId,
      contentIndex: audio.contentIndex,
      audioEndMs: Math.floor(played),
      receivedMs: audio.receivedMs,
    }
  }

  /** Calls `then` once the unplayed audio has played (on the session's clock). */
  afterPlayback(ms: number, then: () => void): void {
    this.cancelWait()
    this.#timer = this.#clock.setTimeout(then, ms)
  }

  cancelWait(): void {
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer)
    this.#timer = undefined
  }

  /** The connection dropped: the item in flight is gone. */
  lost(): void {
    this.#current = null
  }
}
