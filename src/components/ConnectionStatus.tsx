'use client'
import { forwardRef, type HTMLAttributes } from 'react'
import type { RealtimeStatus } from '../react'
import { useRealtimeSession } from '../react'
import { cx, type ElementProps } from './props'

const LABELS: Record<RealtimeStatus, string> = {
  idle: 'Not connected',
  connecting: 'Connecting…',
  listening: 'Listening',
  thinking: 'Thinking…',
  speaking: 'Speaking',
  reconnecting: 'Reconnecting…',
  error: 'Connection problem',
}

/**
 * The status as words, and the error's message when there is one.
 * @example
 * const { label, getStatusProps } = useConnectionStatus()
 */
export function useConnectionStatus() {
  const { status, error } = useRealtimeSession()
  return {
    status,
    label: LABELS[status],
    errorMessage: error?.message ?? null,
    getStatusProps: (
      props: HTMLAttributes<HTMLDivElement> = {},
    ): ElementProps<HTMLAttributes<HTMLDivElement>> => ({
      role: 'status',
      'aria-live': 'polite' as const,
      'data-state': status,
      ...props,
    }),
  }
}

/** A live status line: idle, connecting, listening, thinking, speaking or error. */
export const ConnectionStatus = forwardRef<HTMLDivElement, HTMLAttributes<HTMLDivElement>>(
  function ConnectionStatus({ className, ...props }, ref) {
    const { label, errorMessage, getStatusProps } = useConnectionStatus()
    return (
      <div ref={ref} {...getStatusProps({ ...props, className: cx('rak-connection-status', className) })}>
        <span className="rak-connection-status__dot" aria-hidden="true" />
        <span className="rak-connection-status__label">{label}</span>
        {errorMessage && <span className="rak-connection-status__error">{errorMessage}</span>}
      </div>
    )
  },
)
