import { cleanup, render } from '@testing-library/react'
import axe from 'axe-core'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { page } from 'vitest/browser'
import { RealtimeError, RealtimeProvider, VoiceConsole } from '../../src'
import type { RealtimeItem } from '../../src/core'
import type { RealtimeClientSnapshot } from '../../src/react'
import { frozenClient, message } from '../../stories/support/realtime'
import '../../src/components/styles.css'
import '../../demo/demo.css'
import './helpers/screenshotFonts.css'

// The console in fixed states (no clock, no network): what a user sees mid-conversation, with a long
// unbroken word, a long JSON argument, a pending approval and a blocked microphone.
const LONG = 'Supercalifragilisticexpialidocious-and-then-some-more-without-any-break-at-all-anywhere'
const items: RealtimeItem[] = [
  message('u1', 'user', 'What is the weather in Tokyo?'),
  message('a1', 'assistant', 'It is sunny and 24 degrees in Tokyo, with a light breeze.'),
  message('u2', 'user', `Please book a table for two tonight at ${LONG}.`),
  message('a2', 'assistant', 'I can book that for you once you approve the booking.', {
    agentName: 'Booking Agent',
  }),
]
const state: Partial<RealtimeClientSnapshot> = {
  status: 'listening',
  error: new RealtimeError('microphone_denied', 'Microphone access was denied.'),
  toolCalls: [
    {
      callId: 'c1',
      name: 'get_weather',
      agentName: 'Triage',
      arguments: { city: 'Tokyo' },
      status: 'done',
      output: 'Sunny, 24°C in Tokyo',
      error: null,
      serverLabel: null,
    },
    {
      callId: 'c2',
      name: 'book_table',
      agentName: 'Booking Agent',
      arguments: { people: 2, time: '19:30', note: LONG, extra: { nested: [1, 2, 3], text: LONG } },
      status: 'awaiting_approval',
      output: null,
      error: null,
      serverLabel: null,
    },
  ],
  usage: { inputTokens: 812, outputTokens: 344, totalTokens: 1156 } as RealtimeClientSnapshot['usage'],
}

function Console({ theme }: { theme: 'light' | 'dark' }) {
  const client = frozenClient(state, items)
  return (
    <div data-rak-theme={theme} style={{ background: 'var(--rak-surface)' }}>
      <main className="demo">
        <RealtimeProvider client={client}>
          <VoiceConsole />
        </RealtimeProvider>
      </main>
    </div>
  )
}

// Canvases draw on animation frames; with reduced motion and no audio they hold still for screenshots.
beforeAll(() => {
  const real = window.matchMedia.bind(window)
  window.matchMedia = (query: string) =>
    query.includes('prefers-reduced-motion') ? ({ matches: true } as MediaQueryList) : real(query)
})
afterEach(() => cleanup())

/** Elements that stick out of the viewport sideways, described for the failure message. */
function overflowing(): string[] {
  const width = document.documentElement.clientWidth
  return [...document.querySelectorAll<HTMLElement>('body *')]
    .filter((el) => {
      const box = el.getBoundingClientRect()
      return box.width > 0 && (box.right > width + 0.5 || box.left < -0.5)
    })
    .map(
      (el) =>
        `${el.tagName.toLowerCase()}.${el.className} right=${Math.round(el.getBoundingClientRect().right)}`,
    )
}

async function axeViolations(): Promise<string[]> {
  const results = await axe.run(document.body, { rules: { region: { enabled: false } } })
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 120)).join(' | ')}`)
}

describe('the voice console on every screen', () => {
  document.body.style.margin = '0'
  for (const width of [320, 390, 768, 1280]) {
    it(`has no sideways scroll at ${width} px`, async () => {
      await page.viewport(width, 800)
      document.body.style.margin = '0'
      render(<Console theme="light" />)
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth)
      expect(overflowing()).toEqual([])
      const transcript = document.querySelector('.rak-transcript__scroll') as HTMLElement
      const controls = [...document.querySelectorAll('.rak-console__controls > *')]
      // Controls in one row: every control's top within a few pixels of the first one's.
      const tops = controls.map((el) =>
        Math.round(el.getBoundingClientRect().top + el.getBoundingClientRect().height / 2),
      )
      expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(4)
      if (width <= 390) {
        // On a phone the transcript takes the whole width inside the page's and the console's padding.
        expect(transcript.getBoundingClientRect().width).toBeGreaterThanOrEqual(width - 60)
      }
    })
  }

  for (const theme of ['light', 'dark'] as const) {
    it(`passes axe, colour contrast included, in ${theme}`, async () => {
      await page.viewport(1280, 900)
      render(<Console theme={theme} />)
      expect(await axeViolations()).toEqual([])
    })
  }

  for (const theme of ['light', 'dark'] as const) {
    for (const width of [390, 1280]) {
      it(`looks as designed at ${width} px in ${theme}`, async () => {
        await page.viewport(width, 1700)
        document.body.style.margin = '0'
        const { container } = render(<Console theme={theme} />)
        await document.fonts.ready
        await expect.element(container.querySelector('.rak-console') as HTMLElement).toMatchScreenshot(
          `console-${width}-${theme}`,
          // Font hinting and canvas anti-aliasing vary a little between runs of the same Chromium.
          { comparatorName: 'pixelmatch', comparatorOptions: { allowedMismatchedPixelRatio: 0.01 } },
        )
      })
    }
  }
})
