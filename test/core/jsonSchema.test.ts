import { Validator } from '@cfworker/json-schema'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileJsonSchema } from '../../src/core/jsonSchema'

const compile = (schema: Record<string, unknown>) => {
  const check = compileJsonSchema(schema)
  if (!check) throw new Error('schema not compiled')
  return check
}

describe('compileJsonSchema', () => {
  const weather = compile({
    type: 'object',
    properties: {
      city: { type: 'string', minLength: 1 },
      unit: { enum: ['c', 'f'] },
      days: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 7 }, maxItems: 2 },
      note: { anyOf: [{ type: 'string' }, { type: 'null' }] },
    },
    required: ['city'],
    additionalProperties: false,
  })

  it('accepts valid arguments', () => {
    expect(weather({ city: 'Tokyo', unit: 'c', days: [1, 2], note: null })).toEqual([])
  })

  it('names each field at fault', () => {
    expect(weather({ unit: 'k', days: [0, 1.5, 3], extra: 1, note: 3 })).toEqual([
      '(root): must have required property "city"',
      'unit: must be one of "c", "f"',
      'days: maxItems is 2',
      'days/0: must be >= 1',
      'days/1: must be of type "integer"',
      'note: matches none of the allowed schemas',
      'extra: is not an allowed property',
    ])
  })

  it('follows $ref into $defs, recursively', () => {
    const tree = compile({
      $ref: '#/$defs/node',
      $defs: {
        node: {
          type: 'object',
          properties: { children: { type: 'array', items: { $ref: '#/$defs/node' } } },
        },
      },
    })
    expect(tree({ children: [{ children: [] }] })).toEqual([])
    expect(tree({ children: [{ children: [1] }] })).toEqual([
      'children/0/children/0: must be of type "object"',
    ])
  })

  it.each([
    { type: 'string', format: 'email' },
    { oneOf: [{ type: 'string' }] },
    { type: 'object', patternProperties: { '^x': {} } },
    { $ref: 'https://example.com/schema' },
    { type: 'object', if: { required: ['a'] }, else: { required: ['b'] } },
    { type: 'string', pattern: '(?<' },
  ])('leaves a schema beyond function-calling keywords to the full validator: %j', (schema) => {
    expect(compileJsonSchema(schema)).toBeUndefined()
  })
})

// The compiled check agrees with a full JSON Schema validator on every schema it compiles.
const small = fc.oneof(
  fc.constantFrom('', 'a', 'ab', 'abc', 'b', 'ba', 'äö'),
  fc.integer({ min: -6, max: 6 }),
  fc.constantFrom(1.5, -0.5),
  fc.boolean(),
  fc.constant(null),
)
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    small,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), tie('value'), { maxKeys: 4 }),
  ),
}))
const bound = fc.integer({ min: -5, max: 5 })
const leaf = fc.oneof(
  fc.record({ type: fc.constantFrom('string', 'number', 'integer', 'boolean', 'null', 'object', 'array') }),
  fc.record({ type: fc.array(fc.constantFrom('string', 'integer', 'null'), { minLength: 1, maxLength: 2 }) }),
  fc.record(
    {
      type: fc.constant('string'),
      minLength: fc.nat(3),
      maxLength: fc.nat(4),
      pattern: fc.constantFrom('^a', 'b$', '^[a-c]*$'),
    },
    { requiredKeys: ['type'] },
  ),
  fc.record(
    {
      type: fc.constantFrom('number', 'integer'),
      minimum: bound,
      maximum: bound,
      exclusiveMinimum: bound,
      exclusiveMaximum: bound,
    },
    { requiredKeys: ['type'] },
  ),
  fc.record({ enum: fc.array(small, { minLength: 1, maxLength: 3 }) }),
  fc.record({ const: value }),
  fc.boolean(),
)
const { schema } = fc.letrec<{ schema: unknown; object: unknown; array: unknown; anyOf: unknown }>((tie) => ({
  schema: fc.oneof({ depthSize: 'small' }, leaf, tie('object'), tie('array'), tie('anyOf')),
  object: fc.record(
    {
      type: fc.constant('object'),
      properties: fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('schema'), { maxKeys: 3 }),
      required: fc.subarray(['a', 'b', 'c']),
      additionalProperties: tie('schema'),
    },
    { requiredKeys: ['type'] },
  ),
  array: fc.record(
    { type: fc.constant('array'), items: tie('schema'), minItems: fc.nat(2), maxItems: fc.nat(3) },
    { requiredKeys: ['type'] },
  ),
  anyOf: fc.record({ anyOf: fc.array(tie('schema'), { minLength: 1, maxLength: 3 }) }),
}))

describe('compileJsonSchema against a full validator', () => {
  it('agrees on validity for generated schemas and values', () => {
    fc.assert(
      fc.property(schema, fc.array(value, { minLength: 1, maxLength: 8 }), (s, values) => {
        const root = typeof s === 'boolean' ? { anyOf: [s] } : (s as Record<string, unknown>)
        const check = compile(root)
        const full = new Validator(root as never, '2020-12', false)
        for (const v of values) expect(check(v).length === 0).toBe(full.validate(v).valid)
      }),
      { numRuns: 400, seed: 1 },
    )
  })
})
