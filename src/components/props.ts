import type { SyntheticEvent } from 'react'

/** Runs the user's handler first; ours runs unless the user called `preventDefault()`. */
export function composeHandlers<E extends SyntheticEvent>(
  user: ((event: E) => void) | undefined,
  ours: (event: E) => void,
) {
  return (event: E) => {
    user?.(event)
    if (!event.defaultPrevented) ours(event)
  }
}

/** A present-or-absent boolean data attribute. */
export function flag(value: boolean): '' | undefined {
  return value ? '' : undefined
}

/** Joins class names, skipping empty ones. */
export function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ')
}

/**
 * What a prop getter returns: the element's attributes plus its `data-*` state attributes. Declared
 * rather than inferred so published types name React's attribute types instead of expanding them.
 */
export type ElementProps<T> = T & { [key: `data-${string}`]: string | undefined }
