import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSimulatorHandlers, REALTIME_WS_URL } from '../../src/testing'
import { createTaskHop } from '../../src/testing/taskHop'

/** Resolves after every microtask queued so far (and those they queue) has run, within this task. */
const drainMicrotasks = async () => {
  for (let i = 0; i < 50; i++) await Promise.resolve()
}
const nextTask = () => new Promise<void>((resolve) => setImmediate(resolve))

describe('createTaskHop', () => {
  it('runs callbacks in order, each in a task of its own', async () => {
    const hop = createTaskHop()
    const log: string[] = []
    hop(() => {
      log.push('a')
      // A microtask of the first callback runs before the second: they are separate tasks.
      queueMicrotask(() => log.push('a: microtask'))
    })
    hop(() => log.push('b'))
    hop(() => log.push('c'))
    await drainMicrotasks()
    expect(log).toEqual([])
    for (let i = 0; i < 3; i++) await nextTask()
    expect(log).toEqual(['a', 'a: microtask', 'b', 'c'])
  })
})

describe('the simulator behind msw', () => {
  const received: string[] = []
  const server = setupServer(
    ...createSimulatorHandlers({ onClientEvent: (event) => received.push((event as { type: string }).type) }),
  )
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterAll(() => server.close())

  it('receives a client event in a later task than the one that sent it, as over a network', async () => {
    const socket = new WebSocket(REALTIME_WS_URL, ['realtime', 'openai-insecure-api-key.sk-test'])
    const messages: string[] = []
    socket.addEventListener('message', (e) => messages.push(JSON.parse(String(e.data)).type))
    await new Promise((resolve) => socket.addEventListener('open', resolve, { once: true }))
    socket.send(JSON.stringify({ type: 'session.update', session: { type: 'realtime' } }))
    await drainMicrotasks()
    expect(received).toEqual([])
    while (!messages.includes('session.updated')) await nextTask()
    expect(received).toEqual(['session.update'])
    expect(messages.slice(0, 2)).toEqual(['session.created', 'session.updated'])
    socket.close()
  })
})
