'use client'
import { forwardRef, type HTMLAttributes, useId, useMemo, useState } from 'react'
import { useRealtimeClient, useSelector } from '../react'
import { EventLogStore, type LoggedEvent } from './eventLogStore'
import { cx } from './props'

/**
 * The latest session and raw server events (audio chunks left out), filterable by type.
 * @example
 * const { events, filter, setFilter } = useEventLog({ limit: 200 })
 */
export function useEventLog({ limit = 500 }: { limit?: number } = {}) {
  const client = useRealtimeClient()
  const [store] = useState(() => new EventLogStore(client, limit))
  const all = useSelector(store, store.getSnapshot)
  const [filter, setFilter] = useState('')
  const events = useMemo(() => {
    const f = filter.trim().toLowerCase()
    return f ? all.filter((e) => e.type.includes(f) || e.detail.toLowerCase().includes(f)) : all
  }, [all, filter])
  return { events, filter, setFilter, clear: () => store.clear() }
}

function stringify(entry: LoggedEvent): string {
  const { event } = entry
  return JSON.stringify(
    event.type === 'raw_model_event' ? event.data : event,
    (key, value) => {
      if (key === 'agent' || key === 'fromAgent' || key === 'toAgent' || key === 'currentAgent')
        return (value as { name?: string })?.name
      if (key === 'tool') return (value as { name?: string })?.name
      if (key === 'history') return undefined
      return value
    },
    2,
  )
}

/** A filterable log of session events; each entry expands to its JSON (as text). */
export const EventLog = forwardRef<HTMLDivElement, HTMLAttributes<HTMLDivElement> & { limit?: number }>(
  function EventLog({ className, limit, ...props }, ref) {
    const { events, filter, setFilter } = useEventLog(limit ? { limit } : {})
    const id = useId()
    return (
      <div ref={ref} className={cx('rak-event-log', className)} {...props}>
        <label htmlFor={id} className="rak-event-log__filter-label">
          Filter events
        </label>
        <input
          id={id}
          type="search"
          className="rak-event-log__filter"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder="e.g. tool, response.done"
        />
        <ol className="rak-event-log__list" aria-label="Events">
          {events.map((entry) => (
            <li key={entry.id} className="rak-event-log__entry" data-type={entry.type}>
              <details>
                <summary>
                  <span className="rak-event-log__type">{entry.type}</span>
                  {entry.detail && <span className="rak-event-log__detail"> {entry.detail}</span>}
                </summary>
                <pre className="rak-event-log__json">{stringify(entry)}</pre>
              </details>
            </li>
          ))}
        </ol>
      </div>
    )
  },
)
