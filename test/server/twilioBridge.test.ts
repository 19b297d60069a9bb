import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { RealtimeAgent, tool } from '../../src/core'
import { createTwilioBridge, type TwilioCallInfo } from '../../src/server'
import { callTool, TWILIO_FRAME_MS as FRAME_MS, type Scenario, say, TwilioPhone } from '../../src/testing'
import { clientEventsOf, inMemorySimulator } from '../helpers/inMemory'

const sim = inMemorySimulator()
const GREETING = 'Hello! How can I help you today?'

/** One call: a bridge on the in-memory simulator, a fake Twilio on its socket, one manual clock. */
function call(
  options: {
    scenario?: Scenario
    agent?: RealtimeAgent<{ call: TwilioCallInfo }>
    greet?: boolean
    onDtmf?: Parameters<typeof createTwilioBridge<{ call: TwilioCallInfo }>>[0]['onDtmf']
  } = {},
) {
  const { transport, clock } = sim.transport({ scenario: options.scenario ?? {}, pace: 'realtime' })
  const logs: string[] = []
  const agent = options.agent ?? new RealtimeAgent({ name: 'Phone', instructions: 'Answer the phone.' })
  const bridge = createTwilioBridge({
    agent,
    run: () => ({ apiKey: 'sk-test', transport, clock }),
    clock,
    log: (line) => logs.push(line),
    ...(options.greet !== undefined ? { greet: options.greet } : {}),
    ...(options.onDtmf ? { onDtmf: options.onDtmf } : {}),
  })
  const socket = {
    closed: null as { code?: number; reason?: string } | null,
    send: (data: string) => queueMicrotask(() => phone.receive(data)),
    close(code?: number, reason?: string) {
      this.closed = { code, reason }
    },
  }
  const twilioCall = bridge.accept(socket)
  const phone = new TwilioPhone((data) => twilioCall.receive(data))
  /** Real-time pace: every 20 ms the caller sends a frame and hears 20 ms of what was sent. */
  async function talk(ms: number, speaking: boolean) {
    for (let t = 0; t < ms; t += FRAME_MS) {
      if (!twilioCall.ended) phone.frame(speaking)
      await clock.advance(FRAME_MS)
      phone.play(FRAME_MS)
      await clock.flush()
    }
  }
  return { bridge, call: twilioCall, phone, socket, clock, transport, logs, talk }
}

const assistantTexts = (c: ReturnType<typeof call>) =>
  (c.call.session?.history ?? []).flatMap((item) =>
    item.type === 'message' && item.role === 'assistant' ? [item.text] : [],
  )

describe('Twilio Media Streams bridge', () => {
  it('greets first in u-law passed through, every chunk followed by a mark, with the call’s streamSid', async () => {
    const c = call()
    c.phone.connect()
    await c.talk(3_000, false)
    const updates = clientEventsOf(c.transport.clientEvents, 'session.update')
    expect(updates[0]!.session.audio).toMatchObject({
      input: { format: { type: 'audio/pcmu' } },
      output: { format: { type: 'audio/pcmu' } },
    })
    const out = c.phone.received.filter((m) => m.event !== 'clear')
    expect(out.length).toBeGreaterThan(4)
    for (let i = 0; i < out.length; i += 2) {
      expect(out[i]).toMatchObject({ event: 'media', streamSid: c.phone.streamSid })
      expect(out[i + 1]).toMatchObject({ event: 'mark', streamSid: c.phone.streamSid })
    }
    expect(assistantTexts(c)).toEqual([GREETING])
    // The caller's frames reach the API byte for byte, two 20 ms frames to an append (inputBatchMs 40).
    const appends = () => clientEventsOf(c.transport.clientEvents, 'input_audio_buffer.append')
    const before = appends().length
    const sent: string[] = []
    while (appends().length === before) {
      sent.push(c.phone.frame(sent.length % 2 === 0))
      await c.clock.flush()
    }
    const appended = Buffer.from(appends().at(-1)!.audio, 'base64')
    expect(appended.length).toBe(320)
    const last = Buffer.concat(sent.map((frame) => Buffer.from(frame, 'base64')))
    expect(appended.subarray(320 - last.length).equals(last)).toBe(true)
    c.phone.stop()
    await c.clock.flush()
  })

  it('on barge-in clears Twilio’s buffer and truncates the greeting where the caller’s marks say they were', async () => {
    const c = call({
      scenario: { turns: [{ user: 'Are you open on Sunday?', replies: [say('Yes, from noon.')] }] },
    })
    c.phone.connect()
    await c.talk(700, false) // part of the greeting was heard
    expect(c.phone.of('clear')).toHaveLength(0)
    await c.talk(400, true) // the caller talks over the agent
    expect(c.phone.of('clear')).toHaveLength(1)
    const [truncate] = clientEventsOf(c.transport.clientEvents, 'conversation.item.truncate')
    expect(truncate!.audio_end_ms).toBe(c.phone.heardAtLastMark)
    expect(truncate!.audio_end_ms).toBeGreaterThan(200)
    expect(truncate!.audio_end_ms).toBeLessThan(1_100)
    await c.talk(2_500, false) // stops talking: the answer comes
    expect(assistantTexts(c)).toEqual([expect.stringMatching(/^Hello/), 'Yes, from noon.'])
    expect(assistantTexts(c)[0]!.length).toBeLessThan(GREETING.length)
    c.phone.stop()
    await c.clock.flush()
  })

  it('passes custom parameters into the agent’s context, and a key press drives a tool', async () => {
    const digits: string[] = []
    const menu = tool({
      name: 'choose_option',
      description: 'Acts on a menu choice.',
      parameters: z.object({ digit: z.string() }),
      execute: ({ digit }) => {
        digits.push(digit)
        return `Option ${digit} chosen`
      },
    })
    const agent = new RealtimeAgent<{ call: TwilioCallInfo }>({
      name: 'Menu',
      instructions: ({ context }) => `The caller is ${context.call.customParameters.caller}.`,
      tools: [menu],
    })
    const c = call({
      agent,
      greet: false,
      scenario: {
        turns: [{ replies: [callTool('choose_option', { digit: '2' }), say('Billing, one moment.')] }],
      },
    })
    c.phone.connect({ caller: '+15550100' })
    await c.talk(100, false)
    expect(clientEventsOf(c.transport.clientEvents, 'session.update')[0]!.session).toMatchObject({
      instructions: 'The caller is +15550100.',
    })
    c.phone.dtmf('2')
    await c.talk(3_000, false)
    const user = c.call.session!.history.find((i) => i.type === 'message' && i.role === 'user')
    expect(user).toMatchObject({ text: 'The caller pressed 2.' })
    expect(digits).toEqual(['2'])
    expect(assistantTexts(c)).toEqual(['Billing, one moment.'])
    c.phone.stop()
    await c.clock.flush()
  })

  it('hands key presses to onDtmf when the app takes them', async () => {
    const pressed: string[] = []
    const c = call({ greet: false, onDtmf: (digit) => pressed.push(digit) })
    c.phone.connect()
    await c.talk(100, false)
    c.phone.dtmf('#')
    await c.talk(100, false)
    expect(pressed).toEqual(['#'])
    expect(c.call.session!.history).toHaveLength(0)
    c.phone.stop()
    await c.clock.flush()
  })
})

describe('Twilio bridge: every way a call ends closes it cleanly', () => {
  /** Ended: socket closed with `code` (or left alone), session closed, no call, no timer, one log line. */
  async function expectEnded(c: ReturnType<typeof call>, code: number | null, line: RegExp) {
    await c.clock.flush()
    expect(c.call.ended).toBe(true)
    expect(c.socket.closed?.code ?? null).toBe(code)
    if (c.call.session) expect(c.call.session.status).toBe('closed')
    expect(c.transport.connected).toBe(false)
    expect(c.bridge.calls.size).toBe(0)
    expect(c.clock.pendingTimers).toBe(0)
    expect(c.logs.filter((l) => l.includes('ended'))).toEqual([expect.stringMatching(line)])
  }

  it('stop: the socket closes normally at once', async () => {
    const c = call()
    c.phone.connect()
    await c.talk(300, false)
    c.phone.stop()
    await expectEnded(c, 1000, /ended: stop$/)
  })

  it('a dropped socket: the session closes, nothing is sent after', async () => {
    const c = call()
    c.phone.connect()
    await c.talk(300, false)
    c.call.socketClosed()
    const count = c.phone.received.length
    await expectEnded(c, null, /ended: socket closed/)
    await c.clock.runAll()
    expect(c.phone.received.length).toBe(count)
  })

  it.each([
    ['not JSON', 'hello'],
    ['no event name', '{"streamSid":"MZ1"}'],
    ['media without payload', '{"event":"media","streamSid":"MZ00000000000000000000000000000001"}'],
  ])('a malformed frame (%s): closed with 1007', async (_, frame) => {
    const c = call()
    c.phone.connect()
    await c.talk(100, false)
    c.call.receive(frame)
    await expectEnded(c, 1007, /ended: malformed frame/)
  })

  it('an unknown streamSid: closed with 1008', async () => {
    const c = call()
    c.phone.connect()
    await c.talk(100, false)
    c.call.receive(JSON.stringify({ event: 'media', streamSid: 'MZ-other', media: { payload: '' } }))
    await expectEnded(c, 1008, /ended: unknown streamSid MZ-other/)
  })

  it('stop without start: closed with 1008, no session opened', async () => {
    const c = call()
    c.phone.stop()
    await expectEnded(c, 1008, /ended: `stop` before `start`/)
    expect(c.transport.connections).toBe(0)
  })

  it('no start at all: closed after the start timeout', async () => {
    const c = call()
    await c.clock.advance(9_999)
    expect(c.call.ended).toBe(false)
    await c.clock.advance(1)
    await expectEnded(c, 1008, /ended: no `start` within 10000 ms/)
  })

  it('a format other than u-law 8 kHz: refused', async () => {
    const c = call()
    c.call.receive(
      JSON.stringify({
        event: 'start',
        streamSid: 'MZ1',
        start: { streamSid: 'MZ1', mediaFormat: { encoding: 'audio/x-l16', sampleRate: 16000 } },
      }),
    )
    await expectEnded(c, 1008, /ended: unsupported media format audio\/x-l16 at 16000 Hz/)
  })

  it('stop while the session is still connecting: the session is closed as soon as it opens', async () => {
    const c = call()
    c.phone.connect()
    c.phone.stop()
    await expectEnded(c, 1000, /ended: stop$/)
    expect(c.call.session).toBeNull()
  })

  it('the API side fails: the call ends and Twilio’s socket closes', async () => {
    const c = call()
    c.phone.connect()
    await c.talk(300, false)
    c.transport.drop({ code: 1011, reason: 'server error' })
    // The session tries to reconnect first; the simulator accepts, so the call goes on.
    await c.talk(2_000, false)
    expect(c.call.ended).toBe(false)
    c.call.session!.close()
    await expectEnded(c, 1000, /ended: the session closed/)
  })
})
