'use client'
import { forwardRef, type HTMLAttributes, useId } from 'react'
import type { AudioDevice } from '../audio'
import { useAudioDevices } from '../react'
import { cx } from './props'

function Picker({
  id,
  label,
  devices,
  value,
  onSelect,
}: {
  id: string
  label: string
  devices: AudioDevice[]
  value: string | null
  onSelect: (id: string | null) => unknown
}) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => void onSelect(e.target.value || null)}>
        <option value="">System default</option>
        {devices.map((d, i) => (
          <option key={d.deviceId} value={d.deviceId}>
            {d.label || `${label} ${i + 1}`}
          </option>
        ))}
      </select>
    </>
  )
}

/** Microphone and speaker pickers; the speaker picker appears where the browser can route output. */
export const DeviceSelect = forwardRef<HTMLDivElement, HTMLAttributes<HTMLDivElement>>(function DeviceSelect(
  { className, ...props },
  ref,
) {
  const devices = useAudioDevices()
  const id = useId()
  return (
    <div ref={ref} className={cx('rak-device-select', className)} {...props}>
      <Picker
        id={`${id}-in`}
        label="Microphone"
        devices={devices.inputs}
        value={devices.inputDeviceId}
        onSelect={devices.selectInput}
      />
      {devices.canSelectOutput && (
        <Picker
          id={`${id}-out`}
          label="Speaker"
          devices={devices.outputs}
          value={devices.outputDeviceId}
          onSelect={devices.selectOutput}
        />
      )}
    </div>
  )
})
