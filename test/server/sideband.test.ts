import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { RealtimeClient } from '../../src/client'
import { RealtimeAgent, RealtimeRunner, type RealtimeSession, tool } from '../../src/core'
import { createSidebandHandler } from '../../src/server'
import { callTool, createCallsHandlers, SimulatedCalls, say } from '../../src/testing'
import { refusalTests } from './refusals'

const KEY = ['sk', 'sideband', 'test'].join('-')
const queried: string[] = []
// The tool reads a database only the server can reach: it exists on the server's agent alone.
const accountBalance = tool({
  name: 'account_balance',
  description: "The caller's balance, from the bank's database.",
  parameters: z.object({ account: z.string() }),
  execute: ({ account }) => {
    queried.push(account)
    return `Balance of ${account}: 1,204.50 EUR`
  },
})
const serverAgent = new RealtimeAgent({
  name: 'Bank',
  instructions: 'Help with accounts.',
  tools: [accountBalance],
})
const browserAgent = new RealtimeAgent({ name: 'Bank', instructions: 'Help with accounts.' })

const calls = new SimulatedCalls({
  scenario: {
    turns: [
      {
        replies: [callTool('account_balance', { account: 'DE-001' }), say('Your balance is 1,204.50 euros.')],
      },
    ],
  },
})
const api = setupServer(...createCallsHandlers(calls))
beforeAll(() => api.listen({ onUnhandledRequest: 'error' }))
afterAll(() => api.close())

const post = (callId: string, headers: Record<string, string> = {}) =>
  new Request('http://app/sideband', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ callId }),
  })

describe('sideband: the server attaches to a browser call and runs its tools', () => {
  it('runs the tool on the server while the browser shows the call, its output and the answer', async () => {
    const { call, transport } = calls.webrtc()
    const browser = new RealtimeClient({
      agent: browserAgent,
      auth: { clientSecret: 'ek_browser' },
      audio: false,
      transport: () => transport,
      run: { remoteTools: true },
    })
    await browser.connect()
    let serverSession!: RealtimeSession<unknown>
    const handler = createSidebandHandler({
      runner: new RealtimeRunner(serverAgent),
      run: () => ({ apiKey: KEY }),
      allowAnonymous: true,
      onSession: (session) => {
        serverSession = session as RealtimeSession<unknown>
      },
    })
    const response = await handler(post(call.id))
    expect(response.status).toBe(200)
    expect(call.connections).toBe(2)

    const done = new Promise<void>((resolve) => {
      const off = browser.subscribe(() => {
        const history = browser.session?.history ?? []
        if (history.some((i) => i.type === 'message' && i.role === 'assistant' && i.status === 'completed')) {
          off()
          resolve()
        }
      })
    })
    const outputItems = new Map<string, string>()
    browser.onEvent((event) => {
      const item = (event.type === 'raw_model_event' ? event.data : {}) as {
        item?: { id?: string; type?: string; output?: string }
      }
      if (item.item?.type === 'function_call_output')
        outputItems.set(item.item.id ?? '', item.item.output ?? '')
    })
    browser.sendMessage('What is my balance?')
    await done
    expect(queried).toEqual(['DE-001'])
    // The browser shows the call the server ran, with the server's output, and the transcript.
    expect(browser.getSnapshot().toolCalls).toEqual([
      expect.objectContaining({
        name: 'account_balance',
        status: 'done',
        arguments: { account: 'DE-001' },
        output: 'Balance of DE-001: 1,204.50 EUR',
      }),
    ])
    const texts = browser.session!.history.flatMap((i) =>
      i.type === 'message' ? [`${i.role}: ${i.text}`] : [],
    )
    expect(texts).toEqual(['user: What is my balance?', 'assistant: Your balance is 1,204.50 euros.'])
    // One output only, the server's: the browser ran nothing and asked for nothing.
    expect([...outputItems.values()]).toEqual(['Balance of DE-001: 1,204.50 EUR'])
    expect(browser.getSnapshot().error).toBeNull()

    // The server can update the session: the browser sees the new instructions confirmed.
    const updated = new Promise<string>((resolve) => {
      const off = browser.onEvent((event) => {
        if (event.type === 'raw_model_event' && event.data.type === 'session.updated') {
          off()
          resolve(String((event.data as { session?: { instructions?: string } }).session?.instructions))
        }
      })
    })
    await serverSession.updateAgent(serverAgent.clone({ instructions: 'Only discuss savings accounts.' }))
    expect(await updated).toBe('Only discuss savings accounts.')
    browser.dispose()
    serverSession.close()
  })

  it('the browser’s session updates leave the server’s tools in place, whoever connects first', async () => {
    const { call } = calls.webrtc()
    const server = await new RealtimeRunner(serverAgent).run({
      apiKey: KEY,
      transport: call.transport(),
      reconnect: false,
    })
    const browser = new RealtimeClient({
      agent: browserAgent,
      auth: { clientSecret: 'ek_browser' },
      audio: false,
      transport: () => call.transport(),
      run: { remoteTools: true },
    })
    // Every connection to the call sees each session.updated: the server's shows the browser's update.
    const tools = new Promise<unknown>((resolve) => {
      const off = server.on('raw_model_event', (event) => {
        if (event.data.type === 'session.updated') {
          off()
          resolve(
            (event.data as { session?: { tools?: { name?: string }[] } }).session?.tools?.map((t) => t.name),
          )
        }
      })
    })
    await browser.connect()
    expect(await tools).toEqual(['account_balance'])
    browser.dispose()
    server.close()
  })

  it('refuses ids that are not call ids, and calls that are not in progress', async () => {
    const handler = createSidebandHandler({
      runner: new RealtimeRunner(serverAgent),
      run: () => ({ apiKey: KEY }),
      allowAnonymous: true,
    })
    expect((await handler(post('../../admin'))).status).toBe(400)
    expect((await handler(post('rtc_unknown'))).status).toBe(502)
  })

  refusalTests(
    (guard) => {
      const handler = createSidebandHandler({
        runner: new RealtimeRunner(serverAgent),
        run: () => ({ apiKey: KEY }),
        ...guard,
      })
      return async (request) => {
        const response = await handler(request)
        return response
      }
    },
    (headers) => post(calls.webrtc().call.id, headers),
  )
})
