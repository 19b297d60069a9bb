'use client'
import { forwardRef, type HTMLAttributes, useLayoutEffect, useRef } from 'react'
import type { ToolCallState } from '../react'
import { useToolCalls } from '../react'
import { ToolIcon } from './icons'
import { cx } from './props'

const STATUS: Record<ToolCallState['status'], string> = {
  awaiting_approval: 'Needs approval',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
  rejected: 'Declined',
}

/** Arguments as label/value pairs when they are an object; otherwise as one line of text. */
function Arguments({ args }: { args: unknown }) {
  if (args && typeof args === 'object' && !Array.isArray(args)) {
    const entries = Object.entries(args)
    if (entries.length === 0) return null
    return (
      <dl className="rak-tool-calls__args">
        {entries.map(([key, value]) => (
          <div key={key} className="rak-tool-calls__arg">
            <dt>{key}</dt>
            <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
          </div>
        ))}
      </dl>
    )
  }
  const text = typeof args === 'string' ? args : JSON.stringify(args)
  return text && text !== '{}' ? <code className="rak-tool-calls__args">{text}</code> : null
}

function describe(call: ToolCallState): string {
  const args = call.arguments
  const detail =
    args && typeof args === 'object'
      ? Object.entries(args)
          .map(([k, v]) => `${k} ${typeof v === 'string' ? v : JSON.stringify(v)}`)
          .join(', ')
      : String(args ?? '')
  return `${nameOf(call)}${detail ? ` (${detail})` : ''}`
}

/** A hosted MCP tool is named with its server, as the model sees it. */
function nameOf(call: ToolCallState): string {
  return call.serverLabel === null ? call.name : `${call.serverLabel} · ${call.name}`
}

/**
 * The session's tool calls as cards with their arguments and results; calls that need approval get
 * Approve and Decline, are announced politely, and after a decision focus moves to the next pending
 * approval or to the decided card (never to the page).
 */
export const ToolCallList = forwardRef<HTMLDivElement, HTMLAttributes<HTMLDivElement>>(function ToolCallList(
  { className, ...props },
  ref,
) {
  const { calls, pending, approve, reject } = useToolCalls()
  const cards = useRef(new Map<string, HTMLLIElement>())
  const decided = useRef<string | null>(null)

  useLayoutEffect(() => {
    const callId = decided.current
    if (!callId) return
    decided.current = null
    const next = pending[0]
    const target = next
      ? cards.current.get(next.callId)?.querySelector<HTMLButtonElement>('[data-action="approve"]')
      : cards.current.get(callId)
    target?.focus()
  }, [pending])

  const decide = (call: ToolCallState, approved: boolean) => {
    decided.current = call.callId
    if (approved) approve(call.callId)
    else reject(call.callId)
  }

  return (
    <section
      ref={ref}
      aria-label="Tool calls"
      className={cx('rak-tool-calls', className)}
      data-pending={pending.length > 0 ? '' : undefined}
      {...props}
    >
      <p aria-live="polite" className="rak-visually-hidden">
        {pending.map((call) => `Approval needed: ${describe(call)}.`).join(' ')}
      </p>
      {calls.length === 0 ? (
        <p className="rak-tool-calls__empty">No tool calls yet.</p>
      ) : (
        <ul className="rak-tool-calls__list">
          {calls.map((call) => (
            <li
              key={call.callId}
              ref={(el) => {
                if (el) cards.current.set(call.callId, el)
                else cards.current.delete(call.callId)
              }}
              tabIndex={-1}
              className="rak-tool-calls__item"
              data-state={call.status}
              data-mcp={call.serverLabel === null ? undefined : ''}
            >
              <div className="rak-tool-calls__head">
                <ToolIcon />
                <code className="rak-tool-calls__name">{nameOf(call)}</code>
                <span className="rak-tool-calls__status">{STATUS[call.status]}</span>
              </div>
              <Arguments args={call.arguments} />
              {call.output !== null && <output className="rak-tool-calls__output">{call.output}</output>}
              {call.status === 'awaiting_approval' && (
                <div className="rak-tool-calls__actions">
                  <button
                    type="button"
                    data-action="approve"
                    className="rak-button rak-button--primary"
                    onClick={() => decide(call, true)}
                    aria-label={`Approve ${call.name}`}
                  >
                    Approve
                  </button>
                  <button
                    type="button"
                    className="rak-button"
                    onClick={() => decide(call, false)}
                    aria-label={`Decline ${call.name}`}
                  >
                    Decline
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
})
