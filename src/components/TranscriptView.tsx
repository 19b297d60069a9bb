'use client'
import {
  type ComponentType,
  createContext,
  forwardRef,
  type HTMLAttributes,
  memo,
  type RefObject,
  type UIEvent,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react'
import { handoffTarget, type RealtimeItem } from '../core'
import { identity, useRealtimeClient, useSelector, useTranscriptIds, useTranscriptItem } from '../react'
import { ArrowDownIcon, ToolIcon } from './icons'
import { composeHandlers, cx, type ElementProps, flag } from './props'
import { useWindow } from './windowing'
import { useWithdrawn } from './withdrawn'

const NEAR_BOTTOM_PX = 32
const ROW_ESTIMATE = 64

/** The text to announce: the latest finished assistant message (streaming deltas are not announced). */
function useAnnouncement(itemIds: readonly string[]): string {
  const { conversation } = useRealtimeClient().stores
  const withdrawn = useWithdrawn(identity)
  // Only the last few items can change the announcement: listen to those, not to every delta.
  const store = useMemo(() => {
    const recent = itemIds.slice(-5)
    return {
      subscribe: (listener: () => void) => {
        const offs = recent.map((id) => conversation.subscribeItem(id, listener))
        return () => {
          for (const off of offs) off()
        }
      },
      getSnapshot: () => {
        for (let i = recent.length - 1; i >= 0; i--) {
          const id = recent[i] as string
          const item = conversation.get(id)
          if (item?.type === 'message' && item.role === 'assistant' && item.status !== 'in_progress')
            return withdrawn.has(id) ? '' : item.text
        }
        return ''
      },
    }
  }, [conversation, itemIds, withdrawn])
  return useSelector(store, identity)
}

/**
 * Ids of the rows to show: system messages are instructions to the model (a guardrail's note, say),
 * never part of what the user reads. Recomputed only when items come or go.
 */
function useVisibleIds(): readonly string[] {
  const ids = useTranscriptIds()
  const { conversation } = useRealtimeClient().stores
  return useMemo(
    () =>
      ids.filter((id) => {
        const item = conversation.get(id)
        return !(item?.type === 'message' && item.role === 'system')
      }),
    [ids, conversation],
  )
}

/**
 * Transcript behaviour: follows new text while the reader is at the bottom (new rows and rows that
 * grow as they stream), pauses when they scroll up, and offers a jump back. Past 100 rows the view
 * renders only the rows in view (`useWindow` measures their real heights).
 * @example
 * const { itemIds, following, jumpToLatest, getScrollProps } = useTranscriptView()
 */
export function useTranscriptView() {
  // Ids only: the list re-renders when items come or go; each row follows its own item.
  const itemIds = useVisibleIds()
  const scrollRef = useRef<HTMLDivElement | null>(null)
  const [following, setFollowing] = useState(true)
  const followingRef = useRef(true)
  followingRef.current = following
  const announcement = useAnnouncement(itemIds)

  // Where the reader was last seen, to tell a move up (leaving the end) from content growing below.
  // Our own scrolls count too: a reader's scroll coalesced with one of them into a single scroll
  // event must still read as the move it is.
  const lastTop = useRef(0)
  const scrollToEnd = useCallback(() => {
    const el = scrollRef.current
    if (!el) return
    el.scrollTop = el.scrollHeight
    lastTop.current = el.scrollTop
  }, [])
  const frame = useRef(0)
  useEffect(() => () => cancelAnimationFrame(frame.current), [])

  // Rows added or growing change the content's height without this component re-rendering. The
  // observer runs after layout and before paint: following there, no frame shows the end cut off.
  useEffect(() => {
    const el = scrollRef.current
    if (!el || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(() => {
      if (followingRef.current) scrollToEnd()
    })
    const observe = () => {
      for (const child of el.children) observer.observe(child)
    }
    observe()
    // The content element appears with the first row: watch it when it comes.
    const mutations = new MutationObserver(observe)
    mutations.observe(el, { childList: true })
    return () => {
      observer.disconnect()
      mutations.disconnect()
    }
  }, [scrollToEnd])
  // Following a new item scrolls in the next frame, where the browser lays the page out anyway:
  // scrolling in the commit would force a second, synchronous layout into the task that rendered the rows.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new item is the trigger to scroll, not an input.
  useEffect(() => {
    if (!followingRef.current || frame.current || typeof requestAnimationFrame === 'undefined') return
    frame.current = requestAnimationFrame(() => {
      frame.current = 0
      if (followingRef.current) scrollToEnd()
    })
  }, [itemIds, scrollToEnd])

  const jumpToLatest = useCallback(() => {
    setFollowing(true)
    scrollToEnd()
  }, [scrollToEnd])

  const getScrollProps = (
    props: HTMLAttributes<HTMLDivElement> = {},
  ): ElementProps<HTMLAttributes<HTMLDivElement>> & { ref: RefObject<HTMLDivElement | null> } => ({
    ref: scrollRef,
    role: 'log',
    'aria-live': 'off' as const, // announced through the polite region instead, once per message
    'aria-label': 'Transcript', // yours, if given, comes with the spread below
    tabIndex: 0,
    'data-following': flag(following),
    ...props,
    onScroll: composeHandlers(props.onScroll, (event: UIEvent<HTMLDivElement>) => {
      const el = event.currentTarget
      const movedUp = el.scrollTop < lastTop.current
      lastTop.current = el.scrollTop
      // The ref changes at once: a follow already scheduled for this frame must see the reader leave.
      const near = el.scrollHeight - el.scrollTop - el.clientHeight <= NEAR_BOTTOM_PX
      // A scroll event comes a frame after its scroll: content that grew meanwhile leaves a gap
      // below, but only a move up is the reader leaving the end.
      if (near || movedUp) {
        followingRef.current = near
        setFollowing(near)
      }
    }),
  })
  return { itemIds, following, jumpToLatest, announcement, getScrollProps, scrollRef }
}

/** The rows in view between two spacers; each slot aligns its row (the user's to the right). */
function TranscriptRows({
  itemIds,
  scrollRef,
  Row,
}: {
  itemIds: readonly string[]
  scrollRef: RefObject<HTMLDivElement | null>
  Row: ComponentType<{ itemId: string }>
}) {
  const { start, end, before, after, measure } = useWindow({
    items: itemIds,
    getKey: identity,
    scrollRef,
    estimate: ROW_ESTIMATE,
  })
  return (
    <div style={{ paddingTop: before, paddingBottom: after }}>
      {itemIds.slice(start, end).map((id, i) => (
        <div key={id} ref={measure} data-index={start + i} className="rak-transcript__slot">
          <Row itemId={id} />
        </div>
      ))}
    </div>
  )
}

/** How a row shows an answer that an output guardrail stopped. */
export type WithdrawnDisplay = 'replace' | 'mark'
const WithdrawnDisplayContext = createContext<WithdrawnDisplay>('replace')

function roleLabel(item: RealtimeItem): string {
  if (item.type === 'function_call') return 'Tool'
  if (item.role === 'assistant') return item.agentName ?? 'Assistant'
  return item.role === 'user' ? 'You' : 'System'
}

/** One row; re-renders only when its own item (or its withdrawal) changes. */
export const TranscriptRow = memo(function TranscriptRow({ itemId }: { itemId: string }) {
  const item = useTranscriptItem(itemId)
  const guardrails = useWithdrawn((withdrawn) => withdrawn.get(itemId))
  const display = useContext(WithdrawnDisplayContext)
  if (!item) return null
  const role = item.type === 'message' ? item.role : 'tool'
  const withdrawn = guardrails !== undefined
  const reasons = guardrails?.join(', ')
  const truncated = item.type === 'message' && item.truncated !== null && !withdrawn
  // A handoff's output is for the model ({"assistant": name}); the reader gets a sentence.
  const handedTo = handoffTarget(item)
  return (
    <div
      className="rak-transcript__row"
      data-role={role}
      data-state={item.status}
      data-truncated={flag(truncated)}
      data-streaming={flag(item.status === 'in_progress' && !withdrawn)}
      data-withdrawn={withdrawn ? display : undefined}
    >
      <span className="rak-transcript__speaker">{roleLabel(item)}</span>
      {item.type !== 'message' ? (
        <p className="rak-transcript__text rak-transcript__tool">
          <span className="rak-transcript__tool-name">
            <ToolIcon />
            <code>{item.name}</code>
          </span>
          {item.output !== null && (
            <span className="rak-transcript__tool-output">
              <span className="rak-visually-hidden"> returned: </span>
              {handedTo === null ? item.output : `Handed off to ${handedTo}`}
            </span>
          )}
        </p>
      ) : withdrawn && display === 'replace' ? (
        <p className="rak-transcript__text rak-transcript__withdrawn">
          This answer was withdrawn ({reasons}).
        </p>
      ) : (
        <p className="rak-transcript__text">
          {withdrawn && <span className="rak-transcript__badge">Withdrawn ({reasons}) </span>}
          {item.text || (item.status === 'in_progress' ? '…' : '')}
          {truncated && (
            <span className="rak-transcript__truncated" title="The rest was not heard">
              … <span className="rak-visually-hidden">(interrupted)</span>
            </span>
          )}
        </p>
      )}
    </div>
  )
})

/** Props of `TranscriptView`: a container's attributes, the empty text and the row component. */
export interface TranscriptViewProps extends HTMLAttributes<HTMLDivElement> {
  /** Shown when there is nothing yet. */
  emptyText?: string
  /** Renders one row from its item id (default `TranscriptRow`); read the item with `useTranscriptItem`. */
  Row?: ComponentType<{ itemId: string }>
  /** An answer an output guardrail stopped: `replace` its text with a note (default) or `mark` it withdrawn. */
  withdrawn?: WithdrawnDisplay
}

/**
 * The conversation as it streams, windowed past 100 rows (only rows in view are in the DOM): roles and agent
 * names, truncated text marked, guardrail-withdrawn answers replaced, auto-scroll with a jump back.
 */
export const TranscriptView = forwardRef<HTMLDivElement, TranscriptViewProps>(function TranscriptView(
  {
    className,
    emptyText = 'The conversation will appear here.',
    Row = TranscriptRow,
    withdrawn = 'replace',
    ...props
  },
  ref,
) {
  const { itemIds, following, jumpToLatest, announcement, getScrollProps, scrollRef } = useTranscriptView()
  return (
    <div ref={ref} className={cx('rak-transcript', className)} data-following={flag(following)}>
      <div {...getScrollProps(props)} className="rak-transcript__scroll">
        {itemIds.length === 0 ? (
          <p className="rak-transcript__empty">{emptyText}</p>
        ) : (
          <WithdrawnDisplayContext.Provider value={withdrawn}>
            <TranscriptRows itemIds={itemIds} scrollRef={scrollRef} Row={Row} />
          </WithdrawnDisplayContext.Provider>
        )}
      </div>
      {!following && (
        <button type="button" className="rak-transcript__jump" onClick={jumpToLatest}>
          <ArrowDownIcon /> Jump to latest
        </button>
      )}
      <div aria-live="polite" className="rak-visually-hidden">
        {announcement}
      </div>
    </div>
  )
})
