import { RealtimeError } from '../core'
import type { AudioGraphStore } from './graphStore'

/** One audio device as the browser lists it. */
export interface AudioDevice {
  deviceId: string
  label: string
  kind: 'audioinput' | 'audiooutput'
}

/** The microphones and speakers the browser lists. */
export interface AudioDeviceList {
  inputs: AudioDevice[]
  outputs: AudioDevice[]
}

/** Lists microphones and speakers (labels are empty until the user granted the microphone once). */
export async function listAudioDevices(mediaDevices: MediaDevices | undefined): Promise<AudioDeviceList> {
  const all = (await mediaDevices?.enumerateDevices?.()) ?? []
  const pick = (kind: AudioDevice['kind']) =>
    all.filter((d) => d.kind === kind).map((d) => ({ deviceId: d.deviceId, label: d.label, kind }))
  return { inputs: pick('audioinput'), outputs: pick('audiooutput') }
}

/** Whether this browser can route an AudioContext to a chosen output (`AudioContext.setSinkId`). */
export function canSelectOutput(context: BaseAudioContext | null): boolean {
  return typeof (context as { setSinkId?: unknown } | null)?.setSinkId === 'function'
}

/** What device selection needs from the graph it belongs to. */
export interface DeviceSelectionOptions {
  store: AudioGraphStore
  mediaDevices: () => MediaDevices | undefined
  /** Whether the graph has a context now; before that a choice is only recorded for the next start. */
  started: () => boolean
  /** Whether the graph captures a microphone at all. */
  microphone: boolean
  /** Opens a microphone (undefined: the default) in place of the current one. */
  openInput: (deviceId: string | undefined) => Promise<void>
  /** Routes the agent's audio to a speaker (null: the default). */
  setSink: (deviceId: string | null) => Promise<void>
}

/**
 * The graph's devices: the list (kept in the store), `devicechange`, the chosen input and output,
 * and the fall back to the default device when the chosen one disappears.
 */
export class DeviceSelection {
  readonly #options: DeviceSelectionOptions

  constructor(options: DeviceSelectionOptions) {
    this.#options = options
  }

  /** Lists microphones and speakers and keeps the list in the store. */
  async list(): Promise<AudioDeviceList> {
    const devices = await listAudioDevices(this.#options.mediaDevices())
    this.#options.store.update({ devices })
    return devices
  }

  /** Follows `devicechange` until the returned function is called. */
  watch(): () => void {
    const devices = this.#options.mediaDevices()
    if (!devices?.addEventListener) return () => {}
    const { store } = this.#options
    const onChange = async () => {
      const list = await this.list()
      store.emit('devicechange', list)
      const { inputDeviceId, outputDeviceId } = store.getSnapshot()
      if (inputDeviceId && !list.inputs.some((d) => d.deviceId === inputDeviceId))
        await this.fallBack('input', inputDeviceId)
      if (outputDeviceId && !list.outputs.some((d) => d.deviceId === outputDeviceId))
        await this.fallBack('output', outputDeviceId)
    }
    devices.addEventListener('devicechange', onChange)
    return () => devices.removeEventListener('devicechange', onChange)
  }

  /** Switches the microphone while running (hot swap); before that, records the one to open. */
  async selectInput(deviceId: string | null): Promise<void> {
    const { store, started, microphone, openInput } = this.#options
    if (!started() || !microphone) {
      store.update({ inputDeviceId: deviceId })
      return
    }
    try {
      await openInput(deviceId ?? undefined)
    } catch (error) {
      throw store.report(error)
    }
  }

  /** Routes agent audio to a speaker; null for the default. */
  async selectOutput(deviceId: string | null): Promise<void> {
    const { store, setSink } = this.#options
    try {
      await setSink(deviceId)
    } catch (error) {
      throw store.report(error)
    }
    store.update({ outputDeviceId: deviceId })
  }

  /** The device `lostDeviceId` is gone: say so, and switch to the default one. */
  async fallBack(kind: 'input' | 'output', lostDeviceId: string): Promise<void> {
    const { store, started } = this.#options
    if (!started()) return
    store.emit('fallback', { kind, lostDeviceId })
    store.report(
      new RealtimeError(
        'device_lost',
        `The ${kind === 'input' ? 'microphone' : 'speaker'} was disconnected; switched to the default device.`,
        { details: { kind, deviceId: lostDeviceId } },
      ),
    )
    try {
      if (kind === 'input') await this.selectInput(null)
      else await this.selectOutput(null)
    } catch {
      // Already reported; the session keeps working (text works without a microphone).
    }
  }
}
