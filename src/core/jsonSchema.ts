import { isRecord } from './guards'

/** Checks a value at a path and adds what is wrong with it to `errors`. */
type Check = (value: unknown, path: string, errors: string[]) => void

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

class Unsupported extends Error {}

function typeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

function hasType(value: unknown, type: unknown): boolean {
  if (type === 'integer') return Number.isInteger(value)
  return typeOf(value) === type
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a))
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => equal(item, b[i]))
  if (!isRecord(a) || !isRecord(b) || Array.isArray(b)) return false
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((key) => key in b && equal(a[key], b[key]))
}

function regExp(source: string): RegExp {
  try {
    return new RegExp(source, 'u')
  } catch {
    // A pattern JavaScript cannot read: the full validator decides what it means.
    throw new Unsupported()
  }
}

const show = (value: unknown) => JSON.stringify(value)
const at = (path: string, key: string | number) => (path ? `${path}/${key}` : String(key))

/**
 * Compiles a tool's JSON Schema once into a check, for the keywords function-calling schemas use.
 * Returns undefined for a schema with any other keyword (`format`, `oneOf`, `if`, ...): a full
 * validator takes those.
 */
export function compileJsonSchema(root: Record<string, unknown>): CompiledJsonSchema | undefined {
  const refs = new Map<string, Check>()

  function resolveRef(ref: string): Check {
    let check = refs.get(ref)
    if (check) return check
    const match = /^#(?:\/(\$defs|definitions)\/([^/]+))?$/.exec(ref)
    if (!match) throw new Unsupported()
    const container = match[1] ? root[match[1]] : undefined
    const target = match[1] ? (isRecord(container) ? container[match[2]!] : undefined) : root
    if (target === undefined) throw new Unsupported()
    // Registered before compiling, so a recursive schema refers to itself.
    let compiled: Check | undefined
    check = (value, path, errors) => compiled!(value, path, errors)
    refs.set(ref, check)
    compiled = compile(target)
    return check
  }

  function compile(schema: unknown): Check {
    if (schema === true) return () => {}
    if (schema === false) return (_, path, errors) => void errors.push(`${path || '(root)'}: is not allowed`)
    if (!isRecord(schema) || Object.keys(schema).some((key) => !KEYWORDS.has(key))) throw new Unsupported()
    const checks: Check[] = []
    const add = (check: Check) => checks.push(check)
    const s = schema

    if (s.$ref !== undefined) add(resolveRef(String(s.$ref)))
    if (s.type !== undefined) {
      const types = Array.isArray(s.type) ? s.type : [s.type]
      add((value, path, errors) => {
        if (!types.some((type) => hasType(value, type)))
          errors.push(`${path || '(root)'}: must be of type ${types.map(show).join(' or ')}`)
      })
    }
    if (Array.isArray(s.enum)) {
      const options = s.enum
      add((value, path, errors) => {
        if (!options.some((option) => equal(value, option)))
          errors.push(`${path || '(root)'}: must be one of ${options.map(show).join(', ')}`)
      })
    }
    if ('const' in s)
      add((value, path, errors) => {
        if (!equal(value, s.const)) errors.push(`${path || '(root)'}: must be ${show(s.const)}`)
      })
    if (Array.isArray(s.anyOf)) {
      const options = s.anyOf.map(compile)
      add((value, path, errors) => {
        if (!options.some((option) => check(option, value, path).length === 0))
          errors.push(`${path || '(root)'}: matches none of the allowed schemas`)
      })
    }
    addObjectChecks(s, add)
    addScalarChecks(s, add)
    if (s.items !== undefined) {
      const item = compile(s.items)
      add((value, path, errors) => {
        if (!Array.isArray(value)) return
        for (const [i, entry] of value.entries()) item(entry, at(path, i), errors)
      })
    }
    return (value, path, errors) => {
      for (const check of checks) check(value, path, errors)
    }
  }

  function addObjectChecks(s: Record<string, unknown>, add: (check: Check) => void): void {
    const properties = isRecord(s.properties) ? s.properties : {}
    const compiled = Object.entries(properties).map(([key, sub]) => [key, compile(sub)] as const)
    const required = Array.isArray(s.required) ? s.required.map(String) : []
    const extra = s.additionalProperties === undefined ? undefined : compile(s.additionalProperties)
    add((value, path, errors) => {
      if (!isRecord(value) || Array.isArray(value)) return
      for (const key of required)
        if (!(key in value)) errors.push(`${path || '(root)'}: must have required property ${show(key)}`)
      for (const [key, check] of compiled) if (key in value) check(value[key], at(path, key), errors)
      if (!extra) return
      for (const key of Object.keys(value)) {
        if (key in properties) continue
        if (s.additionalProperties === false) errors.push(`${at(path, key)}: is not an allowed property`)
        else extra(value[key], at(path, key), errors)
      }
    })
  }

  function addScalarChecks(s: Record<string, unknown>, add: (check: Check) => void): void {
    const num = (key: string, fails: (value: number, limit: number) => boolean, words: string) => {
      const limit = s[key]
      if (typeof limit !== 'number') return
      add((value, path, errors) => {
        if (typeof value === 'number' && fails(value, limit))
          errors.push(`${path || '(root)'}: must be ${words} ${limit}`)
      })
    }
    num('minimum', (v, l) => v < l, '>=')
    num('maximum', (v, l) => v > l, '<=')
    num('exclusiveMinimum', (v, l) => v <= l, '>')
    num('exclusiveMaximum', (v, l) => v >= l, '<')
    const size = (
      key: string,
      of: (value: unknown) => number | undefined,
      fails: (n: number, l: number) => boolean,
    ) => {
      const limit = s[key]
      if (typeof limit !== 'number') return
      add((value, path, errors) => {
        const n = of(value)
        if (n !== undefined && fails(n, limit)) errors.push(`${path || '(root)'}: ${key} is ${limit}`)
      })
    }
    // String lengths count code points, as JSON Schema does.
    const length = (value: unknown) => (typeof value === 'string' ? [...value].length : undefined)
    const items = (value: unknown) => (Array.isArray(value) ? value.length : undefined)
    size('minLength', length, (n, l) => n < l)
    size('maxLength', length, (n, l) => n > l)
    size('minItems', items, (n, l) => n < l)
    size('maxItems', items, (n, l) => n > l)
    if (typeof s.pattern === 'string') {
      const pattern = regExp(s.pattern)
      add((value, path, errors) => {
        if (typeof value === 'string' && !pattern.test(value))
          errors.push(`${path || '(root)'}: must match ${show(s.pattern)}`)
      })
    }
  }

  function check(compiled: Check, value: unknown, path = ''): string[] {
    const errors: string[] = []
    compiled(value, path, errors)
    return errors
  }

  try {
    const compiled = compile(root)
    return (value) => check(compiled, value)
  } catch (error) {
    if (error instanceof Unsupported) return undefined
    throw error
  }
}
