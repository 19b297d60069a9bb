import { useCallback, useRef, useSyncExternalStore } from 'react'
import type { Store } from '../core'

/**
 * The kit's one binding to React: a selected slice of a store, re-rendering only when the slice
 * changes (by `isEqual`, default `Object.is`). Renders on the server from the same snapshot.
 */
export function useSelector<S, T>(
  store: Store<S>,
  selector: (snapshot: S) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): T {
  const last = useRef<{ value: T } | null>(null)
  const select = useCallback(() => {
    const next = selector(store.getSnapshot())
    if (last.current && isEqual(last.current.value, next)) return last.current.value
    last.current = { value: next }
    return next
  }, [store, selector, isEqual])
  // Stores may define subscribe as a method: call it on the store, never detached.
  const subscribe = useCallback((listener: () => void) => store.subscribe(listener), [store])
  return useSyncExternalStore(subscribe, select, select)
}

/** Equal when two arrays hold the same elements in the same order. */
export function shallowArrayEqual<T>(a: readonly T[], b: readonly T[]): boolean {
  return a === b || (a.length === b.length && a.every((v, i) => Object.is(v, b[i])))
}
