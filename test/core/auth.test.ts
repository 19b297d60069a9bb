import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  RealtimeAgent,
  RealtimeError,
  RealtimeRunner,
  type RealtimeRunOptions,
  type RealtimeSession,
} from '../../src/core'
import { flushMicrotasks } from '../../src/testing'
import { advanceUntilServerEvent, inMemorySimulator } from '../helpers/inMemory'

const sim = inMemorySimulator()
const runner = () => new RealtimeRunner(new RealtimeAgent({ name: 'Auth' }))

/** Runs on the in-memory simulator, keeping the credential it was shown. */
async function run(options: Omit<RealtimeRunOptions, 'transport' | 'clock'>) {
  const credentials: string[] = []
  const { transport, clock } = sim.transport({
    authorize: (credential) => {
      credentials.push(credential)
      return true
    },
  })
  const session = await runner().run({ ...options, transport, clock })
  return { session, transport, clock, credentials }
}

function pretendBrowser() {
  vi.stubGlobal('window', {})
  vi.stubGlobal('document', {})
}

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('credentials', () => {
  it('refuses a standard API key in a browser without the explicit opt-in', async () => {
    pretendBrowser()
    const push = sim.push({ confirm: true })
    const error = await runner()
      .run({ apiKey: 'sk-live-123', transport: push })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RealtimeError)
    expect(error).toMatchObject({ code: 'browser_api_key_refused' })
    expect((error as Error).message).toMatch(/getClientSecret/)
    expect(push.connects).toEqual([]) // refused before connecting
  })

  it('allows it with dangerouslyAllowBrowser, with a warning', async () => {
    pretendBrowser()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { session, credentials } = await run({ apiKey: 'sk-live-123', dangerouslyAllowBrowser: true })
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('dangerouslyAllowBrowser'))
    expect(credentials).toEqual(['sk-live-123'])
    session.close()
  })

  it('uses getClientSecret in the browser, without a warning', async () => {
    pretendBrowser()
    const warn = vi.spyOn(console, 'warn')
    const { session, credentials } = await run({ getClientSecret: async () => 'ek_ephemeral' })
    expect(session.status).toBe('listening')
    expect(credentials).toEqual(['ek_ephemeral'])
    expect(warn).not.toHaveBeenCalled()
    session.close()
  })

  it('reports a failing getClientSecret and a missing credential clearly', async () => {
    const push = sim.push({ confirm: true })
    await expect(
      runner().run({ getClientSecret: () => Promise.reject(new Error('503')), transport: push }),
    ).rejects.toMatchObject({ code: 'client_secret_failed' })
    await expect(runner().run({ getClientSecret: async () => '', transport: push })).rejects.toMatchObject({
      code: 'client_secret_failed',
    })
    await expect(runner().run({ transport: push })).rejects.toMatchObject({ code: 'auth_missing' })
    await expect(runner().run({ apiKey: 'a', clientSecret: 'b', transport: push })).rejects.toMatchObject({
      code: 'invalid_config',
    })
    expect(push.connects).toEqual([])
  })

  it('puts the model in the URL', async () => {
    const push = sim.push({ confirm: true })
    const session = await new RealtimeRunner(new RealtimeAgent({ name: 'Model' }), {
      modelSettings: { modelName: 'gpt-realtime-mini' },
    }).run({ apiKey: 'sk-x', transport: push })
    expect(push.connects.map((c) => c.url)).toEqual([
      'wss://api.openai.com/v1/realtime?model=gpt-realtime-mini',
    ])
    expect(push.connects[0]!.auth).toEqual({ kind: 'apiKey', value: 'sk-x' })
    session.close()
    const custom = sim.push({ confirm: true })
    const proxied = await runner().run({
      apiKey: 'sk-x',
      transport: custom,
      url: 'wss://proxy.example/realtime?model=mine',
    })
    expect(custom.connects[0]!.url).toBe('wss://proxy.example/realtime?model=mine') // a model given is kept
    proxied.close()
  })

  it('can be aborted before the connection opens and while the server has not confirmed it', async () => {
    const controller = new AbortController()
    controller.abort()
    const { transport, clock } = sim.transport()
    await expect(
      runner().run({ apiKey: 'sk-x', signal: controller.signal, transport, clock }),
    ).rejects.toMatchObject({ code: 'aborted' })
    expect(transport.connections).toBe(0)

    const waiting = new AbortController()
    const silent = sim.push() // connects, but the server never confirms
    const running = runner().run({ apiKey: 'sk-x', signal: waiting.signal, transport: silent })
    await flushMicrotasks()
    expect(silent.connects).toHaveLength(1)
    waiting.abort()
    await expect(running).rejects.toMatchObject({ code: 'aborted' })
    expect(silent.closes).toBe(1)
  })

  it('closes with `await using` at the end of the block', async () => {
    const { transport, clock } = sim.transport()
    let outer: RealtimeSession | undefined
    {
      await using session = await runner().run({ apiKey: 'sk-x', transport, clock })
      outer = session
      session.sendMessage('hi')
      await advanceUntilServerEvent(clock, session, 'response.done')
      expect(transport.connected).toBe(true)
    }
    expect(outer?.status).toBe('closed')
    expect(transport.connected).toBe(false)
  })
})
