import { describe, expect, expectTypeOf, it, vi } from 'vitest'
import { z } from 'zod'
import { tool } from '../../src/core'

const details = (signal = new AbortController().signal) => ({
  callId: 'c1',
  agentName: 'A',
  runContext: { context: undefined },
  signal,
})

describe('tool()', () => {
  const weather = tool({
    name: 'get_weather',
    description: 'Weather in a city',
    parameters: z.object({ city: z.string().min(1), unit: z.enum(['c', 'f']).default('c') }),
    execute: async ({ city, unit }) => ({ city, unit, sky: 'sunny' }),
  })

  it('types execute from a zod schema and describes it as JSON Schema', () => {
    tool({
      name: 't',
      description: 'd',
      parameters: z.object({ n: z.number() }),
      execute: (args) => {
        expectTypeOf(args).toEqualTypeOf<{ n: number }>()
        return args.n
      },
    })
    expect(weather.parameters).toMatchObject({
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
    })
    expect(weather.parameters).not.toHaveProperty('$schema')
  })

  it('types execute from its annotation for plain JSON Schema, and keeps the schema as given', async () => {
    const parameters = {
      type: 'object' as const,
      properties: { a: { type: 'number' }, b: { type: 'number' } },
      required: ['a', 'b'],
    }
    const t = tool({
      name: 'add',
      description: 'adds',
      parameters,
      execute: ({ a, b }: { a: number; b: number }) => a + b,
    })
    tool({
      name: 'unannotated',
      description: 'd',
      parameters,
      execute: (args) => {
        expectTypeOf(args).toEqualTypeOf<Record<string, unknown>>()
        return 0
      },
    })
    expect(t.parameters).toEqual(parameters)
    expect(await t.invoke({ a: 1, b: 2 }, details())).toMatchObject({ ok: true, output: '3' })
  })

  it('parses, validates (applying defaults) and runs', async () => {
    const parsed = await weather.parseArguments('{"city":"Tokyo"}')
    expect(parsed).toEqual({ ok: true, args: { city: 'Tokyo', unit: 'c' } })
    const result = await weather.invoke({ city: 'Tokyo', unit: 'c' }, details())
    expect(result).toMatchObject({ ok: true, output: '{"city":"Tokyo","unit":"c","sky":"sunny"}' })
  })

  it('refuses bad JSON and arguments that fail the schema, naming the field', async () => {
    const bad = await weather.parseArguments('{city: Tokyo')
    expect(bad).toMatchObject({ ok: false, error: { code: 'tool_invalid_arguments' } })
    const invalid = await weather.parseArguments('{"city":""}')
    expect(invalid).toMatchObject({
      ok: false,
      error: { code: 'tool_invalid_arguments', message: expect.stringMatching(/: city: /) },
    })
  })

  it('validates plain JSON Schema arguments', async () => {
    const t = tool({
      name: 'add',
      description: 'adds',
      parameters: {
        type: 'object',
        properties: { a: { type: 'number' } },
        required: ['a'],
        additionalProperties: false,
      },
      execute: ({ a }: { a: number }) => a * 2,
    })
    expect(await t.parseArguments('{"a":2}')).toEqual({ ok: true, args: { a: 2 } })
    // The message names the field at fault: the missing `a`, the unexpected `b`, the mistyped `a`.
    expect(await t.parseArguments('{"b":2}')).toMatchObject({
      ok: false,
      error: {
        code: 'tool_invalid_arguments',
        message: expect.stringMatching(/required property "a".*; b: /),
      },
    })
    expect(await t.parseArguments('{"a":"two"}')).toMatchObject({
      ok: false,
      error: { code: 'tool_invalid_arguments', message: expect.stringMatching(/: a: .*"number"/) },
    })
  })

  it('takes empty arguments as {} for tools without parameters', async () => {
    const t = tool({ name: 'ping', description: 'ping', execute: () => 'pong' })
    expect(await t.parseArguments('')).toEqual({ ok: true, args: {} })
    expect((await t.parseArguments('{"x":1}')).ok).toBe(false)
  })

  it('turns a throw into an error result', async () => {
    const t = tool({
      name: 'boom',
      description: 'fails',
      execute: () => {
        throw new Error('disk on fire')
      },
    })
    const result = await t.invoke({}, details())
    expect(result).toMatchObject({ ok: false, error: { code: 'tool_execution_failed' } })
    expect(result.output).toContain('disk on fire')
  })

  it('abandons a call past its timeout and aborts its signal', async () => {
    vi.useFakeTimers()
    try {
      let seen: AbortSignal | undefined
      const t = tool({
        name: 'slow',
        description: 'hangs',
        timeoutMs: 1000,
        execute: (_args, { signal }) => {
          seen = signal
          return new Promise(() => {})
        },
      })
      const pending = t.invoke({}, details())
      await vi.advanceTimersByTimeAsync(1001)
      expect(await pending).toMatchObject({ ok: false, error: { code: 'tool_timeout' } })
      expect(seen?.aborted).toBe(true)
    } finally {
      vi.useRealTimers()
    }
  })

  it('reports values that cannot be sent to the model', async () => {
    const circular: Record<string, unknown> = {}
    circular.self = circular
    const t = tool({ name: 'circ', description: 'x', execute: () => circular })
    expect(await t.invoke({}, details())).toMatchObject({
      ok: false,
      error: { code: 'tool_execution_failed' },
    })
    const fn = tool({ name: 'fn', description: 'x', execute: () => ({ f: () => 1 }) })
    expect(await fn.invoke({}, details())).toMatchObject({ ok: false })
    const big = tool({ name: 'big', description: 'x', execute: () => ({ n: 10n }) })
    expect(await big.invoke({}, details())).toMatchObject({ ok: true, output: '{"n":"10"}' })
  })

  it('decides approval by flag or by function', async () => {
    const always = tool({ name: 'a', description: 'x', needsApproval: true, execute: () => 1 })
    const never = tool({ name: 'b', description: 'x', execute: () => 1 })
    const byArgs = tool({
      name: 'c',
      description: 'x',
      parameters: z.object({ amount: z.number() }),
      needsApproval: ({ amount }) => amount > 100,
      execute: () => 1,
    })
    expect(await always.needsApproval({}, details())).toBe(true)
    expect(await never.needsApproval({}, details())).toBe(false)
    expect(await byArgs.needsApproval({ amount: 500 }, details())).toBe(true)
    expect(await byArgs.needsApproval({ amount: 5 }, details())).toBe(false)
  })

  it('rejects invalid tool names up front', () => {
    expect(() => tool({ name: 'get weather', description: 'x', execute: () => 1 })).toThrow(/invalid/)
  })
})
