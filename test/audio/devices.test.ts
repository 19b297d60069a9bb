import { describe, expect, it, vi } from 'vitest'
import { DeviceSelection } from '../../src/audio/devices'
import { AudioGraphStore } from '../../src/audio/graphStore'
import { flushMicrotasks } from '../../src/testing'

/** A MediaDevices stand-in whose device list the test changes, then announces. */
function fakeDevices(ids: { inputs: string[]; outputs: string[] }) {
  const target = new EventTarget()
  const list = () => [
    ...ids.inputs.map((deviceId) => ({ deviceId, label: deviceId, kind: 'audioinput' })),
    ...ids.outputs.map((deviceId) => ({ deviceId, label: deviceId, kind: 'audiooutput' })),
  ]
  const mediaDevices = Object.assign(target, { enumerateDevices: async () => list() })
  return {
    mediaDevices: mediaDevices as unknown as MediaDevices,
    change(next: { inputs: string[]; outputs: string[] }) {
      Object.assign(ids, next)
      target.dispatchEvent(new Event('devicechange'))
    },
  }
}

function setup(options: { microphone: boolean; inputDeviceId?: string; outputDeviceId?: string }) {
  const devices = fakeDevices({ inputs: ['default', 'usb'], outputs: ['default', 'hdmi'] })
  const store = new AudioGraphStore({
    pushToTalk: false,
    inputDeviceId: options.inputDeviceId ?? null,
    outputDeviceId: options.outputDeviceId ?? null,
  })
  const openInput = vi.fn(async (deviceId: string | undefined) => {
    store.update({ inputDeviceId: deviceId ?? null })
  })
  const setSink = vi.fn(async (_deviceId: string | null) => {})
  const selection = new DeviceSelection({
    store,
    mediaDevices: () => devices.mediaDevices,
    started: () => true,
    microphone: options.microphone,
    openInput,
    setSink,
  })
  const events: string[] = []
  store.on('fallback', (f) => events.push(`fallback:${f.kind}:${f.lostDeviceId}`))
  store.on('error', (e) => events.push(`error:${e.code}`))
  const unwatch = selection.watch()
  return { devices, store, openInput, setSink, selection, events, unwatch }
}

// The fake devices answer through promises only: flushing microtasks lets every reaction run.

describe('device selection', () => {
  it('keeps the list in the store and falls back to the default microphone when the chosen one goes', async () => {
    const { devices, store, openInput, events, unwatch } = setup({ microphone: true, inputDeviceId: 'usb' })
    devices.change({ inputs: ['default'], outputs: ['default', 'hdmi'] })
    await flushMicrotasks()
    expect(openInput).toHaveBeenCalledWith(undefined)
    expect(events).toEqual(['fallback:input:usb', 'error:device_lost'])
    expect(store.getSnapshot().inputDeviceId).toBeNull()
    expect(store.getSnapshot().devices.inputs.map((d) => d.deviceId)).toEqual(['default'])
    unwatch()
  })

  it('falls back to the default speaker when the chosen one goes', async () => {
    const { devices, store, setSink, events, unwatch } = setup({ microphone: true, outputDeviceId: 'hdmi' })
    devices.change({ inputs: ['default', 'usb'], outputs: ['default'] })
    await flushMicrotasks()
    expect(setSink).toHaveBeenCalledWith(null)
    expect(events).toEqual(['fallback:output:hdmi', 'error:device_lost'])
    expect(store.getSnapshot().outputDeviceId).toBeNull()
    unwatch()
  })

  it('a playback-only graph does not open a microphone when a listed one goes', async () => {
    const { devices, store, openInput, events, unwatch } = setup({ microphone: false, inputDeviceId: 'usb' })
    devices.change({ inputs: ['default'], outputs: ['default', 'hdmi'] })
    await flushMicrotasks()
    expect(events).toContain('error:device_lost')
    expect(openInput).not.toHaveBeenCalled()
    expect(store.getSnapshot().inputDeviceId).toBeNull()
    unwatch()
  })

  it('reports a default microphone that fails to open after a loss', async () => {
    const { devices, openInput, events, unwatch } = setup({ microphone: true, inputDeviceId: 'usb' })
    const { RealtimeError } = await import('../../src/core')
    openInput.mockRejectedValueOnce(new RealtimeError('microphone_unavailable', 'no microphone'))
    devices.change({ inputs: [], outputs: ['default', 'hdmi'] })
    await flushMicrotasks()
    expect(events).toHaveLength(3)
    expect(events).toEqual(['fallback:input:usb', 'error:device_lost', 'error:microphone_unavailable'])
    unwatch()
  })

  it('stops following devicechange once unwatched', async () => {
    const { devices, store, unwatch } = setup({ microphone: true })
    unwatch()
    const before = store.getSnapshot()
    devices.change({ inputs: [], outputs: [] })
    await flushMicrotasks()
    expect(store.getSnapshot()).toBe(before)
  })
})
