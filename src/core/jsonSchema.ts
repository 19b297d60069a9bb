import { isRecord } from './guards'

/** Problems with a value, as `path: message` lines; empty when it is valid. */
export type CompiledJsonSchema = (value: unknown) => string[]

// Keywords that say nothing about validity.
const ANNOTATIONS = [
  'title',
  'description',
  'default',
  'examples',
  '$schema',
  '$comment',
  'deprecated',
  'readOnly',
  'writeOnly',
  '$defs',
  'definitions',
]
// What function-calling schemas use (zod's and the Realtime API's strict subset): validated here.
const KEYWORDS = new Set([
  ...ANNOTATIONS,
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'const',
  'anyOf',
  '$ref',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
])

// Each numeric bound: how a number fails it, and the words that say what it must be.
const BOUNDS: [string, (value: number, limit: number) => boolean, string][] = [
  ['minimum', (v, l) => v < l, '>='],
  ['maximum', (v, l) => v > l, '<='],
  ['exclusiveMinimum', (v, l) => v <= l, '>'],
  ['exclusiveMaximum', (v, l) => v >= l, '<'],
]
// Size limits: string lengths count code points, as JSON Schema does; item counts are array lengths.
const SIZES = ['minLength', 'maxLength', 'minItems', 'maxItems']
const sizeOf = (key: string, value: unknown) =>
  key.endsWith('Length')
    ? typeof value === 'string'
      ? [...value].length
      : undefined
    : Array.isArray(value)
      ? value.length
      : undefined

function hasType(value: unknown, type: unknown): boolean {
  if (type === 'integer') return Number.isInteger(value)
  return (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value) === type
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a))
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => equal(item, b[i]))
  if (!isRecord(a) || !isRecord(b)) return false
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((key) => key in b && equal(a[key], b[key]))
}

const show = (value: unknown) => JSON.stringify(value)
const at = (path: string, key: string | number) => (path ? `${path}/${key}` : String(key))

/**
 * Prepares a tool's JSON Schema once (keywords checked, `$ref`s resolved, patterns compiled) into a
 * check for the keywords function-calling schemas use. Returns undefined for a schema with any
 * other keyword (`format`, `oneOf`, `if`, ...): a full validator takes those.
 */
export function compileJsonSchema(root: Record<string, unknown>): CompiledJsonSchema | undefined {
  const refs = new Map<string, unknown>()
  const patterns = new Map<string, RegExp>()
  const seen = new Set<unknown>()

  function resolve(ref: string): unknown {
    const match = /^#(?:\/(\$defs|definitions)\/([^/]+))?$/.exec(ref)
    if (!match) return undefined
    const container = match[1] ? root[match[1]] : undefined
    return match[1] ? (isRecord(container) ? container[match[2]!] : undefined) : root
  }

  // Every subschema, once (a recursive `$ref` meets a schema already seen).
  function supported(schema: unknown): boolean {
    if (typeof schema === 'boolean' || seen.has(schema)) return true
    if (!isRecord(schema) || Object.keys(schema).some((key) => !KEYWORDS.has(key))) return false
    seen.add(schema)
    const { $ref: ref, pattern, properties, anyOf, items, additionalProperties } = schema
    if (ref !== undefined) {
      const target = resolve(String(ref))
      if (target === undefined || !supported(target)) return false
      refs.set(String(ref), target)
    }
    if (typeof pattern === 'string') {
      try {
        patterns.set(pattern, new RegExp(pattern, 'u'))
      } catch {
        return false // a pattern JavaScript cannot read: the full validator decides what it means
      }
    }
    const subschemas = [
      ...Object.values(isRecord(properties) ? properties : {}),
      ...(Array.isArray(anyOf) ? anyOf : []),
      items ?? true,
      additionalProperties ?? true,
    ]
    return subschemas.every(supported)
  }

  function check(schema: unknown, value: unknown, path: string, errors: string[]): void {
    const fail = (message: string) => void errors.push(`${path || '(root)'}: ${message}`)
    if (schema === false) return fail('is not allowed')
    if (!isRecord(schema)) return
    const s = schema
    if (s.$ref !== undefined) check(refs.get(String(s.$ref)), value, path, errors)
    if (s.type !== undefined) {
      const types = [s.type].flat()
      if (!types.some((type) => hasType(value, type))) fail(`must be of type ${types.map(show).join(' or ')}`)
    }
    if (Array.isArray(s.enum) && !s.enum.some((option) => equal(value, option)))
      fail(`must be one of ${s.enum.map(show).join(', ')}`)
    if ('const' in s && !equal(value, s.const)) fail(`must be ${show(s.const)}`)
    if (Array.isArray(s.anyOf) && !s.anyOf.some((option) => validate(option, value, path).length === 0))
      fail('matches none of the allowed schemas')
    if (isRecord(value)) {
      const properties = isRecord(s.properties) ? s.properties : {}
      for (const key of Array.isArray(s.required) ? s.required.map(String) : [])
        if (!(key in value)) fail(`must have required property ${show(key)}`)
      for (const [key, sub] of Object.entries(properties))
        if (key in value) check(sub, value[key], at(path, key), errors)
      if (s.additionalProperties !== undefined)
        for (const key of Object.keys(value)) {
          if (key in properties) continue
          if (s.additionalProperties === false) errors.push(`${at(path, key)}: is not an allowed property`)
          else check(s.additionalProperties, value[key], at(path, key), errors)
        }
    }
    for (const [key, fails, words] of BOUNDS) {
      const limit = s[key]
      if (typeof limit === 'number' && typeof value === 'number' && fails(value, limit))
        fail(`must be ${words} ${limit}`)
    }
    for (const key of SIZES) {
      const limit = s[key]
      // Only a schema with the limit counts: a string's code points are not counted for nothing.
      if (typeof limit !== 'number') continue
      const size = sizeOf(key, value)
      if (size !== undefined && (key.startsWith('min') ? size < limit : size > limit))
        fail(`${key} is ${limit}`)
    }
    if (typeof s.pattern === 'string' && typeof value === 'string' && !patterns.get(s.pattern)!.test(value))
      fail(`must match ${show(s.pattern)}`)
    if (s.items !== undefined && Array.isArray(value))
      for (const [i, entry] of value.entries()) check(s.items, entry, at(path, i), errors)
  }

  function validate(schema: unknown, value: unknown, path = ''): string[] {
    const errors: string[] = []
    check(schema, value, path, errors)
    return errors
  }

  return supported(root) ? (value) => validate(root, value) : undefined
}
