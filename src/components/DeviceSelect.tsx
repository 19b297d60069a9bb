'use client'
import { forwardRef, type HTMLAttributes, useId } from 'react'
import { useAudioDevices } from '../react/hooks'
import { cx } from './props'

/** Microphone and speaker pickers; the speaker picker appears where the browser can route output. */
export const DeviceSelect = forwardRef<HTMLDivElement, HTMLAttributes<HTMLDivElement>>(function DeviceSelect(
  { className, ...props },
  ref,
) {
  const devices = useAudioDevices()
  const id = useId()
  const name = (label: string, i: number, kind: string) => label || `${kind} ${i + 1}`
  return (
    <div ref={ref} className={cx('rak-device-select', className)} {...props}>
      <label htmlFor={`${id}-in`}>Microphone</label>
      <select
        id={`${id}-in`}
        value={devices.inputDeviceId ?? ''}
        onChange={(e) => void devices.selectInput(e.target.value || null)}
      >
        <option value="">System default</option>
        {devices.inputs.map((d, i) => (
          <option key={d.deviceId} value={d.deviceId}>
            {name(d.label, i, 'Microphone')}
          </option>
        ))}
      </select>
      {devices.canSelectOutput && (
        <>
          <label htmlFor={`${id}-out`}>Speaker</label>
          <select
            id={`${id}-out`}
            value={devices.outputDeviceId ?? ''}
            onChange={(e) => void devices.selectOutput(e.target.value || null)}
          >
            <option value="">System default</option>
            {devices.outputs.map((d, i) => (
              <option key={d.deviceId} value={d.deviceId}>
                {name(d.label, i, 'Speaker')}
              </option>
            ))}
          </select>
        </>
      )}
    </div>
  )
})
