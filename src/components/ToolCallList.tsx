'use client'
import { forwardRef, type HTMLAttributes } from 'react'
import type { ToolCallState } from '../react'
import { useToolCalls } from '../react'
import { cx } from './props'

const STATUS: Record<ToolCallState['status'], string> = {
  awaiting_approval: 'Waiting for approval',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
  rejected: 'Declined',
}

function argumentsText(args: unknown): string {
  return typeof args === 'string' ? args : JSON.stringify(args)
}

/** The session's tool calls with their arguments and results; calls that need approval get Approve and Decline. */
export const ToolCallList = forwardRef<HTMLDivElement, HTMLAttributes<HTMLDivElement>>(function ToolCallList(
  { className, ...props },
  ref,
) {
  const { calls, approve, reject } = useToolCalls()
  return (
    <section
      ref={ref}
      aria-label="Tool calls"
      className={cx('rak-tool-calls', className)}
      data-pending={calls.some((c) => c.status === 'awaiting_approval') ? '' : undefined}
      {...props}
    >
      {calls.length === 0 ? (
        <p className="rak-tool-calls__empty">No tool calls yet.</p>
      ) : (
        <ul className="rak-tool-calls__list">
          {calls.map((call) => (
            <li
              key={call.callId}
              className="rak-tool-calls__item"
              data-state={call.status}
              data-mcp={call.serverLabel === null ? undefined : ''}
            >
              <code className="rak-tool-calls__name">
                {call.serverLabel === null ? call.name : `${call.serverLabel} · ${call.name}`}
              </code>
              <code className="rak-tool-calls__args">{argumentsText(call.arguments)}</code>
              <span className="rak-tool-calls__status">{STATUS[call.status]}</span>
              {call.output !== null && <output className="rak-tool-calls__output">{call.output}</output>}
              {call.status === 'awaiting_approval' && (
                <span className="rak-tool-calls__actions">
                  <button
                    type="button"
                    onClick={() => approve(call.callId)}
                    aria-label={`Approve ${call.name}`}
                  >
                    Approve
                  </button>
                  <button
                    type="button"
                    onClick={() => reject(call.callId)}
                    aria-label={`Decline ${call.name}`}
                  >
                    Decline
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
})
