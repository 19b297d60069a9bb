'use client'
import {
  type ComponentType,
  forwardRef,
  type HTMLAttributes,
  memo,
  type RefObject,
  type UIEvent,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react'
import type { RealtimeItem } from '../core'
import { useRealtimeClient, useSelector, useTranscriptIds, useTranscriptItem } from '../react'
import { composeHandlers, cx, type ElementProps, flag } from './props'

const NEAR_BOTTOM_PX = 32

/** The text to announce: the latest finished assistant message (streaming deltas are not announced). */
function useAnnouncement(itemIds: readonly string[]): string {
  const { conversation } = useRealtimeClient().stores
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
          const item = conversation.get(recent[i] as string)
          if (item?.type === 'message' && item.role === 'assistant' && item.status !== 'in_progress')
            return item.text
        }
        return ''
      },
    }
  }, [conversation, itemIds])
  return useSelector(store, identity)
}

const identity = <T,>(value: T): T => value

/**
 * Transcript behaviour: follows new text while the reader is at the bottom, pauses when they scroll
 * up, and offers a jump back to the latest.
 * @example
 * const { itemIds, following, jumpToLatest, getScrollProps } = useTranscriptView()
 */
export function useTranscriptView() {
  // Ids only: the list re-renders when items come or go; each row follows its own item.
  const itemIds = useTranscriptIds()
  const scrollRef = useRef<HTMLDivElement | null>(null)
  const [following, setFollowing] = useState(true)
  const followingRef = useRef(true)
  followingRef.current = following
  const announcement = useAnnouncement(itemIds)

  const scrollToEnd = useCallback(() => {
    const el = scrollRef.current
    if (el) el.scrollTop = el.scrollHeight
  }, [])

  // Streaming rows grow without this component re-rendering: watch the content's size.
  useEffect(() => {
    const el = scrollRef.current
    if (!el || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(() => {
      if (followingRef.current) scrollToEnd()
    })
    for (const child of Array.from(el.children)) observer.observe(child)
    return () => observer.disconnect()
  }, [scrollToEnd])
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new item is the trigger to scroll, not an input.
  useEffect(() => {
    if (followingRef.current) scrollToEnd()
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
    'aria-label': props['aria-label'] ?? 'Transcript',
    tabIndex: 0,
    'data-following': flag(following),
    ...props,
    onScroll: composeHandlers(props.onScroll, (event: UIEvent<HTMLDivElement>) => {
      const el = event.currentTarget
      setFollowing(el.scrollHeight - el.scrollTop - el.clientHeight <= NEAR_BOTTOM_PX)
    }),
  })
  return { itemIds, following, jumpToLatest, announcement, getScrollProps }
}

function roleLabel(item: RealtimeItem): string {
  if (item.type === 'function_call') return 'Tool'
  if (item.role === 'assistant') return item.agentName ?? 'Assistant'
  return item.role === 'user' ? 'You' : 'System'
}

/** One row; re-renders only when its own item changes. */
export const TranscriptRow = memo(function TranscriptRow({ itemId }: { itemId: string }) {
  const item = useTranscriptItem(itemId)
  if (!item) return null
  const role = item.type === 'message' ? item.role : 'tool'
  return (
    <div
      className="rak-transcript__row"
      data-role={role}
      data-state={item.status}
      data-truncated={flag(item.type === 'message' && item.truncated !== null)}
      data-streaming={flag(item.status === 'in_progress')}
    >
      <span className="rak-transcript__speaker">{roleLabel(item)}</span>
      {item.type === 'message' ? (
        <p className="rak-transcript__text">
          {item.text || (item.status === 'in_progress' ? '…' : '')}
          {item.truncated && (
            <span className="rak-transcript__truncated" title="The rest was not heard">
              … <span className="rak-visually-hidden">(interrupted)</span>
            </span>
          )}
        </p>
      ) : (
        <p className="rak-transcript__text rak-transcript__tool">
          {item.name}({item.arguments}){item.output !== null ? ` → ${item.output}` : ''}
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
}

/** The conversation as it streams: roles and agent names, truncated text marked, auto-scroll with a jump back. */
export const TranscriptView = forwardRef<HTMLDivElement, TranscriptViewProps>(function TranscriptView(
  { className, emptyText = 'The conversation will appear here.', Row = TranscriptRow, ...props },
  ref,
) {
  const { itemIds, following, jumpToLatest, announcement, getScrollProps } = useTranscriptView()
  const scrollProps = getScrollProps(props)
  return (
    <div ref={ref} className={cx('rak-transcript', className)} data-following={flag(following)}>
      <div {...scrollProps} className="rak-transcript__scroll">
        <div className="rak-transcript__rows">
          {itemIds.length === 0 ? (
            <p className="rak-transcript__empty">{emptyText}</p>
          ) : (
            itemIds.map((id) => <Row key={id} itemId={id} />)
          )}
        </div>
      </div>
      {!following && (
        <button type="button" className="rak-transcript__jump" onClick={jumpToLatest}>
          Jump to latest
        </button>
      )}
      <div aria-live="polite" className="rak-visually-hidden">
        {announcement}
      </div>
    </div>
  )
})
