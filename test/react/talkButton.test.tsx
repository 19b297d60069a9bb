import { act, fireEvent, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import {
  ConnectionStatus,
  MessageInput,
  RealtimeAgent,
  RealtimeClient,
  RealtimeError,
  TalkButton,
} from '../../src'
import {
  connected,
  expectAccessible,
  loadJsonSchemaValidator,
  providing,
  renderWithProvider,
  type SimulatedServer,
  simulator,
} from './helpers'

const sim = simulator()
beforeAll(loadJsonSchemaValidator)

describe('TalkButton and MessageInput', () => {
  /** A client whose audio graph starts as the test says (jsdom has no AudioContext: the hardware is the edge). */
  function withAudio(
    server: SimulatedServer,
    start: () => Promise<void>,
    getClientSecret: () => Promise<string> = async () => 'ek_test',
  ) {
    const client = new RealtimeClient({
      agent: new RealtimeAgent({ name: 'T' }),
      auth: { getClientSecret },
      audio: {},
      ...server.options,
    })
    const spy = vi.spyOn(client.audioGraph!, 'start').mockImplementation(start)
    return { client, spy, wrapper: providing(client) }
  }

  it('toggle: connects from the keyboard without losing focus, then mutes and unmutes, with aria-pressed', async () => {
    const user = userEvent.setup({ delay: null })
    const server = sim.start()
    // The secret arrives when the test says: the connection stays in "connecting" until then.
    let mint: (secret: string) => void = () => {}
    const minted = new Promise<string>((resolve) => {
      mint = resolve
    })
    const { wrapper } = withAudio(
      server,
      async () => {},
      () => minted,
    )
    render(
      <>
        <TalkButton />
        <ConnectionStatus />
      </>,
      { wrapper },
    )
    await user.tab()
    const button = screen.getByRole('button', { name: 'Start conversation' })
    expect(button).toHaveFocus()
    await user.keyboard('{Enter}')
    // Connecting: still focusable and focused, marked busy rather than disabled.
    expect(button).toHaveAccessibleName('Connecting…')
    expect(button).not.toBeDisabled()
    expect(button).toHaveAttribute('aria-disabled', 'true')
    expect(button).toHaveAttribute('aria-busy', 'true')
    expect(button).toHaveFocus()
    await user.keyboard('{Enter}') // a second press while connecting queues nothing
    await act(async () => mint('ek_test'))
    await server.flush()
    expect(server.sessionsOpened()).toBe(1)
    expect(button).toHaveFocus()
    expect(button).toHaveAccessibleName('Mute microphone')
    expect(button).toHaveAttribute('aria-pressed', 'true')
    expect(screen.getByRole('status')).toHaveTextContent('Listening')
    await user.keyboard('{Enter}')
    expect(button).toHaveAccessibleName('Unmute microphone')
    expect(button).toHaveAttribute('aria-pressed', 'false')
    expect(button).toHaveAttribute('data-muted', '')
    expect(screen.getByRole('status')).toHaveTextContent('Microphone off')
    await user.keyboard(' ')
    expect(button).toHaveAccessibleName('Mute microphone')
    expect(button).not.toHaveAttribute('data-muted')
  })

  it('a double click on Start connects and does not mute', async () => {
    const server = sim.start()
    const { wrapper } = withAudio(server, async () => {})
    render(<TalkButton />, { wrapper })
    const button = screen.getByRole('button', { name: 'Start conversation' })
    fireEvent.click(button, { detail: 1 })
    await server.flush()
    // The second click of the double click arrives once the session is live (a busy main thread).
    fireEvent.click(button, { detail: 2 })
    expect(button).toHaveAccessibleName('Mute microphone')
    expect(button).not.toHaveAttribute('data-muted')
    fireEvent.click(button, { detail: 1 }) // a later, separate click does mute
    expect(button).toHaveAccessibleName('Unmute microphone')
  })

  it('a denied microphone: never "Listening", an alert, and a retry that recovers', async () => {
    const user = userEvent.setup({ delay: null })
    const server = sim.start()
    let allowed = false
    const { spy, wrapper } = withAudio(server, async () => {
      if (!allowed) throw new RealtimeError('microphone_denied', 'Microphone access was denied.')
    })
    const { container } = render(
      <>
        <TalkButton />
        <ConnectionStatus />
        <MessageInput />
      </>,
      { wrapper },
    )
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    await user.click(screen.getByRole('button', { name: 'Start conversation' }))
    await server.flush()
    const button = screen.getByRole('button', { name: 'Retry microphone' })
    expect(button).toHaveAttribute('aria-pressed', 'false')
    expect(screen.getByRole('status')).toHaveTextContent('Microphone blocked')
    expect(screen.getByRole('status')).not.toHaveTextContent('Listening')
    expect(screen.getByRole('alert')).toHaveTextContent('You can still type')
    expect(screen.getByRole('textbox', { name: 'Message' })).not.toHaveAttribute('aria-disabled')
    await expectAccessible(container)
    allowed = true
    await user.click(button)
    await server.flush()
    expect(spy).toHaveBeenCalledTimes(2)
    expect(button).toHaveAccessibleName('Mute microphone')
    expect(screen.getByRole('status')).toHaveTextContent('Listening')
    expect(screen.queryByRole('alert')).toBeNull()
    warn.mockRestore()
  })

  it('push: holding Space talks, releasing ends the turn (commit + response)', async () => {
    const user = userEvent.setup({ delay: null })
    const server = sim.start()
    renderWithProvider(<TalkButton mode="push" />, new RealtimeAgent({ name: 'P' }), server, {
      audio: {},
      config: { modelSettings: { turnDetection: null } },
    })
    const button = screen.getByRole('button', { name: 'Hold to talk' })
    button.focus()
    await user.keyboard('[Space>]')
    expect(screen.getByRole('button', { name: 'Release to send' })).toHaveAttribute('aria-pressed', 'true')
    await server.flush()
    expect(button).toHaveAttribute('data-state', 'listening')
    const sent = () => server.clientEvents().map((e) => e.type)
    expect(sent()).not.toContain('input_audio_buffer.commit') // held: the turn is still open
    await user.keyboard('[/Space]')
    expect(screen.getByRole('button', { name: 'Hold to talk' })).toHaveAttribute('aria-pressed', 'false')
    expect(sent()).toContain('input_audio_buffer.commit')
    expect(sent()).toContain('response.create')
  })

  it("composes the user's handlers and respects preventDefault", async () => {
    const user = userEvent.setup({ delay: null })
    const server = sim.start()
    const onClick = vi.fn((event: { preventDefault(): void }) => event.preventDefault())
    renderWithProvider(<TalkButton onClick={onClick} />, new RealtimeAgent({ name: 'T' }), server)
    await user.click(screen.getByRole('button', { name: 'Start conversation' }))
    expect(onClick).toHaveBeenCalledOnce()
    await server.flush()
    expect(screen.getByRole('button')).toHaveAttribute('data-state', 'idle')
    expect(server.transports).toHaveLength(0) // no connection was attempted
  })

  it('MessageInput works controlled, sends on Enter and keeps Shift+Enter for new lines', async () => {
    const user = userEvent.setup({ delay: null })
    const { client, server, wrapper } = await connected(sim, new RealtimeAgent({ name: 'M' }))
    const sentTexts = () =>
      client.stores.conversation.items.flatMap((i) =>
        i.type === 'message' && i.role === 'user' ? [i.text] : [],
      )
    const onValueChange = vi.fn()
    const { container, rerender, unmount } = render(<MessageInput value="" onValueChange={onValueChange} />, {
      wrapper,
    })
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'x')
    expect(onValueChange).toHaveBeenLastCalledWith('x')
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveValue('') // the value prop wins
    rerender(<MessageInput value={'line one'} onValueChange={onValueChange} />)
    expect(screen.getByRole('button', { name: 'Send' })).not.toHaveAttribute('aria-disabled')
    await user.click(screen.getByRole('button', { name: 'Send' }))
    expect(onValueChange).toHaveBeenLastCalledWith('')
    await server.flush()
    expect(sentTexts()).toEqual(['line one'])
    await expectAccessible(container)
    unmount()

    render(<MessageInput />, { wrapper })
    const field = screen.getByRole('textbox', { name: 'Message' })
    await user.type(field, 'first{Shift>}{Enter}{/Shift}second')
    expect(field).toHaveValue('first\nsecond')
    await server.flush()
    expect(sentTexts()).toEqual(['line one'])
    await user.keyboard('{Enter}')
    expect(field).toHaveValue('')
    await server.flush()
    expect(sentTexts()).toEqual(['line one', 'first\nsecond'])
  })
})
