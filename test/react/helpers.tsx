import { act, render } from '@testing-library/react'
import axe from 'axe-core'
import type { ReactNode } from 'react'
import { expect } from 'vitest'
import { type RealtimeAgent, RealtimeProvider, type RealtimeProviderProps } from '../../src'

/** Renders under a text-only provider that talks to the simulator (served by msw). */
export function renderWithProvider(
  ui: ReactNode,
  agent: RealtimeAgent,
  props: Partial<RealtimeProviderProps> = {},
) {
  return render(
    <RealtimeProvider agent={agent} auth={{ clientSecret: 'ek_test' }} audio={false} {...props}>
      {ui}
    </RealtimeProvider>,
  )
}

/** Runs axe on a container and expects no violations (colour contrast needs layout, which jsdom lacks). */
export async function expectAccessible(container: Element) {
  const results = await axe.run(container, {
    rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
  })
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([])
}

/** Waits for microtasks and timers the simulator uses. */
export const flush = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)))
