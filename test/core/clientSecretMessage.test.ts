import { describe, expect, it } from 'vitest'
import { RealtimeAgent, RealtimeRunner } from '../../src/core'

describe('getClientSecret() failures', () => {
  it('read as one sentence: the cause ending in a period gives no double period', async () => {
    const runner = new RealtimeRunner(new RealtimeAgent({ name: 'A' }))
    const failed = runner.run({
      getClientSecret: async () => {
        throw new Error('The Realtime API could not be reached; try again shortly.')
      },
    })
    await expect(failed).rejects.toMatchObject({ code: 'client_secret_failed' })
    const message = await failed.catch((error: Error) => error.message)
    expect(message).toBe(
      'getClientSecret() failed: The Realtime API could not be reached; try again shortly. Check the endpoint that mints client secrets.',
    )
  })
})
