'use client'
import { forwardRef, type HTMLAttributes, useEffect } from 'react'
import { isAudioError } from '../core'
import { cx, type ElementProps } from './props'
import { useVoiceState } from './voiceState'

/**
 * The status as words (from the same state as the talk button), and a message for the user when
 * something needs their action; the developer's detail goes to the console once per error.
 * @example
 * const { label, message, getStatusProps } = useConnectionStatus()
 */
export function useConnectionStatus() {
  const { state, label, message, session } = useVoiceState()
  const { error, status } = session
  useEffect(() => {
    if (error) console.warn('[realtime-agent-kit]', error.code, error.message, error.cause ?? '')
  }, [error])
  return {
    status,
    state,
    label,
    /** The user-facing message, or null. */
    message,
    /** Kept for apps that showed the raw message; prefer `message`. */
    errorMessage: message,
    /** The microphone failed but the session is up: a retry is what the user needs. */
    microphoneBlocked: isAudioError(error) && status !== 'idle' && status !== 'error',
    getStatusProps: (
      props: HTMLAttributes<HTMLDivElement> = {},
    ): ElementProps<HTMLAttributes<HTMLDivElement>> => ({
      role: 'status',
      'aria-live': 'polite' as const,
      'data-state': status,
      'data-voice': state,
      ...props,
    }),
  }
}

/** A live status line: idle, connecting, listening, thinking, speaking; errors that need action as an alert. */
export const ConnectionStatus = forwardRef<HTMLDivElement, HTMLAttributes<HTMLDivElement>>(
  function ConnectionStatus({ className, ...props }, ref) {
    const { label, message, state, getStatusProps } = useConnectionStatus()
    return (
      <div ref={ref} className={cx('rak-connection-status', className)} data-voice={state} {...props}>
        <span {...getStatusProps({ className: 'rak-connection-status__line' })}>
          <span className="rak-connection-status__dot" aria-hidden="true" />
          <span className="rak-connection-status__label">{label}</span>
        </span>
        {message && (
          <p role="alert" className="rak-connection-status__error">
            {message}
          </p>
        )}
      </div>
    )
  },
)
