/** An opaque handle of a scheduled callback. */
export type TimerHandle = unknown

/**
 * Time as the kit reads and schedules it: milliseconds since an arbitrary origin, and timers.
 * Everything in the kit that waits (speaking status, reconnect backoff, tool timeouts, the
 * simulator's pace) goes through one clock, so tests inject a manual one and advance it explicitly.
 */
export interface Clock {
  now(): number
  setTimeout(callback: () => void, ms: number): TimerHandle
  clearTimeout(handle: TimerHandle): void
}

/** The platform's clock: `performance.now()` and the global timers. */
export const systemClock: Clock = {
  now: () => (typeof performance !== 'undefined' ? performance.now() : Date.now()),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  // A clock only gets back the handles its own setTimeout returned, so this one takes those.
  clearTimeout: (handle: ReturnType<typeof setTimeout>) => clearTimeout(handle),
}
