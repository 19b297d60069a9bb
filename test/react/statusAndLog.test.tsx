import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Profiler } from 'react'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import {
  AgentIndicator,
  AudioVisualizer,
  ConnectionStatus,
  DeviceSelect,
  EventLog,
  RealtimeAgent,
  RealtimeClient,
} from '../../src'
import { say } from '../../src/testing'
import {
  connected,
  connectedForHandoff,
  expectAccessible,
  lastAnswer,
  loadJsonSchemaValidator,
  providing,
  renderWithProvider,
  simulator,
} from './helpers'

const sim = simulator()
beforeAll(loadJsonSchemaValidator)

describe('AgentIndicator, ConnectionStatus, EventLog, DeviceSelect, AudioVisualizer', () => {
  it('shows the current agent and announces a handoff', async () => {
    const { client, server, wrapper } = await connectedForHandoff(sim)
    const { container } = render(<AgentIndicator />, { wrapper })
    expect(screen.getByRole('status')).toHaveTextContent('Triage')
    expect(screen.getByRole('status')).not.toHaveAttribute('data-handoff')
    act(() => client.sendMessage('billing please'))
    await server.runAll()
    expect(screen.getByRole('status')).toHaveTextContent('Billing (handed off from Triage)')
    expect(screen.getByRole('status')).toHaveAttribute('data-handoff', '')
    await expectAccessible(container)
  })

  it('says the status in words and shows errors', async () => {
    const agent = new RealtimeAgent({ name: 'S' })
    const { container, unmount } = renderWithProvider(<ConnectionStatus />, agent, sim.start())
    expect(screen.getByRole('status')).toHaveTextContent('Not connected')
    expect(screen.getByRole('status')).toHaveAttribute('data-state', 'idle')
    await expectAccessible(container)
    unmount()

    const { wrapper } = await connected(sim, agent)
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
    const { client, server, wrapper } = await connected(sim, new RealtimeAgent({ name: 'L' }), {
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
