import { act, render, renderHook, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import {
  EventLog,
  hostedMcpTool,
  RealtimeAgent,
  RealtimeClient,
  RealtimeProvider,
  ToolCallList,
  TranscriptView,
  useToolCalls,
} from '../../src'
import { callMcp, type Scenario, say } from '../../src/testing'
import { expectAccessible, simulator } from './helpers'

const sim = simulator()

const scenario: Scenario = {
  mcpServers: {
    weather_mcp: {
      tools: [{ name: 'forecast', description: 'Tomorrow in a city.' }],
      call: (_name, args) => `Rain in ${(args as { city: string }).city}`,
    },
  },
  turns: [
    {
      replies: [
        callMcp('weather_mcp', 'forecast', { city: 'Oslo' }),
        (ctx) => say(ctx.toolOutput ? `Bring an umbrella: ${ctx.toolOutput}.` : 'Cannot say.'),
      ],
    },
  ],
}
const agent = new RealtimeAgent({
  name: 'Forecaster',
  tools: [hostedMcpTool({ serverLabel: 'weather_mcp', serverUrl: 'https://weather.example/mcp' })],
})

/** A client on a fresh simulator; `connect: false` leaves connecting to the test. */
async function connected({ connect = true } = {}) {
  const server = sim.start({ scenario })
  const client = new RealtimeClient({
    agent,
    auth: { clientSecret: 'ek_test' },
    audio: false,
    ...server.options,
  })
  if (connect) await act(() => client.connect())
  const wrapper = ({ children }: { children: ReactNode }) => (
    <RealtimeProvider client={client}>{children}</RealtimeProvider>
  )
  return { client, server, wrapper }
}

describe('hosted MCP calls in React', () => {
  it('useToolCalls lists the call awaiting approval with its server, and approve() runs it', async () => {
    const { client, server, wrapper } = await connected()
    const { result } = renderHook(() => useToolCalls(), { wrapper })
    act(() => client.sendMessage('Weather tomorrow?'))
    await server.runAll()
    expect(result.current.pending).toMatchObject([
      {
        name: 'forecast',
        serverLabel: 'weather_mcp',
        arguments: { city: 'Oslo' },
        status: 'awaiting_approval',
      },
    ])
    act(() => result.current.approve(result.current.pending[0]!.callId))
    await server.runAll()
    expect(result.current.calls).toMatchObject([
      { status: 'done', output: 'Rain in Oslo', serverLabel: 'weather_mcp' },
    ])
  })

  it('ToolCallList approves it like a function call; the transcript and event log show it', async () => {
    const user = userEvent.setup({ delay: null })
    // The event log's animation frames are the test's to run.
    const frames: (() => void)[] = []
    const schedule = (flush: () => void) => {
      frames.push(flush)
      return () => frames.splice(frames.indexOf(flush), 1)
    }
    const { client, server, wrapper } = await connected({ connect: false })
    const { container } = render(
      <>
        <TranscriptView />
        <ToolCallList />
        <EventLog schedule={schedule} />
      </>,
      { wrapper },
    )
    await act(() => client.connect())
    act(() => client.sendMessage('Weather tomorrow?'))
    await server.runAll()
    const calls = within(screen.getByRole('region', { name: 'Tool calls' }))
    expect(calls.getByText('weather_mcp · forecast')).toBeInTheDocument()
    expect(calls.getByText('Needs approval')).toBeInTheDocument()
    await expectAccessible(container)
    await user.click(calls.getByRole('button', { name: 'Approve forecast' }))
    await server.runAll()
    expect(calls.getByText('Rain in Oslo')).toBeInTheDocument()
    expect(calls.getByText('Done')).toBeInTheDocument()
    const transcript = within(screen.getByRole('log', { name: /transcript|conversation/i }))
    expect(transcript.getAllByText('Bring an umbrella: Rain in Oslo.').length).toBeGreaterThan(0)
    expect(transcript.getByText('Rain in Oslo').closest('p')).toHaveTextContent(
      'forecast returned: Rain in Oslo',
    )
    act(() => {
      for (const flush of frames.splice(0)) flush()
    })
    const log = screen.getByRole('list', { name: 'Events' })
    const filter = screen.getByRole('searchbox', { name: 'Filter events' })
    for (const type of ['tool_approval_required', 'tool_start', 'tool_end', 'response.mcp_call.completed']) {
      await user.clear(filter)
      await user.type(filter, type)
      expect(within(log).queryAllByText(type).length, type).toBeGreaterThan(0)
    }
  })
})
