import { act } from '@testing-library/react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { RealtimeProvider, TranscriptView } from '../../src'
import { frozenClient, message } from '../../stories/support/realtime'

afterEach(() => {
  document.body.innerHTML = ''
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('windowed transcript, server-rendered', () => {
  it('hydrates the first rows the server sent without a mismatch, then windows as usual', async () => {
    const items = Array.from({ length: 500 }, (_, i) => message(`m${i}`, 'user', `Message ${i}`))
    const app = (
      <RealtimeProvider client={frozenClient({ status: 'listening' }, items)}>
        <TranscriptView />
      </RealtimeProvider>
    )
    // As on a server: no window while rendering.
    vi.stubGlobal('window', undefined)
    const html = renderToString(app)
    vi.unstubAllGlobals()
    // A window, not the whole list: the first rows, before any size is known.
    const served = html.match(/data-index="/g)?.length ?? 0
    expect(served).toBeGreaterThan(0)
    expect(served).toBeLessThan(50)
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const host = document.createElement('div')
    host.innerHTML = html
    document.body.append(host)
    const recoverable: unknown[] = []
    await act(async () => {
      hydrateRoot(host, app, { onRecoverableError: (error) => recoverable.push(error) })
    })
    expect(recoverable).toEqual([])
    expect(errors).not.toHaveBeenCalled()
    // Then the windowing core loads and fills the screen (800 px of 24 px rows here), no more.
    const rows = () => host.querySelectorAll('[data-index]').length
    await vi.waitFor(() => expect(rows()).toBeGreaterThan(800 / 24))
    expect(rows()).toBeLessThan(100)
  })
})
