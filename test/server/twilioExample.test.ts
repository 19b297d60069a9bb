import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startTwilioApp } from '../../examples/twilio/app'
import { TwilioPhone } from '../../src/testing'

// `npm run example:twilio` without a key, on real sockets and real time: every wait is for a
// message or a close, bounded only to catch a hang.
describe('npm run example:twilio on the simulator', () => {
  let app: Awaited<ReturnType<typeof startTwilioApp>>
  const logs: string[] = []
  beforeAll(async () => {
    app = await startTwilioApp({ port: 0, host: '127.0.0.1', log: (line) => logs.push(line) })
  })
  afterAll(() => app.close())

  it('answers the webhook with TwiML for /media-stream, greets, is interrupted, answers, and hangs up on stop', async () => {
    const response = await fetch(`http://127.0.0.1:${app.port}/incoming-call`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'CallSid=CA1&From=%2B15550100',
    })
    const twiml = await response.text()
    const url = /<Stream url="([^"]+)">/.exec(twiml)?.[1]
    expect(url).toBe(`ws://127.0.0.1:${app.port}/media-stream`)
    expect(twiml).toContain('<Parameter name="caller" value="+15550100"/>')

    const socket = new WebSocket(url!)
    const phone = new TwilioPhone((data) => socket.send(data))
    const waits: { done: () => boolean; resolve: () => void }[] = []
    const until = (done: () => boolean) =>
      new Promise<void>((resolve) => (done() ? resolve() : waits.push({ done, resolve })))
    socket.on('message', (data) => {
      phone.receive(String(data))
      for (const wait of [...waits]) if (wait.done()) waits.splice(waits.indexOf(wait), 1) && wait.resolve()
    })
    await new Promise((resolve) => socket.once('open', resolve))
    let speaking = false
    phone.connect()
    const stopLine = phone.run(() => speaking)
    try {
      // The greeting: u-law media for this stream, each chunk followed by a mark.
      await until(() => phone.of('media').length >= 5)
      expect(phone.received[0]).toMatchObject({ event: 'media', streamSid: phone.streamSid })
      expect(phone.received[1]).toMatchObject({ event: 'mark', streamSid: phone.streamSid })
      // The caller talks over it: Twilio is told to clear what it still holds.
      speaking = true
      await until(() => phone.of('clear').length === 1)
      speaking = false
      const afterClear = phone.received.length
      // The answer, once the caller stopped.
      await until(() => phone.received.slice(afterClear).some((m) => m.event === 'media'))
      expect(phone.received.slice(afterClear).find((m) => m.event === 'media')).toMatchObject({
        streamSid: phone.streamSid,
      })
    } finally {
      stopLine()
    }
    const stoppedAt = performance.now()
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)))
    phone.stop()
    expect(await closed).toBe(1000)
    expect(performance.now() - stoppedAt).toBeLessThan(2_000)
    await until(() => app.bridge.calls.size === 0)
    expect(logs.some((l) => /ended: stop$/.test(l))).toBe(true)
  }, 30_000)
})
