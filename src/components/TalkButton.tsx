'use client'
import { type ButtonHTMLAttributes, forwardRef, type KeyboardEvent, type PointerEvent } from 'react'
import { useRealtimeSession } from '../react'
import { composeHandlers, cx, flag } from './props'

/** How `TalkButton` talks: `toggle` (click to connect or mute) or `push` (hold to talk). */
export type TalkMode = 'toggle' | 'push'

/**
 * Behaviour of a talk button as prop getters. `toggle`: a click connects, then mutes and unmutes.
 * `push`: hold the pointer or Space to talk; release ends the turn (use with `turnDetection: null`).
 * @example
 * const { getButtonProps } = useTalkButton({ mode: 'push' })
 * return <button {...getButtonProps()}>Hold to talk</button>
 */
export function useTalkButton({ mode = 'toggle' }: { mode?: TalkMode } = {}) {
  const session = useRealtimeSession()
  const { status, muted, talking } = session
  const live = status !== 'idle' && status !== 'error' && status !== 'connecting'
  const pressed = mode === 'push' ? talking : live && !muted
  const start = () => {
    if (!live && status !== 'connecting') void session.connect().catch(() => {})
  }
  const label =
    mode === 'push'
      ? talking
        ? 'Release to send'
        : 'Hold to talk'
      : status === 'connecting'
        ? 'Connecting…'
        : !live
          ? 'Start conversation'
          : muted
            ? 'Unmute microphone'
            : 'Mute microphone'

  const getButtonProps = (
    props: ButtonHTMLAttributes<HTMLButtonElement> = {},
  ): ButtonHTMLAttributes<HTMLButtonElement> & Record<`data-${string}`, string | undefined> => ({
    type: 'button',
    'aria-pressed': pressed,
    'aria-label': props['aria-label'] ?? label,
    'data-state': status,
    'data-mode': mode,
    'data-pressed': flag(pressed),
    'data-muted': flag(muted),
    ...props,
    disabled: props.disabled ?? status === 'connecting',
    onClick: composeHandlers(props.onClick, () => {
      if (mode === 'push') return start()
      if (!live) start()
      else if (muted) session.unmute()
      else session.mute()
    }),
    onPointerDown: composeHandlers(props.onPointerDown, (event: PointerEvent<HTMLButtonElement>) => {
      if (mode !== 'push') return
      event.currentTarget.setPointerCapture?.(event.pointerId)
      start()
      session.setTalking(true)
    }),
    onPointerUp: composeHandlers(props.onPointerUp, () => {
      if (mode === 'push' && talking) session.setTalking(false)
    }),
    onPointerCancel: composeHandlers(props.onPointerCancel, () => {
      if (mode === 'push' && talking) session.setTalking(false)
    }),
    onKeyDown: composeHandlers(props.onKeyDown, (event: KeyboardEvent<HTMLButtonElement>) => {
      if (mode !== 'push' || event.key !== ' ') return
      event.preventDefault() // Space would also click the button
      if (!event.repeat) {
        start()
        session.setTalking(true)
      }
    }),
    onKeyUp: composeHandlers(props.onKeyUp, (event: KeyboardEvent<HTMLButtonElement>) => {
      if (mode === 'push' && event.key === ' ') {
        event.preventDefault()
        session.setTalking(false)
      }
    }),
  })
  return { status, pressed, label, getButtonProps }
}

/** Props of `TalkButton`: a button's attributes and the talk mode. */
export interface TalkButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  mode?: TalkMode
}

/** Starts the conversation and mutes or unmutes it (`toggle`), or holds to talk (`push`). */
export const TalkButton = forwardRef<HTMLButtonElement, TalkButtonProps>(function TalkButton(
  { mode, className, children, ...props },
  ref,
) {
  const { getButtonProps, label } = useTalkButton({ mode })
  return (
    <button ref={ref} {...getButtonProps({ ...props, className: cx('rak-talk-button', className) })}>
      <span className="rak-talk-button__icon" aria-hidden="true" />
      <span className="rak-talk-button__label">{children ?? label}</span>
    </button>
  )
})
