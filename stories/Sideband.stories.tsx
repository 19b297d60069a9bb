import type { Meta, StoryObj } from '@storybook/react-vite'
import { useEffect, useState } from 'react'
import { expect, waitFor, within } from 'storybook/test'
import { z } from 'zod'
import { RealtimeProvider, ToolCallList, TranscriptView, useRealtimeClient } from '../src'
import { RealtimeAgent, RealtimeRunner, tool } from '../src/core'
import { callTool, SimulatedCalls, say } from '../src/testing'
import { STORY_WAIT } from './support/realtime'

/** The browser's agent: no tools of its own; the server's session runs them on the same call. */
const browserAgent = new RealtimeAgent({ name: 'Concierge', instructions: 'Answer weather questions.' })

function ServerSide({ log }: { log: string[] }) {
  return (
    <section aria-label="Server">
      <h2 style={{ fontSize: 14 }}>Server (attached to the call)</h2>
      <ul>
        {log.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  )
}

/** Connects the browser's session and asks one question once the server has attached. */
function Ask({ question }: { question: string }) {
  const client = useRealtimeClient()
  useEffect(() => {
    void client.connect().then(() => client.sendMessage(question))
  }, [client, question])
  return null
}

/**
 * A browser call whose tools run on the app's server: the browser starts the call, the server
 * attaches to it by id and runs `get_weather` (where an API key or a database would live), and the
 * browser's tool list and transcript show the call, its output and the answer. All on the simulator.
 */
function SidebandCall({ question }: { question: string }) {
  const [log, setLog] = useState<string[]>([])
  const [call] = useState(() => {
    const calls = new SimulatedCalls({
      scenario: {
        turns: [
          {
            replies: [
              callTool('get_weather', { city: 'Tokyo' }),
              say('It is sunny and 24 degrees in Tokyo.'),
            ],
          },
        ],
      },
      pace: 15,
    })
    return calls.webrtc().call
  })
  const [attached, setAttached] = useState(false)
  useEffect(() => {
    const getWeather = tool({
      name: 'get_weather',
      description: 'Current weather for a city.',
      parameters: z.object({ city: z.string() }),
      execute: async ({ city }) => {
        setLog((lines) => [...lines, `ran get_weather(${city})`])
        return `Sunny, 24°C in ${city}`
      },
    })
    const serverAgent = browserAgent.clone({ tools: [getWeather] })
    let closed = false
    const session = new RealtimeRunner(serverAgent).run({
      // Stands in for the server's session: in the story it runs in the page, on the simulator.
      clientSecret: 'ek_server',
      transport: call.transport(),
      reconnect: false,
    })
    void session.then((s) => {
      if (closed) return s.close()
      setLog((lines) => [...lines, `attached to ${call.id}`])
      setAttached(true)
    })
    return () => {
      closed = true
      void session.then((s) => s.close())
    }
  }, [call])
  return (
    <div style={{ display: 'grid', gap: 12, maxWidth: 480 }}>
      <ServerSide log={log} />
      {attached && (
        <RealtimeProvider
          agent={browserAgent}
          auth={{ clientSecret: 'ek_storybook' }}
          audio={false}
          transport={() => call.transport()}
          run={{ remoteTools: true }}
        >
          <Ask question={question} />
          <h2 style={{ fontSize: 14 }}>Browser</h2>
          <ToolCallList />
          <TranscriptView />
        </RealtimeProvider>
      )}
    </div>
  )
}

const meta = {
  title: 'Server/Sideband',
  component: SidebandCall,
  args: { question: 'What is the weather in Tokyo?' },
} satisfies Meta<typeof SidebandCall>
export default meta
type Story = StoryObj<typeof meta>

/** The server runs the tool; the browser shows it done with the server's output, then the answer. */
export const ToolsOnTheServer: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByText('It is sunny and 24 degrees in Tokyo.', {}, STORY_WAIT)
    await waitFor(() => expect(canvas.getByText('ran get_weather(Tokyo)')).toBeInTheDocument(), STORY_WAIT)
    const [item] = canvas.getAllByRole('listitem').filter((li) => li.getAttribute('data-state'))
    await expect(item?.getAttribute('data-state')).toBe('done')
    const calls = within(canvas.getByRole('region', { name: 'Tool calls' }))
    await expect(calls.getByText('Sunny, 24°C in Tokyo')).toBeInTheDocument()
  },
}
