import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { RealtimeSessionEvent } from '../../src/core'
import { EventHub } from '../../src/core/eventHub'

/** A cheap event whose `contentIndex` numbers it. */
const numbered = (n: number): RealtimeSessionEvent => ({ type: 'audio_end', itemId: 'item', contentIndex: n })
const audio = (n: number): RealtimeSessionEvent => ({
  type: 'audio',
  itemId: 'item',
  contentIndex: n,
  responseId: 'resp',
  data: new ArrayBuffer(2),
})
const indexOf = (event: RealtimeSessionEvent) => ('contentIndex' in event ? event.contentIndex : -1)

/** Lets every pending promise callback run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve))

// A full garbage collection on demand, to see whether the hub still holds consumed events.
setFlagsFromString('--expose-gc')
const collectGarbage = runInNewContext('gc') as () => void

/** How many of the events are still reachable after a full collection. */
async function stillHeld(events: WeakRef<RealtimeSessionEvent>[]): Promise<number> {
  await settle()
  collectGarbage()
  return events.filter((event) => event.deref() !== undefined).length
}

async function drain(iterator: AsyncIterable<RealtimeSessionEvent>): Promise<RealtimeSessionEvent[]> {
  const seen: RealtimeSessionEvent[] = []
  for await (const event of iterator) seen.push(event)
  return seen
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('EventHub listeners', () => {
  it('delivers an event to every listener of its type and to every "*" listener, in order', () => {
    const hub = new EventHub()
    const calls: string[] = []
    hub.on('audio_end', () => calls.push('first'))
    hub.on('audio_end', () => calls.push('second'))
    hub.on('*', (event) => calls.push(`any ${event.type}`))
    hub.on('audio_interrupted', () => calls.push('other type'))
    hub.emit(numbered(0))
    expect(calls).toEqual(['first', 'second', 'any audio_end'])
  })

  it('emits with no listener at all', () => {
    expect(() => new EventHub().emit(numbered(0))).not.toThrow()
  })

  it("stops delivering to a listener once its unsubscribe ran, and keeps the others'", () => {
    const hub = new EventHub()
    const stopped = vi.fn()
    const kept = vi.fn()
    const stoppedAny = vi.fn()
    const unsubscribe = hub.on('audio_end', stopped)
    hub.on('audio_end', kept)
    const unsubscribeAny = hub.on('*', stoppedAny)
    hub.emit(numbered(0))
    unsubscribe()
    unsubscribeAny()
    hub.emit(numbered(1))
    expect(stopped).toHaveBeenCalledTimes(1)
    expect(stoppedAny).toHaveBeenCalledTimes(1)
    expect(kept).toHaveBeenCalledTimes(2)
  })

  it('keeps delivering after a listener throws, and rethrows its error outside emit', () => {
    const later: (() => void)[] = []
    vi.stubGlobal('queueMicrotask', (task: () => void) => later.push(task))
    const hub = new EventHub()
    const bug = new Error('listener bug')
    const after = vi.fn()
    hub.on('audio_end', () => {
      throw bug
    })
    hub.on('audio_end', after)
    hub.on('*', after)
    expect(() => hub.emit(numbered(0))).not.toThrow()
    expect(after).toHaveBeenCalledTimes(2)
    expect(later).toHaveLength(1)
    expect(later[0]).toThrow(bug)
  })

  it('still reaches listeners after close', () => {
    const hub = new EventHub()
    const listener = vi.fn()
    hub.on('*', listener)
    hub.close()
    hub.emit(numbered(0))
    expect(listener).toHaveBeenCalledOnce()
  })
})

describe('EventHub iterators', () => {
  it('gives the first iterator the events emitted before it, audio excluded', async () => {
    const hub = new EventHub()
    hub.emit(numbered(0))
    hub.emit(audio(1))
    hub.emit(numbered(2))
    const iterator = hub.iterate()
    hub.emit(audio(3))
    hub.close()
    expect((await drain(iterator)).map((e) => `${e.type} ${indexOf(e)}`)).toEqual([
      'audio_end 0',
      'audio_end 2',
      'audio 3',
    ])
  })

  it('keeps at most 512 early events, the first ones', async () => {
    const hub = new EventHub()
    for (let n = 0; n < 600; n++) hub.emit(numbered(n))
    const iterator = hub.iterate()
    hub.close()
    const seen = (await drain(iterator)).map(indexOf)
    expect(seen).toHaveLength(512)
    expect(seen[0]).toBe(0)
    expect(seen[511]).toBe(511)
  })

  it('gives later iterators only the events from their start on', async () => {
    const hub = new EventHub()
    hub.emit(numbered(0))
    const first = hub.iterate()
    hub.emit(numbered(1))
    const second = hub.iterate()
    hub.emit(numbered(2))
    hub.close()
    expect((await drain(first)).map(indexOf)).toEqual([0, 1, 2])
    expect((await drain(second)).map(indexOf)).toEqual([2])
  })

  it('wakes a waiting iterator for each new event', async () => {
    const hub = new EventHub()
    const iterator = hub.iterate()
    const pending = iterator.next()
    await settle()
    hub.emit(numbered(7))
    await expect(pending).resolves.toEqual({ value: numbered(7), done: false })
    const again = iterator.next()
    hub.emit(numbered(8))
    await expect(again).resolves.toEqual({ value: numbered(8), done: false })
  })

  it('ends a waiting `for await` on close, after the events already queued', async () => {
    const hub = new EventHub()
    const seen = drain(hub.iterate())
    hub.emit(numbered(0))
    await settle()
    hub.emit(numbered(1))
    hub.close()
    expect((await seen).map(indexOf)).toEqual([0, 1])
  })

  it('ends an iterator made after close at once, without the events from before', async () => {
    const hub = new EventHub()
    hub.emit(numbered(0))
    hub.close()
    hub.emit(numbered(1))
    await expect(hub.iterate().next()).resolves.toEqual({ value: undefined, done: true })
  })

  it('keeps an iterator made after close ended when events follow', async () => {
    const hub = new EventHub()
    hub.close()
    const iterator = hub.iterate()
    hub.emit(numbered(0))
    await expect(iterator.next()).resolves.toEqual({ value: undefined, done: true })
  })

  it('stops an iterator on return(), even when events follow', async () => {
    const hub = new EventHub()
    const iterator = hub.iterate()
    const pending = iterator.next()
    await expect(iterator.return?.()).resolves.toEqual({ value: undefined, done: true })
    await expect(pending).resolves.toEqual({ value: undefined, done: true })
    hub.emit(numbered(0))
    await expect(iterator.next()).resolves.toEqual({ value: undefined, done: true })
  })

  it('leaves other iterators running when one breaks out of its loop', async () => {
    const hub = new EventHub()
    const broken = (async () => {
      for await (const event of hub.iterate()) return indexOf(event)
    })()
    const whole = drain(hub.iterate())
    hub.emit(numbered(0))
    await settle()
    hub.emit(numbered(1))
    hub.close()
    expect(await broken).toBe(0)
    expect((await whole).map(indexOf)).toEqual([0, 1])
  })

  it('keeps order across a long session while it drops consumed events', async () => {
    const hub = new EventHub()
    const iterator = hub.iterate()
    const seen: number[] = []
    let n = 0
    // Interleave emitting and consuming so the queue is compacted while it still holds events.
    for (let round = 0; round < 60; round++) {
      for (let i = 0; i < 100; i++) hub.emit(numbered(n++))
      for (let i = 0; i < 70; i++) {
        const { value } = await iterator.next()
        seen.push(indexOf(value!))
      }
    }
    hub.close()
    for await (const event of iterator) seen.push(indexOf(event))
    expect(seen).toEqual(Array.from({ length: n }, (_, i) => i))
  })

  it('lets go of consumed events in a long session when the loop keeps up', async () => {
    const hub = new EventHub()
    const iterator = hub.iterate()
    const first: WeakRef<RealtimeSessionEvent>[] = []
    for (let n = 0; n < 3000; n++) {
      const event = numbered(n)
      if (n < 1000) first.push(new WeakRef(event))
      hub.emit(event)
      await iterator.next()
    }
    expect(await stillHeld(first)).toBe(0)
    // The hub and its iterator stay in use, so what they hold was not collected with them.
    hub.emit(numbered(3000))
    hub.close()
    expect((await drain(iterator)).map(indexOf).at(-1)).toBe(3000)
  })

  it('lets go of consumed events in a long session when the loop lags behind', async () => {
    const hub = new EventHub()
    const iterator = hub.iterate()
    const first: WeakRef<RealtimeSessionEvent>[] = []
    for (let n = 0; n < 3000; n++) {
      const event = numbered(n)
      if (n < 1000) first.push(new WeakRef(event))
      hub.emit(event)
    }
    for (let n = 0; n < 2500; n++) await iterator.next()
    expect(await stillHeld(first)).toBe(0)
    // The hub and its iterator stay in use, so what they hold was not collected with them.
    hub.emit(numbered(3000))
    hub.close()
    expect((await drain(iterator)).map(indexOf).at(-1)).toBe(3000)
  })
})
