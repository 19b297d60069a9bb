import { act, renderHook, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { type ReactNode, StrictMode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import {
  MessageInput,
  RealtimeAgent,
  RealtimeProvider,
  TalkButton,
  TranscriptView,
  useRealtimeSession,
} from '../../src'
import { say } from '../../src/testing'
import { expectAccessible, renderWithProvider, type SimulatedServer, simulator } from './helpers'

const sim = simulator()
const agent = new RealtimeAgent({ name: 'Helper', instructions: 'Help.' })

describe('RealtimeProvider', () => {
  it('names the missing provider and what to do', () => {
    expect(() => renderHook(() => useRealtimeSession())).toThrow(/RealtimeProvider is missing: wrap your app/)
  })

  it('connects on a click, sends a typed message and shows the streamed answer', async () => {
    const answer = 'Hello from the simulator.'
    const server = sim.start({ pace: 100, scenario: { turns: [{ replies: [say(answer)] }] } })
    const user = userEvent.setup({ delay: null })
    renderWithProvider(
      <>
        <TalkButton />
        <TranscriptView />
        <MessageInput />
      </>,
      agent,
      server,
    )
    const button = screen.getByRole('button', { name: 'Start conversation' })
    expect(button).toHaveAttribute('data-state', 'idle')
    await server.flush()
    expect(server.transports).toHaveLength(0) // nothing connects before the user asks
    await user.click(button)
    await server.flush()
    expect(server.sessionsOpened()).toBe(1)
    expect(screen.getByRole('button', { name: 'Mute microphone' })).toHaveAttribute('aria-pressed', 'true')
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Hi there{Enter}')
    const log = screen.getByRole('log', { name: 'Transcript' })
    await server.advance(100 + 100) // the answer starts after one pace; its first chunk is on screen
    const streaming = log.querySelector('[data-streaming]')
    expect(streaming).not.toBeNull()
    expect(streaming).toHaveTextContent('Hello')
    expect(streaming).not.toHaveTextContent(answer)
    await server.runAll()
    expect(within(log).getByText(answer)).toBeInTheDocument()
    expect(log.querySelector('[data-streaming]')).toBeNull()
    expect(log).toHaveTextContent('You')
    expect(log).toHaveTextContent('Hi there')
    expect(log).toHaveTextContent('Helper')
  })

  it('opens one socket under StrictMode and closes it on unmount', async () => {
    const user = userEvent.setup({ delay: null })
    const server = sim.start()
    const { unmount } = renderWithProvider(
      <StrictMode>
        <TalkButton />
      </StrictMode>,
      agent,
      server,
    )
    await user.click(screen.getByRole('button', { name: 'Start conversation' }))
    await server.flush()
    expect(screen.getByRole('button')).toHaveAttribute('data-state', 'listening')
    expect(server.transports.map((t) => t.connections)).toEqual([1])
    expect(server.sessionsOpened()).toBe(1)
    const transport = server.transports[0]!
    const close = vi.spyOn(transport, 'close')
    unmount()
    expect(close).toHaveBeenCalledOnce()
    expect(transport.connected).toBe(false)
  })

  it('connect() is idempotent while connecting', async () => {
    const server = sim.start()
    const { result } = renderHook(() => useRealtimeSession(), { wrapper: providerOf(server) })
    await act(async () => {
      await Promise.all([result.current.connect(), result.current.connect(), result.current.connect()])
    })
    expect(result.current.status).toBe('listening')
    expect(server.transports).toHaveLength(1)
    expect(server.sessionsOpened()).toBe(1)
    act(() => result.current.disconnect())
    expect(result.current.status).toBe('idle')
  })

  it('reports a failed connection as status error with a typed error', async () => {
    const server = sim.start()
    const { result } = renderHook(() => useRealtimeSession(), {
      wrapper: providerOf(server, { apiKey: 'sk-in-a-browser' }),
    })
    await act(async () => {
      await result.current.connect().catch(() => {})
    })
    expect(result.current.status).toBe('error')
    expect(result.current.error?.code).toBe('browser_api_key_refused')
    expect(server.transports.filter((t) => t.connections > 0)).toEqual([]) // refused before connecting
  })

  it('is accessible', async () => {
    const { container } = renderWithProvider(
      <>
        <TalkButton />
        <TranscriptView />
        <MessageInput />
      </>,
      agent,
      sim.start(),
    )
    await expectAccessible(container)
  })
})

/** A text-only provider that connects to `server` with `auth` (an ephemeral key by default). */
function providerOf(
  server: SimulatedServer,
  auth: { clientSecret?: string; apiKey?: string } = { clientSecret: 'ek_test' },
) {
  return ({ children }: { children: ReactNode }) => (
    <RealtimeProvider agent={agent} auth={auth} audio={false} {...server.options}>
      {children}
    </RealtimeProvider>
  )
}
