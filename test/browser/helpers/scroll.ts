/** Bounds for `vi.waitFor` on layout: polled each frame, generous for a loaded machine. */
export const WAIT = { timeout: 30_000, interval: 16 }

/** How far the scroll area is from its end, px. */
export const gap = (el: HTMLElement) => el.scrollHeight - el.scrollTop - el.clientHeight

/** Resolves after `count` animation frames: layout and observers have run by then. */
export const frames = (count: number) =>
  new Promise<void>((resolve) => {
    let left = count
    const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick))
    requestAnimationFrame(tick)
  })
