import { act, renderHook, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { StrictMode } from 'react'
import { describe, expect, it } from 'vitest'
import {
  MessageInput,
  RealtimeAgent,
  RealtimeProvider,
  TalkButton,
  TranscriptView,
  useRealtimeSession,
} from '../../src'
import { say } from '../../src/testing'
import { RecordingTransport } from '../helpers/session'
import { serveSimulator } from '../helpers/simulated'
import { expectAccessible, renderWithProvider } from './helpers'

const sim = serveSimulator()
const agent = new RealtimeAgent({ name: 'Helper', instructions: 'Help.' })
const sessionsOpened = () => sim.serverEvents.filter((e) => e.type === 'session.created').length

describe('RealtimeProvider', () => {
  it('names the missing provider and what to do', () => {
    expect(() => renderHook(() => useRealtimeSession())).toThrow(/RealtimeProvider is missing: wrap your app/)
  })

  it('connects on a click, sends a typed message and shows the streamed answer', async () => {
    sim.use({ scenario: { turns: [{ replies: [say('Hello from the simulator.')] }] } })
    const user = userEvent.setup()
    renderWithProvider(
      <>
        <TalkButton />
        <TranscriptView />
        <MessageInput />
      </>,
      agent,
    )
    const button = screen.getByRole('button', { name: 'Start conversation' })
    expect(button).toHaveAttribute('data-state', 'idle')
    expect(sessionsOpened()).toBe(0) // nothing connects before the user asks
    await user.click(button)
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Mute microphone' })).toHaveAttribute('aria-pressed', 'true'),
    )
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Hi there{Enter}')
    expect(await screen.findByText('Hello from the simulator.')).toBeInTheDocument()
    const log = screen.getByRole('log', { name: 'Transcript' })
    expect(log).toHaveTextContent('You')
    expect(log).toHaveTextContent('Hi there')
    expect(log).toHaveTextContent('Helper')
  })

  it('opens one socket under StrictMode and closes it on unmount', async () => {
    const user = userEvent.setup()
    const transports: RecordingTransport[] = []
    const transport = () => {
      const t = new RecordingTransport()
      transports.push(t)
      return t
    }
    const { unmount } = renderWithProvider(
      <StrictMode>
        <TalkButton />
      </StrictMode>,
      agent,
      { transport },
    )
    await user.click(screen.getByRole('button', { name: 'Start conversation' }))
    await waitFor(() => expect(screen.getByRole('button')).toHaveAttribute('data-state', 'listening'))
    expect(transports.map((t) => t.connects)).toEqual([1])
    expect(sessionsOpened()).toBe(1)
    unmount()
    expect(transports[0]!.closes).toBe(1)
  })

  it('connect() is idempotent while connecting', async () => {
    const { result } = renderHook(() => useRealtimeSession(), {
      wrapper: ({ children }) => (
        <RealtimeProvider agent={agent} auth={{ clientSecret: 'ek_test' }} audio={false}>
          {children}
        </RealtimeProvider>
      ),
    })
    await act(async () => {
      await Promise.all([result.current.connect(), result.current.connect(), result.current.connect()])
    })
    expect(result.current.status).toBe('listening')
    expect(sessionsOpened()).toBe(1)
    act(() => result.current.disconnect())
    expect(result.current.status).toBe('idle')
  })

  it('reports a failed connection as status error with a typed error', async () => {
    const { result } = renderHook(() => useRealtimeSession(), {
      wrapper: ({ children }) => (
        <RealtimeProvider agent={agent} auth={{ apiKey: 'sk-in-a-browser' }} audio={false}>
          {children}
        </RealtimeProvider>
      ),
    })
    await act(async () => {
      await result.current.connect().catch(() => {})
    })
    expect(result.current.status).toBe('error')
    expect(result.current.error?.code).toBe('browser_api_key_refused')
  })

  it('is accessible', async () => {
    const { container } = renderWithProvider(
      <>
        <TalkButton />
        <TranscriptView />
        <MessageInput />
      </>,
      agent,
    )
    await expectAccessible(container)
  })
})
