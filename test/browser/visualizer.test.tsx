import { cleanup, render } from '@testing-library/react'
import { Profiler } from 'react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AudioVisualizer, RealtimeProvider } from '../../src'
import { frozenClient } from '../../stories/support/realtime'
import '../../src/components/styles.css'

// A high-density screen (as on phones and Retina displays): the canvas must draw at 2 pixels per CSS pixel.
const realRatio = Object.getOwnPropertyDescriptor(window, 'devicePixelRatio')
beforeEach(() => Object.defineProperty(window, 'devicePixelRatio', { value: 2, configurable: true }))
afterEach(() => {
  cleanup()
  if (realRatio) Object.defineProperty(window, 'devicePixelRatio', realRatio)
  else Reflect.deleteProperty(window, 'devicePixelRatio')
})

const frames = (count: number) =>
  new Promise<void>((resolve) => {
    let left = count
    const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick))
    requestAnimationFrame(tick)
  })

/** Whether anything non-transparent was drawn. */
function drawn(canvas: HTMLCanvasElement): boolean {
  const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data
  for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) return true
  return false
}

describe('visualizers on canvas', () => {
  for (const variant of ['bars', 'orb', 'waveform'] as const) {
    it(`${variant}: animates for 30 frames with zero React renders, scaled for the device pixel ratio`, async () => {
      const client = frozenClient({ status: 'thinking' })
      let commits = 0
      render(
        <RealtimeProvider client={client}>
          <Profiler id="v" onRender={() => commits++}>
            <AudioVisualizer variant={variant} width={160} height={48} />
          </Profiler>
        </RealtimeProvider>,
      )
      await frames(2)
      const afterMount = commits
      const canvas = document.querySelector('canvas') as HTMLCanvasElement
      await frames(30)
      expect(commits).toBe(afterMount) // frames drew, React did not render
      expect(canvas.width).toBe(320)
      expect(canvas.height).toBe(96)
      expect(canvas.getBoundingClientRect().width).toBe(160)
      expect(drawn(canvas)).toBe(true)
    })
  }
})
