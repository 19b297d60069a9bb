'use client'
import { type ButtonHTMLAttributes, forwardRef, type RefObject, useCallback, useRef } from 'react'
import { type RealtimeClientSnapshot, useRealtimeClient, useSelector } from '../react'
import { SpeakerIcon } from './icons'
import { composeHandlers, cx, type ElementProps, flag } from './props'

const selectSuspended = (s: RealtimeClientSnapshot) => s.audio === 'suspended'

/**
 * Whether the browser holds the conversation's audio until the user taps (Safari keeps a new
 * AudioContext suspended until a gesture; iOS suspends it during a call), derived from the audio
 * graph's state, with the prop getter of a button that resumes it.
 * @example
 * const { needed, getButtonProps } = useAudioUnlock()
 * return needed ? <button {...getButtonProps()}>Tap to enable audio</button> : null
 */
export function useAudioUnlock() {
  const client = useRealtimeClient()
  const needed = useSelector(client, selectSuspended)
  const unlock = () => client.resumeAudio()
  const getButtonProps = (
    props: ButtonHTMLAttributes<HTMLButtonElement> = {},
  ): ElementProps<ButtonHTMLAttributes<HTMLButtonElement>> => ({
    type: 'button',
    'data-state': needed ? 'suspended' : 'running',
    'data-needed': flag(needed),
    ...props,
    // The click is the gesture the browser waits for: resume inside it.
    onClick: composeHandlers(props.onClick, () => void unlock().catch(() => {})),
  })
  return { needed, unlock, getButtonProps }
}

/** Props of {@link AudioUnlockButton}: a button's attributes and where focus goes once audio runs. */
export interface AudioUnlockButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** Focused when audio runs and the button goes away while it had focus. Default: none. */
  focusAfter?: RefObject<HTMLElement | null>
}

/**
 * "Tap to enable audio": a button shown only while the browser holds the audio suspended, inside a
 * polite live region (always present) so screen readers announce it when it appears.
 */
export const AudioUnlockButton = forwardRef<HTMLButtonElement, AudioUnlockButtonProps>(
  function AudioUnlockButton({ focusAfter, className, children, ...props }, ref) {
    const { needed, getButtonProps } = useAudioUnlock()
    const button = useRef<HTMLButtonElement | null>(null)
    const after = useRef(focusAfter)
    after.current = focusAfter
    const setButton = useCallback(
      (node: HTMLButtonElement | null) => {
        // React detaches the ref before it removes the button: if the button has focus then, hand
        // it on, so focus never falls to the page when audio starts.
        const previous = button.current
        if (!node && previous && previous.ownerDocument.activeElement === previous)
          after.current?.current?.focus()
        button.current = node
        if (typeof ref === 'function') ref(node)
        else if (ref) ref.current = node
      },
      [ref],
    )
    return (
      <div className="rak-audio-unlock" role="status" data-needed={flag(needed)}>
        {needed && (
          <button
            ref={setButton}
            {...getButtonProps({
              ...props,
              className: cx('rak-button rak-button--primary rak-audio-unlock__button', className),
            })}
          >
            <SpeakerIcon />
            <span className="rak-button__label">{children ?? 'Tap to enable audio'}</span>
          </button>
        )}
      </div>
    )
  },
)
