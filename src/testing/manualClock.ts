import type { Clock, TimerHandle } from '../core'

/**
 * Microtask turns {@link flushMicrotasks} waits by default. Each turn lets every queued promise job
 * run one step, so a chain of N `await`s needs about N turns (awaiting an async function's result
 * costs up to three). The deepest chain in the kit's own flows, a function call answered through
 * {@link SimulatorTransport} (simulator, session, a tool that awaits once, its output back to the
 * simulator), settles within 20 turns; 200 leaves a tenfold margin for tools and handlers that
 * await more, and costs about 30 µs per flush here (Node 20).
 */
export const DEFAULT_MICROTASK_TURNS = 200

/**
 * Lets pending promise jobs run: awaits `turns` resolved promises in a row. It uses no timer, so
 * it behaves the same in Node, jsdom and browsers, and under Vitest's fake timers; work that waits
 * for I/O or a platform timer does not settle this way. (Faking `queueMicrotask` itself, which
 * Vitest does not do by default, would hold back what the transport delivers.)
 * @example
 * transport.send(event) // delivered in a microtask
 * await flushMicrotasks()
 */
export async function flushMicrotasks(turns: number = DEFAULT_MICROTASK_TURNS): Promise<void> {
  for (let i = 0; i < turns; i++) await Promise.resolve()
}

/** Options of a {@link ManualClock}. */
export interface ManualClockOptions {
  /** The time it starts at, ms. Default 0. */
  now?: number
  /** How many timers one `advance()` or `runAll()` may run before it calls them runaway. Default 10 000. */
  timerLimit?: number
  /** Microtask turns flushed before the first timer and after each one. Default {@link DEFAULT_MICROTASK_TURNS}. */
  microtaskTurns?: number
}

interface Timer {
  readonly id: number
  readonly due: number
  readonly callback: () => void
}

/**
 * A {@link Clock} that moves only when a test says so: `now()` starts at 0, and `advance(ms)` runs
 * the timers that fall due, in time order (ties in the order they were set), each at its own due
 * time and followed by a microtask flush, so whatever a timer started settles before the next one.
 * @example
 * const clock = new ManualClock()
 * const session = await runner.run({ apiKey: 'test', transport, clock })
 * session.sendMessage('hi')
 * await clock.advance(500) // the first half second of the answer
 * await clock.runAll() // the rest
 */
export class ManualClock implements Clock {
  readonly #timers = new Map<number, Timer>()
  readonly #timerLimit: number
  readonly #turns: number
  #now: number
  #nextId = 1
  #running = false

  constructor(options: ManualClockOptions = {}) {
    this.#now = options.now ?? 0
    this.#timerLimit = options.timerLimit ?? 10_000
    this.#turns = options.microtaskTurns ?? DEFAULT_MICROTASK_TURNS
  }

  /** The current time, ms. */
  now(): number {
    return this.#now
  }

  /** Schedules `callback` at `now() + ms` (a negative or non-finite delay counts as 0). */
  setTimeout(callback: () => void, ms: number): TimerHandle {
    const id = this.#nextId++
    const delay = Number.isFinite(ms) && ms > 0 ? ms : 0
    this.#timers.set(id, { id, due: this.#now + delay, callback })
    return id
  }

  /** Cancels a timer; a handle that is unknown or already ran is ignored. */
  clearTimeout(handle: TimerHandle): void {
    if (typeof handle === 'number') this.#timers.delete(handle)
  }

  /** How many timers are scheduled and not yet run. */
  get pendingTimers(): number {
    return this.#timers.size
  }

  /** Lets pending promise jobs run, as `advance` does between timers; the time does not move. */
  flush(): Promise<void> {
    return flushMicrotasks(this.#turns)
  }

  /**
   * Moves time forward by `ms`, running every timer due until then (including ones those timers
   * set), then leaves `now()` at the end of the span. A timer that throws stops the advance there and
   * rejects it.
   */
  async advance(ms: number): Promise<void> {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new RangeError(`ManualClock.advance(${ms}): pass a finite number of milliseconds, 0 or more.`)
    }
    const end = this.#now + ms
    await this.#run(end, this.#timerLimit, `advance(${ms})`)
    this.#now = Math.max(this.#now, end)
  }

  /**
   * Runs timers until none is left, moving `now()` to each one's due time; throws when more than
   * `limit` run, which means something keeps setting new ones (an idle timeout that re-arms, a poll).
   */
  async runAll(limit: number = this.#timerLimit): Promise<void> {
    await this.#run(Number.POSITIVE_INFINITY, limit, 'runAll()')
  }

  async #run(end: number, limit: number, caller: string): Promise<void> {
    if (this.#running) {
      throw new Error(
        `ManualClock.${caller}: another advance() or runAll() is still running; await it first.`,
      )
    }
    this.#running = true
    try {
      await this.flush()
      let ran = 0
      for (let timer = this.#next(end); timer; timer = this.#next(end)) {
        if (++ran > limit) {
          throw new Error(
            `ManualClock.${caller}: more than ${limit} timers ran, so something keeps scheduling new ones (an idle timeout that re-arms, a polling loop). Advance by a fixed time with advance(ms), or pass a higher limit.`,
          )
        }
        this.#timers.delete(timer.id)
        this.#now = timer.due
        timer.callback()
        await this.flush()
      }
    } finally {
      this.#running = false
    }
  }

  /** The earliest timer due by `end`; ids count up, so the lower id of a tie was set first. */
  #next(end: number): Timer | undefined {
    let next: Timer | undefined
    for (const timer of this.#timers.values()) {
      if (timer.due > end) continue
      if (!next || timer.due < next.due || (timer.due === next.due && timer.id < next.id)) next = timer
    }
    return next
  }
}
