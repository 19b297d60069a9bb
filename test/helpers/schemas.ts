import { beforeAll } from 'vitest'
import { checkEvent } from '../../src/testing'

/**
 * Compiles the official schemas' validator before the file's tests run. The first check of an event
 * pays for it (CPU work that grows on a loaded machine, up to seconds), and it is setup, not behaviour:
 * here it counts against the hook's timeout instead of the first test's.
 */
export function compileSchemasFirst(): void {
  beforeAll(() => {
    checkEvent('client', { type: 'session.update', session: { type: 'realtime' } })
    checkEvent('server', { type: 'session.created', event_id: 'e', session: { type: 'realtime' } })
  })
}
