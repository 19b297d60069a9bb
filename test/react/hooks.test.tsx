import { act, renderHook } from '@testing-library/react'
import { beforeAll, describe, expect, it } from 'vitest'
import { RealtimeAgent, useAgentEvents, useLatency, useRealtimeSession, useUsage } from '../../src'
import { say } from '../../src/testing'
import { connected, lastAnswer, loadJsonSchemaValidator, simulator } from './helpers'

const sim = simulator()
beforeAll(loadJsonSchemaValidator)

describe('hooks', () => {
  it('useAgentEvents delivers the chosen types to the latest handler; useUsage and useLatency follow the session', async () => {
    const { client, server, wrapper } = await connected(sim, new RealtimeAgent({ name: 'H' }), {
      pace: 100,
      scenario: { turns: [{ replies: [say('Counted.')] }] },
    })
    const seen: string[] = []
    const { result, rerender } = renderHook(
      ({ tag }) => {
        useAgentEvents((e) => seen.push(`${tag}:${e.type}`), { types: ['audio_end'] })
        return { usage: useUsage(), latency: useLatency(), session: useRealtimeSession() }
      },
      { wrapper, initialProps: { tag: 'first' } },
    )
    rerender({ tag: 'second' })
    act(() => client.sendMessage('count'))
    await server.advance(99)
    expect(result.current.latency.turns).toEqual([]) // no answer yet
    await server.advance(1) // the first chunk of the answer, one pace after the message
    expect(result.current.latency.last).toBe(100)
    await server.runAll()
    expect(lastAnswer(client)).toBe('Counted.')
    expect(seen).toEqual(['second:audio_end'])
    const usage = server
      .serverEvents()
      .flatMap((e) =>
        e.type === 'response.done' ? [(e.response as { usage: { total_tokens: number } }).usage] : [],
      )
    expect(usage).toHaveLength(1)
    expect(result.current.usage.totalTokens).toBe(usage[0]!.total_tokens)
    expect(result.current.latency.turns).toEqual([{ turn: 1, latencyMs: 100 }])
    expect(result.current.session.status).toBe('listening')
  })
})
