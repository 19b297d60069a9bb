'use client'
import {
  forwardRef,
  type HTMLAttributes,
  memo,
  type RefObject,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react'
import { useRealtimeClient, useSelector } from '../react'
import { EventLogStore, type FrameScheduler, type LoggedEvent } from './eventLogStore'
import { cx } from './props'
import { useWindow } from './windowing'

/**
 * The latest session and raw server events (audio chunks left out), filterable by type; new events
 * reach React at most once per animation frame.
 * @example
 * const { events, filter, setFilter, paused, setPaused } = useEventLog({ limit: 200 })
 */
export function useEventLog({ limit = 500, schedule }: { limit?: number; schedule?: FrameScheduler } = {}) {
  const client = useRealtimeClient()
  const [store] = useState(() => new EventLogStore(client, limit, schedule))
  const all = useSelector(store, store.getSnapshot)
  const [filter, setFilter] = useState('')
  const [paused, setPausedState] = useState(false)
  const events = useMemo(() => {
    const f = filter.trim().toLowerCase()
    return f ? all.filter((e) => e.type.includes(f) || e.detail.toLowerCase().includes(f)) : all
  }, [all, filter])
  const setPaused = (value: boolean) => {
    store.setPaused(value)
    setPausedState(value)
  }
  return { events, filter, setFilter, paused, setPaused, clear: () => store.clear() }
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

/** One entry; its JSON is built only while it is expanded. */
const Entry = memo(function Entry({ entry }: { entry: LoggedEvent }) {
  const [open, setOpen] = useState(false)
  const id = useId()
  return (
    <>
      <button
        type="button"
        className="rak-event-log__summary"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen(!open)}
      >
        <span className="rak-event-log__type">{entry.type}</span>
        {entry.detail && <span className="rak-event-log__detail"> {entry.detail}</span>}
      </button>
      {open && (
        <pre id={id} className="rak-event-log__json">
          {stringify(entry)}
        </pre>
      )}
    </>
  )
})

const entryKey = (entry: LoggedEvent) => entry.id

/** The entries in view between two spacers (the list's padding). */
function Entries({
  events,
  scrollRef,
}: {
  events: readonly LoggedEvent[]
  scrollRef: RefObject<HTMLDivElement | null>
}) {
  const { start, end, before, after, measure } = useWindow({
    items: events,
    getKey: entryKey,
    scrollRef,
    estimate: 28,
  })
  return (
    <ol
      className="rak-event-log__list"
      aria-label="Events"
      style={{ paddingTop: before, paddingBottom: after }}
    >
      {events.slice(start, end).map((entry, i) => (
        <li key={entry.id} ref={measure} data-index={start + i} className="rak-event-log__entry">
          <Entry entry={entry} />
        </li>
      ))}
    </ol>
  )
}

/** Keeps the newest entry in view while the reader is at the end of the log. */
function useStickToEnd(scrollRef: { current: HTMLElement | null }, count: number) {
  const atEnd = useRef(true)
  useEffect(() => {
    const el = scrollRef.current
    if (!el) return
    const onScroll = () => {
      atEnd.current = el.scrollHeight - el.scrollTop - el.clientHeight <= 24
    }
    el.addEventListener('scroll', onScroll, { passive: true })
    return () => el.removeEventListener('scroll', onScroll)
  }, [scrollRef])
  // biome-ignore lint/correctness/useExhaustiveDependencies: new entries are the trigger, not an input.
  useEffect(() => {
    const el = scrollRef.current
    if (el && atEnd.current) el.scrollTop = el.scrollHeight
  }, [count, scrollRef])
}

/** A filterable, windowed log of session events; each entry expands to its JSON (as text). */
export const EventLog = forwardRef<
  HTMLDivElement,
  HTMLAttributes<HTMLDivElement> & { limit?: number; schedule?: FrameScheduler }
>(function EventLog({ className, limit, schedule, ...props }, ref) {
  const { events, filter, setFilter, paused, setPaused } = useEventLog({
    ...(limit ? { limit } : {}),
    ...(schedule ? { schedule } : {}),
  })
  const id = useId()
  const scrollRef = useRef<HTMLDivElement>(null)
  useStickToEnd(scrollRef, events.length)
  return (
    <div ref={ref} className={cx('rak-event-log', className)} {...props}>
      <div className="rak-event-log__bar">
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
        <button
          type="button"
          className="rak-button rak-button--small"
          aria-pressed={paused}
          onClick={() => setPaused(!paused)}
        >
          {paused ? 'Resume' : 'Pause'}
        </button>
      </div>
      <div ref={scrollRef} className="rak-event-log__scroll">
        <Entries events={events} scrollRef={scrollRef} />
      </div>
    </div>
  )
})
