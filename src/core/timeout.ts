import { type Clock, systemClock } from './clock'

/** `promise`, or a rejection with `onTimeout()` after `ms` on `clock`; the timer is cleared either way. */
export async function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
  onTimeout: () => Error,
  clock: Clock = systemClock,
): Promise<T> {
  let timer: unknown
  const timeout = new Promise<never>((_, reject) => {
    timer = clock.setTimeout(() => reject(onTimeout()), ms)
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clock.clearTimeout(timer)
  }
}
