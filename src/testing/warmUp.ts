import { eventProblem, eventSchemaName, eventTypes, realtimeSchemas } from './validation'

/** The spec's example of a client event (hand-written: some carry `//` comments or trailing commas). */
export function clientEventExample(type: string): unknown {
  const name = eventSchemaName('client', type)
  const text = name ? realtimeSchemas[name]?.['x-oaiMeta']?.example : undefined
  try {
    if (text) return JSON.parse(text.replace(/^\s*\/\/.*$/gm, '').replace(/,(\s*[}\]])/g, '$1'))
  } catch {}
  return { type }
}

let warmed = false

/**
 * Checks one example of each client event type, one type per idle period, ahead of the first
 * connection: a precompiled validator's first call is mostly V8 compiling it (10-20 ms for
 * `session.update`), which would otherwise land in the first seconds after the user's click. Once
 * per page; a no-op where there are no idle callbacks (Node, Safari).
 */
export function warmUpClientValidation(): void {
  const idle = (globalThis as { requestIdleCallback?: (run: () => void) => number }).requestIdleCallback
  if (warmed || typeof idle !== 'function') return
  warmed = true
  const types = eventTypes('client')
  const step = () => {
    const type = types.shift()
    if (type === undefined) return
    eventProblem('client', clientEventExample(type), 'closed')
    idle(step)
  }
  idle(step)
}
