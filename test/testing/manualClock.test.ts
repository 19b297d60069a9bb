import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushMicrotasks, ManualClock } from '../../src/testing'

afterEach(() => {
  vi.useRealTimers()
})

/** A promise chain `depth` awaits long that records `label` at its end. */
async function chain(depth: number, log: string[], label: string): Promise<void> {
  for (let i = 0; i < depth; i++) await Promise.resolve()
  log.push(label)
}

describe('ManualClock', () => {
  it('starts at 0 (or the given time) and moves only when advanced', async () => {
    const clock = new ManualClock()
    expect(clock.now()).toBe(0)
    await clock.advance(250)
    expect(clock.now()).toBe(250)
    expect(new ManualClock({ now: 1000 }).now()).toBe(1000)
  })

  it('runs due timers in time order, ties in the order they were set, each at its own due time', async () => {
    const clock = new ManualClock()
    const log: string[] = []
    const at = (label: string) => () => log.push(`${label}@${clock.now()}`)
    clock.setTimeout(at('c'), 30)
    clock.setTimeout(at('a1'), 10)
    clock.setTimeout(at('b'), 20)
    clock.setTimeout(at('a2'), 10)
    clock.setTimeout(at('late'), 100)
    await clock.advance(50)
    expect(log).toEqual(['a1@10', 'a2@10', 'b@20', 'c@30'])
    expect(clock.now()).toBe(50)
    expect(clock.pendingTimers).toBe(1)
    await clock.advance(50)
    expect(log.at(-1)).toBe('late@100')
    expect(clock.pendingTimers).toBe(0)
  })

  it('runs timers that timers set, when they fall within the span', async () => {
    const clock = new ManualClock()
    const log: number[] = []
    clock.setTimeout(() => {
      log.push(clock.now())
      clock.setTimeout(() => log.push(clock.now()), 0)
      clock.setTimeout(() => log.push(clock.now()), 15)
      clock.setTimeout(() => log.push(clock.now()), 100)
    }, 10)
    await clock.advance(30)
    expect(log).toEqual([10, 10, 25])
    expect(clock.pendingTimers).toBe(1)
  })

  it('treats a negative or non-finite delay as 0 and runs a 0 ms timer on advance(0)', async () => {
    const clock = new ManualClock()
    const log: string[] = []
    clock.setTimeout(() => log.push('negative'), -5)
    clock.setTimeout(() => log.push('nan'), Number.NaN)
    await clock.advance(0)
    expect(log).toEqual(['negative', 'nan'])
  })

  it('clearTimeout cancels a timer, even from another timer due at the same time', async () => {
    const clock = new ManualClock()
    const log: string[] = []
    const cancelled = clock.setTimeout(() => log.push('cancelled'), 10)
    let second: unknown
    clock.setTimeout(() => {
      log.push('first')
      clock.clearTimeout(second)
    }, 20)
    second = clock.setTimeout(() => log.push('second'), 20)
    clock.setTimeout(() => log.push('kept'), 20)
    clock.clearTimeout(cancelled)
    clock.clearTimeout('not a handle')
    clock.clearTimeout(undefined)
    expect(clock.pendingTimers).toBe(3)
    await clock.advance(20)
    expect(log).toEqual(['first', 'kept'])
    expect(clock.pendingTimers).toBe(0)
  })

  it('settles the promise chain a timer started before it runs the next timer', async () => {
    const clock = new ManualClock()
    const log: string[] = []
    clock.setTimeout(() => void chain(30, log, 'chain of the first timer'), 10)
    clock.setTimeout(() => log.push('second timer, same time'), 10)
    clock.setTimeout(() => log.push('third timer, later'), 11)
    await clock.advance(20)
    expect(log).toEqual(['chain of the first timer', 'second timer, same time', 'third timer, later'])
  })

  it('settles pending promise jobs before the first timer, so a timer set at the end of a chain runs', async () => {
    const clock = new ManualClock()
    const log: number[] = []
    void (async () => {
      await chain(20, [], '')
      clock.setTimeout(() => log.push(clock.now()), 5)
    })()
    await clock.advance(5)
    expect(log).toEqual([5])
  })

  it('runAll runs every timer and stops at the last one', async () => {
    const clock = new ManualClock()
    const log: number[] = []
    clock.setTimeout(() => {
      log.push(clock.now())
      clock.setTimeout(() => log.push(clock.now()), 1000)
    }, 500)
    await clock.runAll()
    expect(log).toEqual([500, 1500])
    expect(clock.now()).toBe(1500)
    expect(clock.pendingTimers).toBe(0)
  })

  it('stops a runaway timer loop with an error that says what to do', async () => {
    const clock = new ManualClock()
    let runs = 0
    // Bounded here too, so a clock without its guard fails this test instead of hanging it.
    const again = () => {
      if (++runs > 1000) throw new Error('the clock has no runaway guard')
      clock.setTimeout(again, 100)
    }
    clock.setTimeout(again, 100)
    await expect(clock.runAll(50)).rejects.toThrow(/more than 50 timers ran.*advance\(ms\)/)
    expect(runs).toBe(50)
    const zeroDelay = new ManualClock({ timerLimit: 20 })
    let spins = 0
    const spin = () => {
      if (++spins > 1000) throw new Error('the clock has no runaway guard')
      zeroDelay.setTimeout(spin, 0)
    }
    spin()
    await expect(zeroDelay.advance(10)).rejects.toThrow(/advance\(10\): more than 20 timers ran/)
  })

  it('rejects an advance while another is running, a negative span, and a timer that throws', async () => {
    const clock = new ManualClock()
    const first = clock.advance(10)
    await expect(clock.advance(10)).rejects.toThrow(/still running/)
    await first
    await expect(clock.advance(-1)).rejects.toThrow(RangeError)
    clock.setTimeout(() => {
      throw new Error('boom')
    }, 5)
    clock.setTimeout(() => {}, 8)
    await expect(clock.advance(10)).rejects.toThrow('boom')
    expect(clock.now()).toBe(15) // stopped at the throwing timer
    expect(clock.pendingTimers).toBe(1)
  })

  it('works under Vitest fake timers: no platform timer is involved', async () => {
    vi.useFakeTimers()
    const clock = new ManualClock()
    const log: string[] = []
    clock.setTimeout(() => void chain(10, log, 'chain'), 10)
    clock.setTimeout(() => log.push('next'), 10)
    await clock.advance(10)
    expect(log).toEqual(['chain', 'next'])
    const flushed: string[] = []
    void chain(50, flushed, 'done')
    await flushMicrotasks()
    expect(flushed).toEqual(['done'])
    expect(vi.getTimerCount()).toBe(0)
  })

  it('flushMicrotasks waits a bounded number of turns', async () => {
    const log: string[] = []
    void chain(5, log, 'short')
    void chain(500, log, 'long')
    await flushMicrotasks(10)
    expect(log).toEqual(['short'])
  })
})
