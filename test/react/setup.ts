import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach, vi } from 'vitest'

// These tests wait for no real time (they move a manual clock), so a time limit only has to catch
// a hang. Vitest's 5 s default is too tight for that: the first test of a file also compiles the
// official schemas and renders for the first time, which takes seconds on a busy 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 })

afterEach(() => cleanup())

// jsdom has no layout, so no ResizeObserver: windowed lists learn sizes from one. A scroll area
// reports an 800 px screen and each row (marked with `data-index`) 24 px, so a list shows its first
// screenful of rows, measured as in a browser.
if (typeof HTMLElement !== 'undefined' && typeof globalThis.ResizeObserver === 'undefined') {
  globalThis.ResizeObserver = class {
    readonly #callback: ResizeObserverCallback
    constructor(callback: ResizeObserverCallback) {
      this.#callback = callback
    }
    observe(target: Element) {
      const height = target.hasAttribute('data-index') ? 24 : 800
      const contentRect = { width: 800, height, top: 0, left: 0, right: 800, bottom: height, x: 0, y: 0 }
      queueMicrotask(() =>
        this.#callback([{ target, contentRect } as unknown as ResizeObserverEntry], this as ResizeObserver),
      )
    }
    unobserve() {}
    disconnect() {}
  }
}
