import { act, fireEvent, render, renderHook, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { memo, Profiler, type ReactNode } from 'react'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import {
  AgentIndicator,
  AudioVisualizer,
  ConnectionStatus,
  DeviceSelect,
  EventLog,
  handoffTarget,
  MessageInput,
  RealtimeAgent,
  RealtimeClient,
  RealtimeError,
  RealtimeProvider,
  TalkButton,
  ToolCallList,
  TranscriptRow,
  TranscriptView,
  tool,
  useAgentEvents,
  useLatency,
  useRealtimeSession,
  useUsage,
} from '../../src'
import { callTool, type SimulatorTransportOptions, say } from '../../src/testing'
import {
  expectAccessible,
  loadJsonSchemaValidator,
  renderWithProvider,
  type SimulatedServer,
  simulator,
} from './helpers'

const sim = simulator()
beforeAll(loadJsonSchemaValidator)

/** A text-only client connected to a fresh simulator, the simulator, and a wrapper that provides the client. */
async function connected(agent: RealtimeAgent, options: Omit<SimulatorTransportOptions, 'clock'> = {}) {
  const server = sim.start(options)
  const client = new RealtimeClient({
    agent,
    auth: { clientSecret: 'ek_test' },
    audio: false,
    ...server.options,
  })
  await act(() => client.connect())
  return { client, server, wrapper: providing(client) }
}

function providing(client: RealtimeClient) {
  return ({ children }: { children: ReactNode }) => (
    <RealtimeProvider client={client}>{children}</RealtimeProvider>
  )
}

/** The text of the last item once it is a completed message, else ''. */
function lastAnswer(client: RealtimeClient): string {
  const last = client.stores.conversation.items.at(-1)
  return last?.type === 'message' && last.status === 'completed' ? last.text : ''
}

/** Moves time `ms` at a time, each step in its own act (so React commits after each), until no timer is left. */
async function stepThrough(server: SimulatedServer, ms: number) {
  await server.flush()
  for (let steps = 0; server.clock.pendingTimers > 0; steps++) {
    if (steps > 10_000) throw new Error('stepThrough: timers keep coming after 10 000 steps')
    await server.advance(ms)
  }
}

const renders = new Map<string, number>()
// Memoised like TranscriptRow, so a list re-render (an item added) does not count as a row render.
const CountingRow = memo(function CountingRow({ itemId }: { itemId: string }) {
  return (
    <Profiler id={itemId} onRender={(id) => renders.set(id, (renders.get(id) ?? 0) + 1)}>
      <TranscriptRow itemId={itemId} />
    </Profiler>
  )
})

describe('TranscriptView', () => {
  it('renders hostile text as text, never as HTML', async () => {
    const answer = '<img src=x onerror="alert(1)"><b>bold</b>'
    const { client, server, wrapper } = await connected(new RealtimeAgent({ name: 'A' }), {
      scenario: { turns: [{ replies: [say(answer)] }] },
    })
    const { container } = render(<TranscriptView />, { wrapper })
    act(() => client.sendMessage('<script>alert("x")</script>'))
    await server.runAll()
    expect(lastAnswer(client)).toBe(answer)
    const log = screen.getByRole('log', { name: 'Transcript' })
    expect(within(log).getByText(answer)).toBeInTheDocument()
    expect(within(log).getByText('<script>alert("x")</script>')).toBeInTheDocument()
    expect(container.querySelector('img, script, b')).toBeNull()
    await expectAccessible(container)
  })

  it('marks truncated answers and announces finished ones politely', async () => {
    const full = 'A long answer that the user will cut short before it ends.'
    const { client, server, wrapper } = await connected(new RealtimeAgent({ name: 'A' }), {
      pace: 5,
      scenario: { turns: [{ replies: [say(full)] }] },
    })
    const { container } = render(<TranscriptView />, { wrapper })
    const live = container.querySelector('[aria-live="polite"]')
    expect(live).not.toBeNull()
    act(() => client.sendMessage('go'))
    await server.advance(5 + 40) // the answer starts after one pace, then streams for 40 ms
    const row = container.querySelector('[data-streaming]')
    expect(row).not.toBeNull()
    expect(live?.textContent).toBe('') // a streaming answer is not announced
    act(() => client.interrupt())
    await server.runAll()
    expect(container.querySelector('[data-streaming]')).toBeNull()
    const truncated = container.querySelector('[data-truncated]')
    expect(truncated).not.toBeNull()
    expect(within(truncated as HTMLElement).getByText('(interrupted)')).toBeInTheDocument()
    const item = client.stores.conversation.items.at(-1)
    const heard = item?.type === 'message' ? item.text : ''
    expect(heard.length).toBeGreaterThan(0)
    expect(full.startsWith(heard.trimEnd()) && heard.length < full.length).toBe(true)
    expect(live?.textContent).toBe(heard) // the cut answer, once it stopped
  })

  it('stops following when the reader scrolls up and jumps back on request', async () => {
    const user = userEvent.setup({ delay: null })
    const { client, server, wrapper } = await connected(new RealtimeAgent({ name: 'A' }))
    render(<TranscriptView />, { wrapper })
    const log = screen.getByRole('log', { name: 'Transcript' })
    Object.defineProperties(log, {
      scrollHeight: { value: 1000, configurable: true },
      clientHeight: { value: 200, configurable: true },
    })
    // At the end, then up: a move up is the reader leaving the end.
    log.scrollTop = 800
    fireEvent.scroll(log)
    log.scrollTop = 100
    fireEvent.scroll(log)
    const jump = screen.getByRole('button', { name: 'Jump to latest' })
    act(() => client.sendMessage('more'))
    await server.runAll()
    expect(lastAnswer(client)).toBe('You said: more. How can I help further?')
    // Paused: the new answer did not take the reader to the end (rows above may be re-measured).
    expect(log.scrollTop).toBeLessThan(1000 - 200)
    await user.click(jump)
    // Following again (the scroll position itself is checked in Chromium, which has layout).
    expect(log).toHaveAttribute('data-following', '')
    expect(screen.queryByRole('button', { name: 'Jump to latest' })).toBeNull()
  })

  it('re-renders only the streaming row on a transcript delta (React Profiler)', async () => {
    const third = 'The third answer streams in many small words so we can count renders.'
    const { client, server, wrapper } = await connected(new RealtimeAgent({ name: 'A' }), {
      pace: 2,
      scenario: {
        turns: [{ replies: [say('One.')] }, { replies: [say('Two.')] }, { replies: [say(third)] }],
      },
    })
    render(<TranscriptView Row={CountingRow} />, { wrapper })
    for (const [text, reply] of [
      ['1', 'One.'],
      ['2', 'Two.'],
    ]) {
      act(() => client.sendMessage(text!))
      await server.runAll()
      expect(lastAnswer(client)).toBe(reply)
    }
    const earlier = [...client.stores.conversation.getSnapshot().ids]
    renders.clear()
    act(() => client.sendMessage('3'))
    await stepThrough(server, 2) // one chunk per step, each committed on its own
    expect(lastAnswer(client)).toBe(third)
    const streamingRow = client.stores.conversation.getSnapshot().ids.at(-1)!
    const deltas = server
      .serverEvents()
      .filter((e) => e.type === 'response.output_audio_transcript.delta' && e.item_id === streamingRow)
    expect(deltas.length).toBeGreaterThan(5)
    for (const id of earlier) expect(renders.get(id) ?? 0, `row ${id}`).toBe(0)
    expect(renders.get(streamingRow)).toBeGreaterThanOrEqual(deltas.length) // one commit per delta
  })
})

describe('ToolCallList and approval', () => {
  it('lists a call awaiting approval; Approve runs it and the answer follows', async () => {
    const user = userEvent.setup({ delay: null })
    const execute = vi.fn(({ to }: { to: string }) => `sent to ${to}`)
    const sendEmail = tool({
      name: 'send_email',
      description: 'e',
      parameters: z.object({ to: z.string() }),
      needsApproval: true,
      execute,
    })
    const { client, server, wrapper } = await connected(
      new RealtimeAgent({ name: 'Mailer', tools: [sendEmail] }),
      {
        scenario: { turns: [{ replies: [callTool('send_email', { to: 'ada@example.com' }), say('Sent.')] }] },
      },
    )
    const { container } = render(
      <>
        <ToolCallList />
        <ConnectionStatus />
      </>,
      { wrapper },
    )
    act(() => client.sendMessage('email Ada'))
    await server.runAll()
    const approve = screen.getByRole('button', { name: 'Approve send_email' })
    expect(screen.getByText('Needs approval')).toBeInTheDocument()
    // The status says who is waiting: the user, not the model.
    const statusLine = container.querySelector('.rak-connection-status__line')
    expect(statusLine).toHaveTextContent('Waiting for your approval')
    // Arguments as a label and a value, not a JSON blob.
    expect(screen.getByText('to')).toBeInTheDocument()
    expect(screen.getByText('ada@example.com')).toBeInTheDocument()
    // The pending approval is announced through a polite live region.
    const announcer = container.querySelector('[aria-live="polite"]')
    expect(announcer).toHaveTextContent('Approval needed: send_email (to ada@example.com).')
    expect(execute).not.toHaveBeenCalled() // nothing runs before the user approves
    await expectAccessible(container)
    approve.focus()
    await user.keyboard('{Enter}')
    // The buttons are gone; focus moved to the decided card, not to <body>.
    expect(document.activeElement).not.toBe(document.body)
    expect(document.activeElement).toHaveClass('rak-tool-calls__item')
    expect(document.activeElement).not.toHaveAttribute('data-state', 'awaiting_approval')
    expect(announcer).toHaveTextContent('')
    await server.runAll()
    expect(statusLine).not.toHaveTextContent('Waiting for your approval')
    expect(screen.getByText('sent to ada@example.com')).toBeInTheDocument()
    expect(screen.getByText('Done')).toBeInTheDocument()
    expect(lastAnswer(client)).toBe('Sent.')
  })

  it('Decline tells the model and marks the call declined', async () => {
    const user = userEvent.setup({ delay: null })
    const execute = vi.fn()
    const wipe = tool({ name: 'wipe', description: 'w', needsApproval: true, execute })
    const { client, server, wrapper } = await connected(new RealtimeAgent({ name: 'W', tools: [wipe] }), {
      scenario: { turns: [{ replies: [callTool('wipe'), say('Okay, not wiping.')] }] },
    })
    render(<ToolCallList />, { wrapper })
    act(() => client.sendMessage('wipe it'))
    await server.runAll()
    await user.click(screen.getByRole('button', { name: 'Decline wipe' }))
    expect(document.activeElement).not.toBe(document.body)
    await server.runAll()
    expect(screen.getByText('Declined')).toBeInTheDocument()
    expect(execute).not.toHaveBeenCalled()
    const outputs = server
      .clientEvents()
      .flatMap((e) =>
        e.type === 'conversation.item.create' && e.item.type === 'function_call_output' ? [e.item] : [],
      )
    expect(outputs).toEqual([expect.objectContaining({ output: expect.stringContaining('declined') })])
    expect(lastAnswer(client)).toBe('Okay, not wiping.')
  })
})

describe('AgentIndicator, ConnectionStatus, EventLog, DeviceSelect, AudioVisualizer', () => {
  it('shows the current agent and announces a handoff', async () => {
    const billing = new RealtimeAgent({ name: 'Billing' })
    const { client, server, wrapper } = await connected(
      new RealtimeAgent({ name: 'Triage', handoffs: [billing] }),
      { scenario: { turns: [{ replies: [callTool('transfer_to_billing'), say('Billing here.')] }] } },
    )
    const { container } = render(<AgentIndicator />, { wrapper })
    expect(screen.getByRole('status')).toHaveTextContent('Triage')
    expect(screen.getByRole('status')).not.toHaveAttribute('data-handoff')
    act(() => client.sendMessage('billing please'))
    await server.runAll()
    expect(screen.getByRole('status')).toHaveTextContent('Billing (handed off from Triage)')
    expect(screen.getByRole('status')).toHaveAttribute('data-handoff', '')
    await expectAccessible(container)
  })

  it('TranscriptView shows a handoff as a sentence, not the output meant for the model', async () => {
    const billing = new RealtimeAgent({ name: 'Billing' })
    const { client, server, wrapper } = await connected(
      new RealtimeAgent({ name: 'Triage', handoffs: [billing] }),
      { scenario: { turns: [{ replies: [callTool('transfer_to_billing'), say('Billing here.')] }] } },
    )
    render(<TranscriptView />, { wrapper })
    act(() => client.sendMessage('billing please'))
    await server.runAll()
    const log = screen.getByRole('log', { name: 'Transcript' })
    expect(log).toHaveTextContent('transfer_to_billing returned: Handed off to Billing')
    expect(log).not.toHaveTextContent('{"assistant"')
    // The model still got the Agents SDK's shape.
    const call = client.stores.conversation.items.find((i) => i.type === 'function_call')
    expect(call).toMatchObject({ output: '{"assistant":"Billing"}' })
    expect(handoffTarget(call!)).toBe('Billing')
  })

  it('says the status in words and shows errors', async () => {
    const agent = new RealtimeAgent({ name: 'S' })
    const { container, unmount } = renderWithProvider(<ConnectionStatus />, agent, sim.start())
    expect(screen.getByRole('status')).toHaveTextContent('Not connected')
    expect(screen.getByRole('status')).toHaveAttribute('data-state', 'idle')
    await expectAccessible(container)
    unmount()

    const { wrapper } = await connected(agent)
    const live = render(<ConnectionStatus />, { wrapper })
    expect(screen.getByRole('status')).toHaveTextContent('Listening')
    live.unmount()

    const refused = sim.start({ refuse: true })
    const client = new RealtimeClient({
      agent,
      auth: { clientSecret: 'ek_test' },
      audio: false,
      ...refused.options,
    })
    await act(() => client.connect().catch(() => {}))
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    render(<ConnectionStatus />, { wrapper: providing(client) })
    expect(screen.getByRole('status')).toHaveAttribute('data-state', 'error')
    expect(screen.getByRole('status')).toHaveTextContent('Not connected')
    // The user reads what to do; the developer's detail goes to the console, once.
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent(
      'Could not connect to the voice service. Check your connection and try again.',
    )
    expect(alert).not.toHaveTextContent(client.getSnapshot().error!.message)
    expect(alert.textContent).not.toMatch(/\.\./)
    expect(warn).toHaveBeenCalledOnce()
    expect(warn.mock.calls[0]).toContain(client.getSnapshot().error!.message)
    warn.mockRestore()
  })

  it('logs events, filters them and expands one to its JSON', async () => {
    const user = userEvent.setup({ delay: null })
    const { client, server, wrapper } = await connected(new RealtimeAgent({ name: 'L' }), {
      scenario: { turns: [{ replies: [say('Logged.')] }] },
    })
    // Frames are the test's to run: events of one frame must reach React together, once.
    const frames: (() => void)[] = []
    const schedule = (flush: () => void) => {
      frames.push(flush)
      return () => frames.splice(frames.indexOf(flush), 1)
    }
    let commits = -1
    const { container } = render(
      <Profiler id="log" onRender={() => commits++}>
        <EventLog schedule={schedule} />
      </Profiler>,
      { wrapper },
    )
    await act(async () => {}) // the list learns its viewport size
    commits = 0
    act(() => client.sendMessage('log me'))
    await server.runAll()
    expect(lastAnswer(client)).toBe('Logged.')
    const list = screen.getByRole('list', { name: 'Events' })
    expect(within(list).queryAllByRole('listitem')).toHaveLength(0) // no frame yet
    expect(commits).toBe(0) // dozens of events, no render
    expect(frames).toHaveLength(1) // and one frame requested
    act(() => frames.shift()?.())
    expect(commits).toBe(1) // the whole frame's events, one render
    await act(async () => {}) // the windowed list measures its new rows
    expect(within(list).getAllByRole('listitem').length).toBeGreaterThan(5)
    // The answer was spoken, so audio chunks came; the log leaves them out.
    expect(server.serverEvents().some((e) => e.type === 'response.output_audio.delta')).toBe(true)
    expect(within(list).queryByText('response.output_audio.delta')).toBeNull()
    await user.type(screen.getByRole('searchbox', { name: 'Filter events' }), 'response.done')
    const entries = within(list).getAllByRole('listitem')
    expect(entries).toHaveLength(1)
    await user.click(within(entries[0]!).getByText('raw_model_event'))
    expect(entries[0]!.querySelector('pre')?.textContent).toContain('"status": "completed"')
    await expectAccessible(container)
  })

  it('offers the system default microphone without an audio graph', async () => {
    const { container } = renderWithProvider(<DeviceSelect />, new RealtimeAgent({ name: 'D' }), sim.start())
    expect(screen.getByRole('combobox', { name: 'Microphone' })).toHaveValue('')
    expect(screen.queryByRole('combobox', { name: 'Speaker' })).toBeNull()
    await expectAccessible(container)
  })

  it('draws into a labelled canvas without re-rendering', async () => {
    const { container } = renderWithProvider(
      <AudioVisualizer source="input" variant="orb" />,
      new RealtimeAgent({ name: 'V' }),
      sim.start(),
    )
    const canvas = screen.getByRole('img', { name: 'Microphone level' })
    expect(canvas).toHaveAttribute('data-variant', 'orb')
    expect(canvas).toHaveAttribute('data-state', 'idle')
    await expectAccessible(container)
  })
})

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
    const { client, server, wrapper } = await connected(new RealtimeAgent({ name: 'M' }))
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

describe('hooks', () => {
  it('useAgentEvents delivers the chosen types to the latest handler; useUsage and useLatency follow the session', async () => {
    const { client, server, wrapper } = await connected(new RealtimeAgent({ name: 'H' }), {
      pace: 100,
      scenario: { turns: [{ replies: [say('Counted.')] }] },
    })
    const seen: string[] = []
    const { result, rerender } = renderHook(
      ({ tag }) => {
        useAgentEvents((e) => seen.push(`${tag}:${e.type}`), { types: ['audio_end'] })
        return { usage: useUsage(), latency: useLatency(), session: useRealtimeSession() }
      },
      { wrapper, initialProps: { tag: 'first' } },
    )
    rerender({ tag: 'second' })
    act(() => client.sendMessage('count'))
    await server.advance(99)
    expect(result.current.latency.turns).toEqual([]) // no answer yet
    await server.advance(1) // the first chunk of the answer, one pace after the message
    expect(result.current.latency.last).toBe(100)
    await server.runAll()
    expect(lastAnswer(client)).toBe('Counted.')
    expect(seen).toEqual(['second:audio_end'])
    const usage = server
      .serverEvents()
      .flatMap((e) =>
        e.type === 'response.done' ? [(e.response as { usage: { total_tokens: number } }).usage] : [],
      )
    expect(usage).toHaveLength(1)
    expect(result.current.usage.totalTokens).toBe(usage[0]!.total_tokens)
    expect(result.current.latency.turns).toEqual([{ turn: 1, latencyMs: 100 }])
    expect(result.current.session.status).toBe('listening')
  })
})
