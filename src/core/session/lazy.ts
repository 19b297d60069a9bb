import { RealtimeError, type RealtimeErrorCode } from '../errors'

/**
 * A part of the session that only some sessions use, in a chunk of its own that other sessions
 * never download. The runner loads it before connecting when the agents need it (`engine.preload`),
 * so no event waits for it; a session that meets it unannounced loads it on first use, and the
 * work handed over meanwhile runs once it has loaded, in order.
 */
export class LazyPart<T> {
  readonly #load: () => Promise<T>
  readonly #code: RealtimeErrorCode
  readonly #message: string
  readonly #report: (error: RealtimeError) => void
  #value: T | null = null
  #loading: Promise<T> | null = null

  /** `code` and `message` say, as a typed error, that the part could not load; `report` tells the session. */
  constructor(
    load: () => Promise<T>,
    code: RealtimeErrorCode,
    message: string,
    report: (error: RealtimeError) => void,
  ) {
    this.#load = load
    this.#code = code
    this.#message = message
    this.#report = report
  }

  /** The part once loaded. */
  get loaded(): T | null {
    return this.#value
  }

  /** Whether loading has begun (work handed over since then must keep its order). */
  get requested(): boolean {
    return this.#loading !== null
  }

  /** Loads the part once; a failed download rejects with the typed error. */
  load(): Promise<T> {
    this.#loading ??= this.#load().then(
      (value) => (this.#value = value),
      (cause) => {
        throw new RealtimeError(this.#code, this.#message, { cause })
      },
    )
    return this.#loading
  }

  /** Runs `handle` with the part: at once when it is loaded, else once it is. */
  use(handle: (part: T) => void): void {
    if (this.#value) handle(this.#value)
    else this.load().then(handle, this.#report)
  }
}
