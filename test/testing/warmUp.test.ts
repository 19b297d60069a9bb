import { afterEach, describe, expect, it, vi } from 'vitest'
import { eventProblem, eventTypes } from '../../src/testing/validation'
import { clientEventExample, warmUpClientValidation } from '../../src/testing/warmUp'

afterEach(() => vi.unstubAllGlobals())

describe("warming up the simulator's client event checks", () => {
  // An example that failed early would leave most of its validator uncompiled until the first click.
  it.each(eventTypes('client'))(
    'the example of %s passes the closed check, so it runs the whole validator',
    (type) => {
      const example = clientEventExample(type)
      expect(example).toMatchObject({ type })
      expect(eventProblem('client', example, 'closed')).toBeNull()
    },
  )

  it('checks one event type per idle period, each type once, and only once per page', () => {
    const idle: (() => void)[] = []
    vi.stubGlobal('requestIdleCallback', (run: () => void) => idle.push(run))
    warmUpClientValidation()
    warmUpClientValidation()
    expect(idle).toHaveLength(1)
    let periods = 0
    while (idle.length > 0) {
      idle.shift()!()
      periods++
      expect(idle.length).toBeLessThanOrEqual(1)
    }
    expect(periods).toBe(eventTypes('client').length + 1)
  })
})
