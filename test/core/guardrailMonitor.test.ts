import { describe, expect, it, vi } from 'vitest'
import { type OutputGuardrail, RealtimeAgent, type RealtimeError } from '../../src/core'
import { GuardrailMonitor } from '../../src/core/guardrailMonitor'

const agent = new RealtimeAgent({ name: 'Support', instructions: 'Help.' })
const context = { context: { userId: 'u1' } }

/** Lets every pending promise callback run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve))

/** A guardrail that trips when the text contains `word`, recording every text it saw. */
function tripOn(word: string, name = `no_${word}`) {
  const seen: string[] = []
  const guardrail: OutputGuardrail<unknown> = {
    name,
    execute: ({ agentOutput }) => {
      seen.push(agentOutput)
      return { tripwireTriggered: agentOutput.includes(word), outputInfo: { word } }
    },
  }
  return { guardrail, seen }
}

function monitor(debounce: number) {
  const onTrip = vi.fn()
  const errors: RealtimeError[] = []
  const host = { onTrip, onError: (error: RealtimeError) => errors.push(error) }
  const guardrails = new GuardrailMonitor(debounce, host)
  const check = (itemId: string, text: string, final: boolean, list: readonly OutputGuardrail<unknown>[]) =>
    guardrails.check(itemId, text, final, list, agent, context)
  return { check, forget: (itemId: string) => guardrails.forget(itemId), onTrip, errors }
}

describe('GuardrailMonitor', () => {
  it('runs each time `debounce` more characters arrived, and on the final text', async () => {
    const { guardrail, seen } = tripOn('secret')
    const { check } = monitor(5)
    for (const text of ['abcd', 'abcde', 'abcdefgh', 'abcdefghi', 'abcdefghij', 'abcdefghijk']) {
      check('item_1', text, false, [guardrail])
    }
    check('item_1', 'abcdefghijkl', true, [guardrail])
    await settle()
    expect(seen).toEqual(['abcde', 'abcdefghij', 'abcdefghijkl'])
  })

  it('does not run again on a final text it already checked', async () => {
    const { guardrail, seen } = tripOn('secret')
    const { check } = monitor(5)
    check('item_1', 'hello', false, [guardrail])
    check('item_1', 'hello', true, [guardrail])
    await settle()
    expect(seen).toEqual(['hello'])
  })

  it('treats a debounce below 1 as 1', async () => {
    const { guardrail, seen } = tripOn('secret')
    const { check } = monitor(-10)
    check('item_1', 'ab', false, [guardrail])
    check('item_1', 'a', false, [guardrail])
    check('item_1', 'abc', false, [guardrail])
    await settle()
    expect(seen).toEqual(['ab', 'abc'])
  })

  it('keeps a separate count for each item', async () => {
    const { guardrail, seen } = tripOn('secret')
    const { check } = monitor(5)
    check('item_1', 'hello', false, [guardrail])
    check('item_2', 'howdy', false, [guardrail])
    await settle()
    expect(seen).toEqual(['hello', 'howdy'])
  })

  it('passes the text, the agent and the run context to each guardrail', async () => {
    const execute = vi.fn(() => ({ tripwireTriggered: false }))
    const { check } = monitor(1)
    check('item_1', 'hi', true, [{ name: 'spy', execute }])
    await settle()
    expect(execute).toHaveBeenCalledWith({ agentOutput: 'hi', agent, context })
  })

  it('reports the tripped guardrails only, with their output and the text that tripped them', async () => {
    const secret = tripOn('secret')
    const rude = tripOn('idiot')
    const { check, onTrip } = monitor(1)
    check('item_1', 'the secret is 42', true, [rude.guardrail, secret.guardrail])
    await settle()
    expect(onTrip).toHaveBeenCalledOnce()
    expect(onTrip).toHaveBeenCalledWith(
      'item_1',
      [
        {
          guardrail: { name: 'no_secret' },
          agentOutput: 'the secret is 42',
          output: { tripwireTriggered: true, outputInfo: { word: 'secret' } },
        },
      ],
      'the secret is 42',
    )
  })

  it('does not trip when no guardrail tripped', async () => {
    const { guardrail, seen } = tripOn('secret')
    const { check, onTrip } = monitor(1)
    check('item_1', 'all fine', true, [guardrail])
    await settle()
    expect(seen).toEqual(['all fine'])
    expect(onTrip).not.toHaveBeenCalled()
  })

  it('trips an item once and stops checking it', async () => {
    const { guardrail, seen } = tripOn('secret')
    const { check, onTrip } = monitor(1)
    check('item_1', 'a secret', false, [guardrail])
    await settle()
    check('item_1', 'a secret, again', false, [guardrail])
    check('item_1', 'a secret, again and again', true, [guardrail])
    await settle()
    expect(seen).toEqual(['a secret'])
    expect(onTrip).toHaveBeenCalledOnce()
  })

  it('trips once when two checks of an item trip while both are still running', async () => {
    const slow: OutputGuardrail<unknown> = {
      name: 'slow',
      execute: async () => {
        await settle()
        return { tripwireTriggered: true }
      },
    }
    const { check, onTrip } = monitor(1)
    check('item_1', 'a', false, [slow])
    check('item_1', 'ab', true, [slow])
    await settle()
    await settle()
    expect(onTrip).toHaveBeenCalledOnce()
    expect(onTrip.mock.calls[0]?.[2]).toBe('a')
  })

  it('reports a guardrail that throws as guardrail_failed and still trips on the others', async () => {
    const cause = new Error('model unavailable')
    const broken: OutputGuardrail<unknown> = {
      name: 'moderation',
      execute: () => {
        throw cause
      },
    }
    const secret = tripOn('secret')
    const { check, onTrip, errors } = monitor(1)
    check('item_1', 'the secret', true, [broken, secret.guardrail])
    await settle()
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({
      code: 'guardrail_failed',
      message: 'Output guardrail "moderation" threw: model unavailable',
      cause,
    })
    expect(onTrip).toHaveBeenCalledOnce()
    expect(onTrip.mock.calls[0]?.[1]).toHaveLength(1)
  })

  it('does not trip when the only guardrail throws', async () => {
    const { check, onTrip, errors } = monitor(1)
    check('item_1', 'text', true, [{ name: 'broken', execute: () => Promise.reject(new Error('down')) }])
    await settle()
    expect(errors).toHaveLength(1)
    expect(onTrip).not.toHaveBeenCalled()
  })

  it('checks the whole text so far when guardrails appear mid-item (a handoff to a guarded agent)', async () => {
    const { guardrail, seen } = tripOn('secret')
    const { check } = monitor(5)
    check('item_1', 'abcdefgh', false, [])
    check('item_1', 'abcdefghi', false, [guardrail])
    await settle()
    expect(seen).toEqual(['abcdefghi'])
  })

  it('after forget(), checks a finished item afresh', async () => {
    const { guardrail, seen } = tripOn('secret')
    const { check, forget } = monitor(5)
    check('item_1', 'hello', true, [guardrail])
    forget('item_1')
    check('item_1', 'hello', true, [guardrail])
    forget('item_unknown')
    await settle()
    expect(seen).toEqual(['hello', 'hello'])
  })

  it('remembers a tripped item through forget(), so it never trips again', async () => {
    const { guardrail, seen } = tripOn('secret')
    const { check, forget, onTrip } = monitor(1)
    check('item_1', 'a secret', true, [guardrail])
    await settle()
    forget('item_1')
    check('item_1', 'another secret', true, [guardrail])
    await settle()
    expect(seen).toEqual(['a secret'])
    expect(onTrip).toHaveBeenCalledOnce()
  })
})
