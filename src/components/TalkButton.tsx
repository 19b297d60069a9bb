'use client'
import {
  type ButtonHTMLAttributes,
  forwardRef,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  useRef,
} from 'react'
import { useRealtimeSession } from '../react'
import { MicIcon, MicOffIcon, PhoneIcon, RetryIcon, SpinnerIcon } from './icons'
import { composeHandlers, cx, flag } from './props'
import { type VoiceState, voiceStateOf } from './voiceState'

/** How `TalkButton` talks: `toggle` (click to connect or mute) or `push` (hold to talk). */
export type TalkMode = 'toggle' | 'push'

// A toggle's label while it is not pressed: offline, connecting, blocked or muted. In any other
// state the microphone is live: the toggle is pressed and offers to mute.
const UNPRESSED_LABELS: Partial<Record<VoiceState, string>> = {
  idle: 'Start conversation',
  error: 'Start conversation',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  'mic-blocked': 'Retry microphone',
  muted: 'Unmute microphone',
}

/**
 * Behaviour of a talk button as prop getters, driven by the one voice state. `toggle`: a click
 * connects, then mutes and unmutes; a blocked microphone offers a retry. `push`: hold the pointer or
 * Space to talk; release ends the turn (use with `turnDetection: null`). While connecting the button
 * stays focusable (`aria-disabled`, `aria-busy`) so keyboard focus never falls to the page.
 * @example
 * const { getButtonProps } = useTalkButton({ mode: 'push' })
 * return <button {...getButtonProps()}>Hold to talk</button>
 */
export function useTalkButton({ mode = 'toggle' }: { mode?: TalkMode } = {}) {
  const session = useRealtimeSession()
  const { status, muted, error, talking } = session
  // The button speaks for the microphone: while the agent thinks or speaks it still shows mute,
  // unmute or retry, so it reads the voice state as if the session were listening.
  const state = voiceStateOf(
    status === 'thinking' || status === 'speaking' ? 'listening' : status,
    muted,
    error,
  )
  const busy = state === 'connecting' || state === 'reconnecting'
  const offline = state === 'idle' || state === 'error'
  const push = mode === 'push'
  const unpressedLabel = UNPRESSED_LABELS[state]
  const pressed = push ? talking : !unpressedLabel
  const label = push ? (talking ? 'Release to send' : 'Hold to talk') : (unpressedLabel ?? 'Mute microphone')
  // A double click on Start must not mute: its second click arrives once the session is live.
  const startedBy = useRef(false)
  const start = () => {
    if (offline) void session.connect().catch(() => {})
  }
  // Push to talk: a press (pointer or Space) connects if needed and opens the turn; a release ends it.
  const press = () => {
    start()
    session.setTalking(true)
  }
  const release = () => {
    if (talking) session.setTalking(false)
  }

  const getButtonProps = (
    props: ButtonHTMLAttributes<HTMLButtonElement> = {},
  ): ButtonHTMLAttributes<HTMLButtonElement> & Record<`data-${string}`, string | undefined> => ({
    type: 'button',
    'aria-pressed': pressed,
    'aria-label': label, // yours, if given, comes with the spread below
    'aria-disabled': busy || undefined,
    'aria-busy': busy || undefined,
    'data-state': status,
    'data-voice': state,
    'data-mode': mode,
    'data-pressed': flag(pressed),
    'data-muted': flag(muted),
    ...props,
    onClick: composeHandlers(props.onClick, (event: MouseEvent<HTMLButtonElement>) => {
      const repeat = event.detail > 1 && startedBy.current
      startedBy.current = false
      if (busy || repeat) return
      if (push) return start()
      if (offline) {
        startedBy.current = true
        start()
      } else if (state === 'mic-blocked') void session.client.retryMicrophone()
      else if (muted) session.unmute()
      else session.mute()
    }),
    // Holding to talk; a toggle leaves these events to your handlers alone.
    ...(push && {
      onPointerDown: composeHandlers(props.onPointerDown, (event: PointerEvent<HTMLButtonElement>) => {
        event.currentTarget.setPointerCapture?.(event.pointerId)
        press()
      }),
      onPointerUp: composeHandlers(props.onPointerUp, release),
      onPointerCancel: composeHandlers(props.onPointerCancel, release),
      onKeyDown: composeHandlers(props.onKeyDown, (event: KeyboardEvent<HTMLButtonElement>) => {
        if (event.key !== ' ') return
        event.preventDefault() // Space would also click the button
        if (!event.repeat) press()
      }),
      onKeyUp: composeHandlers(props.onKeyUp, (event: KeyboardEvent<HTMLButtonElement>) => {
        if (event.key !== ' ') return
        event.preventDefault()
        session.setTalking(false)
      }),
    }),
  })
  return { status, state, pressed, label, getButtonProps }
}

function TalkIcon({ state }: { state: VoiceState }) {
  if (state === 'connecting' || state === 'reconnecting') return <SpinnerIcon />
  if (state === 'idle' || state === 'error') return <PhoneIcon />
  if (state === 'mic-blocked') return <RetryIcon />
  return state === 'muted' ? <MicOffIcon /> : <MicIcon />
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
  const { getButtonProps, label, state } = useTalkButton({ mode })
  return (
    <button ref={ref} {...getButtonProps({ ...props, className: cx('rak-talk-button', className) })}>
      <span className="rak-talk-button__icon">
        <TalkIcon state={state} />
      </span>
      <span className="rak-talk-button__label">{children ?? label}</span>
    </button>
  )
})
