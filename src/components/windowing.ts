'use client'
import { type RefObject, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { useIsomorphicLayoutEffect } from '../react'
import type { ListWindow } from './windowLayout'

/** The part of a list to render: rows `[start, end)` between spacers of `before` and `after` px. */
export interface WindowRange {
  start: number
  end: number
  before: number
  after: number
}

/** Options of `useWindow`. */
export interface WindowOptions<T> {
  /** Every row's data, in order. */
  items: readonly T[]
  /** A stable key per row: a measured height follows its row when rows come or go. */
  getKey: (item: T) => unknown
  /** The scrolling element holding the list. */
  scrollRef: RefObject<HTMLElement | null>
  /** Height of a row before any is measured, in px; then the average of the measured rows. */
  estimate: number
  /** Extra px rendered above and below the view (default 400). */
  overscan?: number
}

/**
 * Lists shorter than this render every row, and the windowing core (a chunk of its own) loads when
 * one gets this long: rendering a hundred rows costs less than the core's download.
 */
export const WINDOW_FROM = 100

type Layout = typeof import('./windowLayout')
let loading: Promise<Layout> | undefined
let layout: Layout | undefined
/** Loads the windowing core once (a list past `WINDOW_FROM` rows does it on its own). */
export const loadWindowing = (): Promise<Layout> =>
  (loading ??= import('./windowLayout').then((module) => {
    layout = module
    return module
  }))

// Stands in for the core until it loads: nothing to subscribe to, nothing to measure.
const NO_CORE = { subscribe: () => () => {}, version: () => 0, observe: () => {} }

/**
 * Windowing for a vertical list of rows of any height: which rows to render for the scroll
 * position, the spacers around them, and a `measure` ref for each rendered row (which also carries
 * `data-index`). One ResizeObserver measures the rows and the scroller; unmeasured rows count at
 * the average height; rows changing height above the view do not move it. A list shorter than
 * `WINDOW_FROM` renders every row. A list that is long from the start (and a server render of it)
 * shows its first rows until the core has loaded; one that grows long keeps every row until then.
 */
export function useWindow<T>({ items, getKey, scrollRef, estimate, overscan = 400 }: WindowOptions<T>) {
  const n = items.length
  const long = n >= WINDOW_FROM
  const [startedLong] = useState(long)
  // Once loaded, a list that starts long gets its core at once: its first range is the one below.
  const [list, setList] = useState<ListWindow<T> | null>(() =>
    long && layout ? layout.createWindow<T>(estimate) : null,
  )
  const core = list ?? NO_CORE
  useSyncExternalStore(core.subscribe, core.version, core.version)
  // Until the core comes: every row, or for a list long from the start what a new core renders
  // first (the rows within `overscan` of the top, at the estimate).
  const end = startedLong ? Math.min(n, Math.floor(overscan / estimate) + 1) : n
  const range: WindowRange = list
    ? list.render(items, getKey, overscan)
    : { start: 0, end, before: 0, after: (n - end) * estimate }
  // The rows the DOM shows, for the core to measure when it comes (once it has, it keeps track).
  const shown = useRef({ items, getKey })
  useIsomorphicLayoutEffect(() => {
    if (list) list.committed(range)
    else shown.current = { items, getKey }
  })
  useEffect(() => {
    if (list || !long) return
    let live = true
    void loadWindowing().then(({ createWindow }) => {
      // A list that showed every row hands their heights over (as its first render finds them);
      // one that started long shows what a new core would, and the core measures it as usual.
      const scroller = startedLong ? null : scrollRef.current
      const handOver = scroller ? () => ({ scroller, ...shown.current }) : undefined
      if (live) setList(createWindow<T>(estimate, handOver))
    })
    return () => {
      live = false
    }
  }, [list, long, startedLong, estimate, scrollRef])
  useEffect(() => {
    const el = scrollRef.current
    return list && el ? list.attach(el) : undefined
  }, [list, scrollRef])
  return { ...range, measure: core.observe }
}
