import type { Clock } from './clock'
import { RealtimeError } from './errors'

/** `promise`, or a rejection with `onTimeout()` after `ms` on `clock`; the timer is cleared either way. */
export async function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
  onTimeout: () => Error,
  clock: Clock,
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

/** `promise`, or a `connection_failed` error when the server has not confirmed the session within `ms`. */
export function untilConfirmed<T>(promise: Promise<T>, ms: number, clock: Clock): Promise<T> {
  return withTimeout(
    promise,
    ms,
    () => new RealtimeError('connection_failed', `The server did not confirm the session within ${ms} ms.`),
    clock,
  )
}
