/**
 * After each story has played and its conversation has settled, screenshots of it at a phone's and
 * a desktop's width, light and dark, compared with the baselines in `stories/__screenshots__`.
 * The project asks for reduced motion, so visualizers hold still; microphone levels (live audio) are
 * masked. A story that failed is not photographed.
 * New or changed baselines: `npx vitest run --project storybook -u`, then look at them.
 */
import { afterEach, expect } from 'vitest'
import { page } from 'vitest/browser'
import { storiesSettled } from '../stories/support/realtime'
import '../test/browser/helpers/screenshotFonts.css'

const WIDTHS = [390, 1280] as const
const THEMES = ['light', 'dark'] as const

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' || (task.result?.errors?.length ?? 0) > 0) return
  // The story's canvas: the one plain element Storybook renders the story into.
  const root = [...document.body.children].find(
    (el): el is HTMLElement => el instanceof HTMLDivElement && el.className === '' && el.id === '',
  )
  if (!root) throw new Error('no story root to photograph')
  // A story that draws nothing (a component hidden in its state) has no picture to compare.
  const box = root.getBoundingClientRect()
  if (box.width === 0 || box.height === 0) return
  await expect.poll(storiesSettled, { timeout: 45_000, interval: 50 }).toBe(true)
  const name = task.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')
  const html = document.documentElement
  const { width, height } = { width: innerWidth, height: innerHeight }
  try {
    for (const theme of THEMES) {
      html.dataset.rakTheme = theme
      document.body.style.background = theme === 'dark' ? '#14171b' : '#ffffff'
      for (const viewport of WIDTHS) {
        // As tall as the story at this width, so nothing is cut off (some heights follow the
        // viewport's, up to a cap: grow until the story fits).
        let height = 900
        await page.viewport(viewport, height)
        for (let i = 0; i < 5 && root.getBoundingClientRect().bottom + 16 > height; i++) {
          height = Math.ceil(root.getBoundingClientRect().bottom) + 16
          await page.viewport(viewport, height)
        }
        await document.fonts.ready
        await expect.element(root).toMatchScreenshot(`${name}-${viewport}-${theme}`, {
          screenshotOptions: { mask: [...root.querySelectorAll('canvas[data-source="input"]')] },
          // Font hinting and anti-aliasing vary a little between runs of the same Chromium.
          comparatorName: 'pixelmatch',
          // A mismatch fails with its diff instead of being retried until the hook's bound.
          timeout: 8_000,
          comparatorOptions: { allowedMismatchedPixelRatio: 0.01 },
        })
      }
    }
  } finally {
    delete html.dataset.rakTheme
    document.body.style.background = ''
    await page.viewport(width, height)
  }
}, 120_000)
