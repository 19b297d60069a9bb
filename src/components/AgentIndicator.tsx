'use client'
import { forwardRef, type HTMLAttributes } from 'react'
import { useCurrentAgent, useRealtimeSession } from '../react'
import { cx } from './props'

/** The agent speaking now, with the latest handoff announced politely. */
export const AgentIndicator = forwardRef<HTMLDivElement, HTMLAttributes<HTMLDivElement>>(
  function AgentIndicator({ className, ...props }, ref) {
    const { agent, lastHandoff } = useCurrentAgent()
    const { status } = useRealtimeSession()
    return (
      <div
        ref={ref}
        role="status"
        aria-live="polite"
        data-state={status}
        data-handoff={lastHandoff ? '' : undefined}
        className={cx('rak-agent-indicator', className)}
        {...props}
      >
        <span className="rak-agent-indicator__label">Agent</span>{' '}
        <strong className="rak-agent-indicator__name">{agent.name}</strong>
        {lastHandoff && (
          <span className="rak-agent-indicator__handoff"> (handed off from {lastHandoff.from})</span>
        )}
      </div>
    )
  },
)
