import { afterEach, describe, expect, it, vi } from 'vitest'
import { RealtimeAgent, RealtimeError, RealtimeRunner } from '../../src/core'
import { nextServerEvent, RecordingTransport } from '../helpers/session'
import { serveSimulator } from '../helpers/simulated'

serveSimulator()
const runner = () => new RealtimeRunner(new RealtimeAgent({ name: 'Auth' }))

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
    const error = await runner()
      .run({ apiKey: 'sk-live-123' })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RealtimeError)
    expect(error).toMatchObject({ code: 'browser_api_key_refused' })
    expect((error as Error).message).toMatch(/getClientSecret/)
  })

  it('allows it with dangerouslyAllowBrowser, with a warning', async () => {
    pretendBrowser()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const session = await runner().run({ apiKey: 'sk-live-123', dangerouslyAllowBrowser: true })
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('dangerouslyAllowBrowser'))
    session.close()
  })

  it('uses getClientSecret in the browser, without a warning', async () => {
    pretendBrowser()
    const warn = vi.spyOn(console, 'warn')
    const session = await runner().run({ getClientSecret: async () => 'ek_ephemeral' })
    expect(session.status).toBe('listening')
    expect(warn).not.toHaveBeenCalled()
    session.close()
  })

  it('reports a failing getClientSecret and a missing credential clearly', async () => {
    await expect(
      runner().run({ getClientSecret: () => Promise.reject(new Error('503')) }),
    ).rejects.toMatchObject({ code: 'client_secret_failed' })
    await expect(runner().run({ getClientSecret: async () => '' })).rejects.toMatchObject({
      code: 'client_secret_failed',
    })
    await expect(runner().run({})).rejects.toMatchObject({ code: 'auth_missing' })
    await expect(runner().run({ apiKey: 'a', clientSecret: 'b' })).rejects.toMatchObject({
      code: 'invalid_config',
    })
  })

  it('puts the model in the URL and can be aborted', async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(runner().run({ apiKey: 'sk-x', signal: controller.signal })).rejects.toMatchObject({
      code: 'aborted',
    })
  })

  it('closes with `await using` at the end of the block', async () => {
    const transport = new RecordingTransport()
    let outer: Awaited<ReturnType<ReturnType<typeof runner>['run']>> | undefined
    {
      await using session = await runner().run({ apiKey: 'sk-x', transport })
      outer = session
      session.sendMessage('hi')
      await nextServerEvent(session, 'response.done')
    }
    expect(outer?.status).toBe('closed')
  })
})
