/**
 * Waits that end on an event or a condition, never after a fixed time: a busy machine only makes
 * them slower. Each is bounded by a generous timeout that fails naming what it waited for.
 */
export interface WaitOptions {
  /** What is awaited, for the failure message ("the answer to be heard"). */
  what: string
  /** Milliseconds before giving up. Default 10 000: far above what a loaded machine needs. */
  timeoutMs?: number
  /** What was last observed, added to the failure message. */
  seen?: () => unknown
}

type Subscribe = (notify: () => void) => () => void

/** Resolves once `check` passes, checked now and at every notification of `subscribe`. */
export function until(subscribe: Subscribe, check: () => boolean, options: WaitOptions): Promise<void> {
  // A bound, not a wait: it only turns a hang into a named failure, so it is generous for a loaded machine.
  const { what, timeoutMs = 30_000, seen } = options
  return new Promise((resolve, reject) => {
    let unsubscribe = () => {}
    let settled = false
    const settle = (error?: Error) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      unsubscribe()
      if (error) reject(error)
      else resolve()
    }
    const timer = setTimeout(() => {
      const last = seen ? ` (last seen: ${JSON.stringify(seen())})` : ''
      settle(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${last}`))
    }, timeoutMs)
    const evaluate = () => {
      try {
        if (check()) settle()
      } catch (error) {
        settle(error as Error)
      }
    }
    unsubscribe = subscribe(evaluate)
    if (settled) unsubscribe()
    else evaluate()
  })
}

/** Resolves with the first value `on` delivers that matches `predicate`. */
export async function untilEvent<T>(
  on: (listener: (value: T) => void) => () => void,
  predicate: (value: T) => boolean,
  options: WaitOptions,
): Promise<T> {
  let found: { value: T } | null = null
  await until(
    (notify) =>
      on((value) => {
        if (!found && predicate(value)) {
          found = { value }
          notify()
        }
      }),
    () => found !== null,
    options,
  )
  return (found as unknown as { value: T }).value
}

/** Re-checks `check` every few milliseconds, for values that announce no change (levels, clocks). */
export function eventually(check: () => boolean, options: WaitOptions): Promise<void> {
  return until(
    (notify) => {
      const id = setInterval(notify, 5)
      return () => clearInterval(id)
    },
    check,
    options,
  )
}

/** Resolves once the audio clock of `context` reached `time` (seconds): real audio time has passed. */
export function untilAudioTime(context: BaseAudioContext, time: number, what: string): Promise<void> {
  return eventually(() => context.currentTime >= time, {
    what: `${what} (audio clock at ${time.toFixed(3)} s)`,
    seen: () => context.currentTime,
  })
}
