import type { WindowRange } from './windowing'

/**
 * The windowing core, a chunk of its own: lists load it once they are long (see `useWindow`), so
 * a short conversation never downloads it.
 */

/**
 * A list rendered whole before the core came: its rows' heights and the scroll position, so the
 * first range matches what the DOM shows and nothing on screen moves at the switch.
 */
export interface WindowSeed<T> {
  scroller: HTMLElement
  /** The items the DOM shows (`data-index` points into them). */
  items: readonly T[]
  getKey: (item: T) => unknown
}

const grow = <A extends Float64Array | Uint32Array>(from: A, to: A): A => {
  to.set(from)
  return to
}

/**
 * One list's layout. Row heights are measured, else the running average (`estimate`); offsets are
 * two prefix sums kept apart, measured px and unmeasured count, so a new average moves no sum and
 * a height changing at row i recomputes the sums from i only, and lazily.
 */
export function createWindow<T>(initialEstimate: number, handOver?: () => WindowSeed<T>) {
  let items: readonly T[] = []
  let keyOf: (item: T) => unknown = (item) => item
  let overscan = 400
  let estimate = initialEstimate
  let el: HTMLElement | null = null
  let observer: ResizeObserver | null = null
  let scrollTop = 0
  let viewport = 0
  let current: WindowRange = { start: 0, end: 0, before: 0, after: 0 }
  let shown = current // what the DOM shows: the range of the last commit
  let shownBottom = 0 // where the rows shown end in the DOM
  let changedFrom = 0 // first row that came, went or moved since the last commit (none: the length)
  let version = 0
  let frame = 0
  let measured = new Float64Array(0) // -1: not measured yet
  let sums = new Float64Array(1)
  let missing = new Uint32Array(1)
  let valid = 0 // sums and missing hold up to this index
  let count = 0
  let total = 0
  const rows = new Set<Element>()
  const sizes = new Map<unknown, number>()
  const listeners = new Set<() => void>()

  /** Takes over from a list that rendered every row: their heights, and where its view is now. */
  const takeOver = ({ scroller, items: shownItems, getKey }: WindowSeed<T>) => {
    for (const row of scroller.querySelectorAll<HTMLElement>('[data-index]')) {
      const item = shownItems[Number(row.dataset.index)]
      const size = row.getBoundingClientRect().height
      // A hidden list (an inactive tab, say) has no heights to give.
      if (item === undefined || !size) continue
      sizes.set(getKey(item), size)
      total += size
      count++
    }
    if (count) estimate = total / count
    scrollTop = scroller.scrollTop
    viewport = scroller.clientHeight
  }

  /** Top of row `i` (the list's height for `i = items.length`). */
  const offset = (i: number): number => {
    for (; valid < i; valid++) {
      const size = measured[valid] as number
      sums[valid + 1] = (sums[valid] as number) + Math.max(size, 0)
      missing[valid + 1] = (missing[valid] as number) + Number(size < 0)
    }
    return (sums[i] as number) + estimate * (missing[i] as number)
  }
  /** First row in `[from, to)` whose bottom is below `y`, else `to`. */
  const rowAt = (y: number, from: number, to: number): number => {
    offset(to)
    while (from < to) {
      const mid = (from + to) >> 1
      if (offset(mid + 1) > y) to = mid
      else from = mid + 1
    }
    return from
  }
  /**
   * Where a scroll position in the DOM, laid out by the last commit, lies in the layout now. The
   * rows shown moved as far as their top did (the average changed, rows above were measured), and
   * the next commit scrolls by as much so the rows in view stay put. A position in a spacer keeps
   * its share of the spacer: a jump there (a dragged scrollbar) lands where it was aimed.
   */
  const toLayout = (p: number): number => {
    if (changedFrom < shown.start) return p // rows came or went above: nothing to map by
    const top = offset(shown.start)
    if (p < shown.before) return top === shown.before ? p : (p / shown.before) * top
    const bottom = offset(shown.end)
    const after = offset(items.length) - bottom
    if (p <= shownBottom || after === shown.after || shown.after <= 0) return p + top - shown.before
    return bottom + ((p - shownBottom) / shown.after) * after
  }
  const range = (): WindowRange => {
    const n = items.length
    const y = toLayout(scrollTop)
    const start = Math.min(rowAt(y - overscan, 0, n), Math.max(0, n - 1))
    const end = Math.min(n, rowAt(y + viewport + overscan, start, n) + 1)
    return { start, end, before: offset(start), after: offset(n) - offset(end) }
  }
  const update = () => {
    const next = range()
    const { start, end, before, after } = current
    if (next.start === start && next.end === end && next.before === before && next.after === after) return
    current = next
    version++
    for (const listener of listeners) listener()
  }

  /**
   * New heights, after layout and before paint. Rows above the first visible one that changed
   * height would move what the reader sees: the scroll position takes the difference. A view at
   * the end stays at the end.
   */
  const resized = (entries: ResizeObserverEntry[]) => {
    if (!el) return
    const { start, end, before } = shown
    const top = el.scrollTop
    // The anchor row, placed by the heights the DOM had before this change.
    const anchor = rowAt(top - before + offset(start), start, end)
    const counted = count
    let above = 0
    let all = 0
    for (const { target, borderBoxSize, contentRect } of entries) {
      if (target === el) {
        viewport = el.clientHeight || contentRect.height
        continue
      }
      if (!target.isConnected) {
        rows.delete(target)
        observer?.unobserve(target)
        continue
      }
      const index = Number((target as HTMLElement).dataset.index)
      const size = borderBoxSize?.[0]?.blockSize ?? contentRect.height
      const old = measured[index] as number
      const known = old >= 0
      if (!(index < items.length) || size === old) continue
      sizes.set(keyOf(items[index] as T), size)
      measured[index] = size
      valid = Math.min(valid, index)
      total += known ? size - old : size
      if (!known) count++
      const change = size - (known ? old : estimate)
      all += change
      if (index < anchor) above += change
    }
    // The average moves with new rows only: a streaming row growing leaves the spacers alone.
    if (count !== counted) estimate = total / count
    const gap = el.scrollHeight - top - el.clientHeight
    // At the end now (rows shrank and the browser clamped the position, say): nothing to keep.
    if (all && gap > 1) {
      if (gap - all <= 1) el.scrollTop = el.scrollHeight
      else if (above) el.scrollTop = top + above
    }
    scrollTop = el.scrollTop
    // Rendering from here would resize observed rows within this frame's observation loop.
    frame ||= requestAnimationFrame(() => {
      frame = 0
      if (el) scrollTop = el.scrollTop
      update()
    })
  }

  return {
    subscribe(listener: () => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    version: () => version,

    /** The range to render for these items; only rows from the first changed key are looked up. */
    render(next: readonly T[], getKey: (item: T) => unknown, nextOverscan: number): WindowRange {
      // At the first render, not when the core loaded: the view may have moved since (a list that
      // grew long follows its end), and the DOM still shows what the last commit left.
      if (handOver) takeOver(handOver())
      handOver = undefined
      keyOf = getKey
      overscan = nextOverscan
      if (next !== items) {
        const n = next.length
        let k = 0
        while (k < n && k < items.length && keyOf(next[k] as T) === keyOf(items[k] as T)) k++
        if (n >= sums.length) {
          measured = grow(measured, new Float64Array(2 * n + 64))
          sums = grow(sums, new Float64Array(2 * n + 64))
          missing = grow(missing, new Uint32Array(2 * n + 64))
        }
        for (let i = k; i < n; i++) measured[i] = sizes.get(keyOf(next[i] as T)) ?? -1
        // Heights of rows long gone are dropped once they outnumber the list.
        if (sizes.size > 2 * n + 256) {
          const keep = new Set(next.map(keyOf))
          for (const key of sizes.keys()) if (!keep.has(key)) sizes.delete(key)
        }
        // Rows that came or went above the first one shown (an event log at its limit drops its
        // oldest): that row keeps its place on screen if it is still there, found by its key.
        const first = shown.start
        let at = n
        if (k < first && first <= changedFrom && first < items.length) {
          const key = keyOf(items[first] as T)
          for (at = k; at < n && keyOf(next[at] as T) !== key; ) at++
        }
        items = next
        valid = Math.min(valid, k)
        if (at < n) {
          shown = { ...shown, start: at, end: shown.end + at - first }
          changedFrom = at
        } else changedFrom = Math.min(changedFrom, k)
      }
      current = range()
      return current
    },

    /** After a commit: the spacers now follow the layout, and the scroll position follows them. */
    committed(range: WindowRange) {
      // From the position before this commit: the DOM may have clamped it to a shorter list, and
      // reading it here would cost a layout.
      const moved = toLayout(scrollTop)
      if (moved !== scrollTop) {
        scrollTop = moved
        if (el) el.scrollTop = scrollTop
      }
      shown = range
      shownBottom = offset(range.end)
      changedFrom = items.length
    },

    /** The `measure` ref of each rendered row (React calls it with null when the row goes). */
    observe(row: Element | null) {
      if (!row) return
      rows.add(row)
      observer?.observe(row)
    },

    attach(scroller: HTMLElement) {
      el = scroller
      // The browser's own scroll anchoring (Chromium, Firefox; WebKit has none) would correct
      // what `resized` corrects a second time.
      scroller.style.overflowAnchor = 'none'
      const onScroll = () => {
        scrollTop = scroller.scrollTop
        update()
      }
      scroller.addEventListener('scroll', onScroll, { passive: true })
      observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(resized)
      observer?.observe(scroller)
      for (const row of rows) if (row.isConnected) observer?.observe(row)
      // The view may have moved since the last render (it follows its end): no scroll event told
      // this core, which listens from now on.
      scrollTop = scroller.scrollTop
      viewport = scroller.clientHeight || viewport
      update()
      return () => {
        scroller.removeEventListener('scroll', onScroll)
        observer?.disconnect()
        cancelAnimationFrame(frame)
        frame = 0
        observer = el = null
      }
    },
  }
}

/** One list's windowing core. */
export type ListWindow<T> = ReturnType<typeof createWindow<T>>
