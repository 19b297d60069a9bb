import { afterEach, describe, expect, it, vi } from 'vitest'
import { pushClient } from '../helpers/pushTransport'

afterEach(() => vi.unstubAllGlobals())

/** A `scheduler.yield()` the test resolves, as Chromium resolves it in a later task. */
function controlledYield() {
  const pending: (() => void)[] = []
  vi.stubGlobal('scheduler', { yield: () => new Promise<void>((resolve) => pending.push(resolve)) })
  return pending
}

describe('RealtimeClient.connect() in a browser with scheduler.yield()', () => {
  it("sets up the session in a task after the click, not in the click's own", async () => {
    const pending = controlledYield()
    const { client, transports } = pushClient()
    const connected = client.connect()
    // The click's task: the status says "connecting" at once, the connection waits for the next task.
    expect(client.getSnapshot().status).toBe('connecting')
    for (let i = 0; i < 20; i++) await Promise.resolve()
    expect(transports).toHaveLength(0)
    expect(pending).toHaveLength(1)
    pending.shift()!()
    await connected
    expect(transports).toHaveLength(1)
    client.disconnect()
  })

  it('connects at once where there is no scheduler.yield()', async () => {
    const { client, transports } = pushClient()
    const connected = client.connect()
    await connected
    expect(transports).toHaveLength(1)
    client.disconnect()
  })
})
