import { act, render, screen } from '@testing-library/react'
import { StrictMode } from 'react'
import { describe, expect, it } from 'vitest'
import {
  RealtimeAgent,
  type RealtimeClient,
  RealtimeProvider,
  useAgentEvents,
  useCurrentAgent,
  useRealtimeSession,
} from '../../src'
import { PushTransport, pushClient } from '../helpers/pushTransport'

const agent = new RealtimeAgent({ name: 'Helper', instructions: 'Help.' })

function Status() {
  const { status } = useRealtimeSession()
  const { agent: current } = useCurrentAgent()
  return (
    <p>
      {status} as {current.name}
    </p>
  )
}

function Connect({ onClient }: { onClient: (client: RealtimeClient) => void }) {
  const session = useRealtimeSession()
  onClient(session.client)
  return (
    <button type="button" onClick={() => void session.connect()}>
      {session.status}
    </button>
  )
}

function Listener({ onType }: { onType: (type: string) => void }) {
  useAgentEvents((event) => onType(event.type), { types: ['history_added'] })
  return null
}

describe('RealtimeProvider ownership', () => {
  it('leaves a client it was given connected after unmount, with StrictMode outside the provider', async () => {
    const { client, transports } = pushClient(agent)
    await act(() => client.connect())
    const view = render(
      <StrictMode>
        <RealtimeProvider client={client}>
          <Status />
        </RealtimeProvider>
      </StrictMode>,
    )
    expect(screen.getByText('listening as Helper')).toBeInTheDocument()
    view.unmount()
    expect(client.getSnapshot().status).toBe('listening')
    expect(client.session?.status).toBe('listening')
    expect(transports).toHaveLength(1)
    expect(transports[0]!.closes).toBe(0)
    client.disconnect()
  })

  it('disposes a client it created on unmount, and StrictMode opens one connection', async () => {
    const transports: PushTransport[] = []
    let seen: RealtimeClient | null = null
    const view = render(
      <StrictMode>
        <RealtimeProvider
          agent={agent}
          auth={{ clientSecret: 'ek_test' }}
          audio={false}
          transport={() => {
            const transport = new PushTransport({ confirm: true })
            transports.push(transport)
            return transport
          }}
        >
          <Connect onClient={(client) => (seen = client)} />
        </RealtimeProvider>
      </StrictMode>,
    )
    await act(async () => screen.getByRole('button').click())
    expect(screen.getByRole('button')).toHaveTextContent('listening')
    expect(transports).toHaveLength(1)
    view.unmount()
    expect(seen!.getSnapshot().status).toBe('idle')
    expect(transports[0]!.closes).toBe(1)
  })

  it('delivers each event once to hooks under StrictMode inside the provider', async () => {
    const { client, transports } = pushClient(agent)
    const types: string[] = []
    render(
      <RealtimeProvider client={client}>
        <StrictMode>
          <Listener onType={(type) => types.push(type)} />
          <Status />
        </StrictMode>
      </RealtimeProvider>,
    )
    await act(() => client.connect())
    act(() =>
      transports[0]!.push({
        type: 'conversation.item.added',
        item: { id: 'u1', type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hi' }] },
      }),
    )
    expect(types).toEqual(['history_added'])
    expect(screen.getByText('listening as Helper')).toBeInTheDocument()
    client.disconnect()
  })

  it('uses a changed client prop', async () => {
    const first = pushClient(new RealtimeAgent({ name: 'First' }))
    const second = pushClient(new RealtimeAgent({ name: 'Second' }))
    await act(() => second.client.connect())
    const view = render(
      <RealtimeProvider client={first.client}>
        <Status />
      </RealtimeProvider>,
    )
    expect(screen.getByText('idle as First')).toBeInTheDocument()
    view.rerender(
      <RealtimeProvider client={second.client}>
        <Status />
      </RealtimeProvider>,
    )
    expect(screen.getByText('listening as Second')).toBeInTheDocument()
    view.unmount()
    expect(second.client.getSnapshot().status).toBe('listening')
    second.client.disconnect()
  })

  it('applies a changed agent prop to the live session', async () => {
    const transports: PushTransport[] = []
    let client: RealtimeClient | null = null
    const grab = (c: RealtimeClient) => {
      client = c
    }
    const props = {
      auth: { clientSecret: 'ek_test' },
      audio: false as const,
      transport: () => {
        const transport = new PushTransport({ confirm: true })
        transports.push(transport)
        return transport
      },
    }
    const view = render(
      <RealtimeProvider agent={agent} {...props}>
        <Connect onClient={grab} />
        <Status />
      </RealtimeProvider>,
    )
    await act(() => client!.connect())
    const expert = new RealtimeAgent({ name: 'Expert', instructions: 'Be precise.' })
    await act(async () =>
      view.rerender(
        <RealtimeProvider agent={expert} {...props}>
          <Connect onClient={grab} />
          <Status />
        </RealtimeProvider>,
      ),
    )
    expect(screen.getByText('listening as Expert')).toBeInTheDocument()
    const last = transports[0]!.ofType('session.update').at(-1)?.session
    expect(last && 'instructions' in last ? last.instructions : null).toBe('Be precise.')
    expect(transports).toHaveLength(1)
    view.unmount()
  })
})
