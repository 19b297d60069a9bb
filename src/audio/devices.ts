/** One audio device as the browser lists it. */
export interface AudioDevice {
  deviceId: string
  label: string
  kind: 'audioinput' | 'audiooutput'
}

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
