import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { RealtimeAgent, RealtimeRunner, tool } from '../../src/core'
import { callTool, type Scenario, say } from '../../src/testing'
import { flakySimulator } from '../helpers/flaky'
import { advanceUntil, advanceUntilEvent, answered, inMemorySimulator } from '../helpers/inMemory'
import { hasAnswer } from '../helpers/session'

const sim = inMemorySimulator()
const fast = { initialDelayMs: 5, maxDelayMs: 20, maxAttempts: 5, timeoutMs: 2000 }

// A model that calls the tool, then answers once the output is in the conversation.
const scenario: Scenario = {
  turns: [],
  fallback: (ctx) =>
    ctx.userText === 'and now?'
      ? say('Carrying on.')
      : ctx.toolOutput
        ? say(`The answer is ${ctx.toolOutput}.`)
        : callTool('lookup', { q: 'weather' }),
}

const lookup = tool({
  name: 'lookup',
  description: 'l',
  parameters: z.object({ q: z.string() }),
  execute: ({ q }) => `sunny for ${q}`,
})

async function turnWithDropAfter(k: number | null) {
  let seen = 0 // server events of the turn so far, counted from the user's item on
  let counting = false
  let lastCounted = false
  let done = false
  const flaky = flakySimulator(sim, {
    drops: k === null ? 0 : 1,
    chunkMs: 400,
    scenario,
    // Count the server events of the turn and drop after the k-th.
    dropAfter: () => lastCounted && seen === k,
    // Runs before dropAfter for each event: counts the turn's events, which dropAfter then reads.
    onServerEvent: (e) => {
      if (e.type === 'conversation.item.added' && !done) counting = true
      lastCounted = counting
      if (counting) seen++
      // The turn under test ends with the answer's response.done; the follow-up only checks recovery.
      if (e.type === 'response.done' && JSON.stringify(e).includes('The answer is')) {
        counting = false
        done = true
      }
    },
  })
  const { transport, clock } = flaky
  const session = await new RealtimeRunner(new RealtimeAgent({ name: 'Faulty', tools: [lookup] })).run({
    apiKey: 'sk-test',
    transport,
    clock,
    reconnect: fast,
  })
  const errors: string[] = []
  session.on('error', (e) => errors.push(e.error.code))
  session.sendMessage('what is the weather?')
  await advanceUntilEvent(clock, session, 'history_updated', answered('The answer is sunny for weather.'))
  session.sendMessage('and now?')
  await advanceUntilEvent(clock, session, 'history_updated', answered('Carrying on.'))
  const users = session.history
    .filter((i) => i.type === 'message' && i.role === 'user')
    .map((i) => (i as { text: string }).text)
  const status = session.status
  session.close()
  return { events: seen, connections: transport.connections, errors, users, status }
}

describe('connection faults at every step of a turn', () => {
  it('a drop after any server event of a turn (before, during and after audio, during a tool call) is recovered', async () => {
    const clean = await turnWithDropAfter(null)
    expect(clean.connections).toBe(1)
    expect(clean.errors).toEqual([])
    expect(clean.events).toBeGreaterThan(20)
    const failures: string[] = []
    for (let k = 1; k <= clean.events; k++) {
      try {
        const run = await turnWithDropAfter(k)
        expect(run.connections).toBe(2)
        expect(run.users).toEqual(['what is the weather?', 'and now?'])
        expect(run.errors).toContain('connection_closed')
        for (const code of run.errors) expect(['connection_closed', 'server_error']).toContain(code)
        expect(run.status).not.toBe('reconnecting')
      } catch (error) {
        failures.push(`drop after event ${k}: ${(error as Error).message.split('\n')[0]}`)
      }
    }
    expect(failures).toEqual([])
    // Some 35 sessions in a row: CPU work only, but seconds of it on a loaded machine.
  }, 30_000)
})

describe('tools that misbehave, through a live session', () => {
  it('a tool that hangs past its timeout or returns something unserialisable gives the model an error and the session goes on', async () => {
    let signal: AbortSignal | undefined
    const hang = tool({
      name: 'hang',
      description: 'h',
      timeoutMs: 50,
      execute: (_args, details) => {
        signal = details.signal
        return new Promise(() => {})
      },
    })
    const weird = tool({ name: 'weird', description: 'w', execute: () => ({ fn: () => 1 }) })
    const { session, clock } = await sim.start(new RealtimeAgent({ name: 'M', tools: [hang, weird] }), {
      scenario: {
        turns: [
          { replies: [callTool('hang'), say('Timed out, sorry.')] },
          { replies: [callTool('weird'), say('That failed too.')] },
        ],
      },
    })
    const ends: (string | undefined)[] = []
    session.on('tool_end', (e) => ends.push(e.error?.code))
    session.sendMessage('hang')
    await advanceUntilEvent(clock, session, 'tool_start')
    // A tool's timeout runs on the session's clock.
    await clock.advance(49)
    expect(ends).toEqual([])
    await clock.advance(1)
    expect(ends).toEqual(['tool_timeout'])
    expect(signal?.aborted).toBe(true)
    await advanceUntil(clock, hasAnswer(session, 'Timed out, sorry.'), 'the answer after the timeout')
    session.sendMessage('weird')
    await advanceUntilEvent(clock, session, 'history_updated', answered('That failed too.'))
    expect(ends).toEqual(['tool_timeout', 'tool_execution_failed'])
    session.close()
  })
})
