import { describe, expect, it } from 'vitest'
import { isGateOpen } from '../../src/audio/capture'
import { AudioGraphStore } from '../../src/audio/graphStore'
import { RealtimeError } from '../../src/core'

const makeStore = () => new AudioGraphStore({ pushToTalk: false, inputDeviceId: null, outputDeviceId: null })

describe('the audio graph store', () => {
  it('replaces the frozen snapshot only when a field changes, and tells subscribers then', () => {
    const store = makeStore()
    let calls = 0
    const unsubscribe = store.subscribe(() => calls++)
    const first = store.getSnapshot()
    expect(Object.isFrozen(first)).toBe(true)
    store.update({ muted: false, underruns: 0 })
    expect(store.getSnapshot()).toBe(first)
    expect(calls).toBe(0)
    store.update({ muted: true })
    expect(store.getSnapshot()).not.toBe(first)
    expect(store.getSnapshot()).toMatchObject({ muted: true, state: 'idle' })
    expect(first.muted).toBe(false)
    expect(calls).toBe(1)
    unsubscribe()
    store.update({ muted: false })
    expect(calls).toBe(1)
  })

  it('fail records the error in the snapshot and emits it; report passes other values through', () => {
    const store = makeStore()
    const emitted: RealtimeError[] = []
    const off = store.on('error', (e) => emitted.push(e))
    const error = new RealtimeError('device_lost', 'gone')
    expect(store.report(error)).toBe(error)
    expect(store.getSnapshot().error).toBe(error)
    expect(emitted).toEqual([error])
    const other = new Error('plain')
    expect(store.report(other)).toBe(other)
    expect(emitted).toHaveLength(1)
    off()
    store.report(new RealtimeError('device_lost', 'again'))
    expect(emitted).toHaveLength(1)
  })
})

describe('the capture gate', () => {
  const snapshot = (patch: Partial<Parameters<typeof isGateOpen>[0]>) => ({
    ...makeStore().getSnapshot(),
    ...patch,
  })

  it('opens only when not muted, talking under push-to-talk, and silent under the echo gate', () => {
    expect(isGateOpen(snapshot({}), false)).toBe(true)
    expect(isGateOpen(snapshot({ muted: true }), false)).toBe(false)
    expect(isGateOpen(snapshot({ pushToTalk: true }), false)).toBe(false)
    expect(isGateOpen(snapshot({ pushToTalk: true, talking: true }), false)).toBe(true)
    expect(isGateOpen(snapshot({ pushToTalk: true, talking: true, muted: true }), false)).toBe(false)
    expect(isGateOpen(snapshot({ playing: true }), false)).toBe(true)
    expect(isGateOpen(snapshot({ playing: true }), true)).toBe(false)
    expect(isGateOpen(snapshot({ talking: true }), true)).toBe(true)
  })
})
