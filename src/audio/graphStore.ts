import { RealtimeError } from '../core'
import type { AudioDeviceList } from './devices'

/** Where the audio graph is in its life, from idle to closed. */
export type AudioGraphState = 'idle' | 'starting' | 'running' | 'suspended' | 'closed' | 'error'

/** An immutable picture of the graph, replaced when something changed. */
export interface AudioGraphSnapshot {
  readonly state: AudioGraphState
  readonly muted: boolean
  readonly pushToTalk: boolean
  readonly talking: boolean
  /** The agent's audio is being rendered now. */
  readonly playing: boolean
  readonly inputDeviceId: string | null
  readonly outputDeviceId: string | null
  readonly underruns: number
  /** The devices as last listed (at start, on devicechange, or by `listDevices()`). */
  readonly devices: AudioDeviceList
  readonly error: RealtimeError | null
}

/** What the audio graph emits besides its snapshot: microphone frames, drained items, device fallbacks. */
export interface AudioGraphEvents {
  /** One encoded microphone frame, ready for `session.sendAudio`. */
  frame: ArrayBuffer
  /** An item's audio has played out completely. */
  drained: { itemId: string; playedMs: number }
  /** A device disappeared and the graph fell back to the default one. */
  fallback: { kind: 'input' | 'output'; lostDeviceId: string }
  devicechange: AudioDeviceList
  error: RealtimeError
}

type Listener<T> = (value: T) => void

/**
 * The graph's one store: every fact of the snapshot (muted, push-to-talk, talking, devices, ...)
 * lives here and nowhere else, and the graph's events go out from here. The capture, playback and
 * device parts read and write it; none keeps a copy.
 */
export class AudioGraphStore {
  readonly #storeListeners = new Set<() => void>()
  readonly #listeners = new Map<keyof AudioGraphEvents, Set<Listener<never>>>()
  #snapshot: AudioGraphSnapshot

  constructor(initial: Pick<AudioGraphSnapshot, 'pushToTalk' | 'inputDeviceId' | 'outputDeviceId'>) {
    this.#snapshot = Object.freeze({
      state: 'idle',
      muted: false,
      talking: false,
      playing: false,
      underruns: 0,
      devices: { inputs: [], outputs: [] },
      error: null,
      ...initial,
    })
  }

  subscribe(listener: () => void): () => void {
    this.#storeListeners.add(listener)
    return () => this.#storeListeners.delete(listener)
  }

  getSnapshot(): AudioGraphSnapshot {
    return this.#snapshot
  }

  /** Replaces the snapshot when a field of `patch` differs, then tells every subscriber. */
  update(patch: Partial<AudioGraphSnapshot>): void {
    const current = this.#snapshot
    if ((Object.keys(patch) as (keyof AudioGraphSnapshot)[]).every((k) => patch[k] === current[k])) return
    this.#snapshot = Object.freeze({ ...current, ...patch })
    for (const listener of this.#storeListeners) listener()
  }

  on<K extends keyof AudioGraphEvents>(type: K, listener: Listener<AudioGraphEvents[K]>): () => void {
    let set = this.#listeners.get(type)
    if (!set) {
      set = new Set()
      this.#listeners.set(type, set)
    }
    set.add(listener as Listener<never>)
    return () => set.delete(listener as Listener<never>)
  }

  emit<K extends keyof AudioGraphEvents>(type: K, value: AudioGraphEvents[K]): void {
    for (const listener of this.#listeners.get(type) ?? []) (listener as Listener<AudioGraphEvents[K]>)(value)
  }

  /**
   * Records `error` in the snapshot and emits it when it is a {@link RealtimeError}; returns it
   * either way, to rethrow (`throw store.report(error)`).
   */
  report(error: unknown): unknown {
    if (error instanceof RealtimeError) {
      this.update({ error })
      this.emit('error', error)
    }
    return error
  }
}
