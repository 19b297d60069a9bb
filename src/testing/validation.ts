import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import { liveComponents } from './liveSchema'
import schemas from './schemas/realtime-schemas.json' with { type: 'json' }

/**
 * What a check holds an event to. `official`: the published schemas as they are. `live` (the
 * default): the schemas corrected by what the live API sends and accepts (its `null`s, its extra
 * fields; see `LIVE_OVERRIDES`). `closed`: `live`, and no field beyond the ones the schemas and the
 * live API have: the check that a simulator says nothing the real server would not.
 */
export type ValidationMode = 'official' | 'live' | 'closed'

/** The spec is OpenAPI 3.1 with 3.0's `nullable` in places; JSON Schema says "or null" with a union. */
function withoutNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutNullable)
  if (typeof node !== 'object' || node === null) return node
  const { nullable, ...rest } = node as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(rest))
    out[key] = key === 'x-oaiMeta' ? value : withoutNullable(value)
  if (nullable !== true) return out
  if (typeof out.type === 'string') return { ...out, type: [out.type, 'null'] }
  return { anyOf: [out, { type: 'null' }] }
}
const ajvs = new Map<ValidationMode, Ajv2020>()
const compiled = new Map<string, ValidateFunction>()

function ajvFor(mode: ValidationMode): Ajv2020 {
  let ajv = ajvs.get(mode)
  if (!ajv) {
    ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: false })
    const components =
      mode === 'official'
        ? schemas.components
        : liveComponents(schemas.components, { closed: mode === 'closed' })
    ajv.addSchema({ $id: mode, components: withoutNullable(components) }, mode)
    ajvs.set(mode, ajv)
  }
  return ajv
}

/**
 * A validator for one schema of the Realtime API spec (`RealtimeClientEvent`, ...), compiled on
 * first use: a check pays only for the event types it meets.
 */
export function schemaValidator(name: string, mode: ValidationMode = 'live'): ValidateFunction {
  const key = `${mode}:${name}`
  let validate = compiled.get(key)
  if (!validate) {
    validate = ajvFor(mode).compile({ $ref: `${mode}#/components/schemas/${name}` })
    compiled.set(key, validate)
  }
  return validate
}

/** Names of every schema in the spec file (for tests that walk them). */
export const realtimeSchemas = schemas.components.schemas as unknown as Record<
  string,
  { 'x-oaiMeta'?: { example?: string }; [key: string]: unknown }
>

/** Checks a value against a named schema; returns a readable reason or null when it conforms. */
export function checkAgainstSchema(
  name: string,
  value: unknown,
  mode: ValidationMode = 'live',
): string | null {
  const validate = schemaValidator(name, mode)
  if (validate(value)) return null
  const error = validate.errors?.[0]
  if (!error) return 'is invalid'
  const extra =
    error.keyword === 'additionalProperties' ? ` ('${String(error.params.additionalProperty)}')` : ''
  return `${error.instancePath || '(root)'} ${error.message ?? 'is invalid'}${extra}`
}

function eventSchemaNames(union: 'RealtimeClientEvent' | 'RealtimeServerEvent'): Map<string, string> {
  const map = new Map<string, string>()
  const refs = (realtimeSchemas[union] as { anyOf: { $ref: string }[] }).anyOf
  for (const { $ref } of refs) {
    const name = $ref.split('/').at(-1)!
    const typeSchema = (
      realtimeSchemas[name] as { properties?: { type?: { enum?: string[]; const?: string } } }
    ).properties?.type
    const type = typeSchema?.const ?? typeSchema?.enum?.[0]
    if (type) map.set(type, name)
  }
  return map
}

const eventSchemas = { client: new Map<string, string>(), server: new Map<string, string>() }

/** Why an event fails its schema, in the terms the live API's `error` events use. */
export interface EventProblem {
  /** A readable reason naming the event type and the field at fault. */
  reason: string
  kind: 'missing_type' | 'unknown_type' | 'unknown_parameter' | 'invalid_type' | 'invalid_value'
  /** The field at fault as the API names it (`session.audio.input.format`), or null. */
  param: string | null
  /** The value at fault, when the check names one. */
  value?: unknown
  /** The values allowed there, for an enum. */
  allowed?: readonly unknown[]
  /** The JSON type expected there, for a type mismatch. */
  expected?: string
}

function paramOf(path: string, extra?: string): string | null {
  const steps = path.split('/').filter(Boolean)
  if (extra) steps.push(extra)
  if (steps.length === 0) return null
  return steps.reduce(
    (name, step) => (/^\d+$/.test(step) ? `${name}[${step}]` : name ? `${name}.${step}` : step),
    '',
  )
}

function valueAt(event: unknown, path: string): unknown {
  let value = event
  for (const step of path.split('/').filter(Boolean))
    value = typeof value === 'object' && value !== null ? Reflect.get(value, step) : undefined
  return value
}

/** The event types of one direction, in the spec's order. */
export function eventTypes(direction: 'client' | 'server'): string[] {
  return [...namesOf(direction).keys()]
}

function namesOf(direction: 'client' | 'server'): Map<string, string> {
  const names = eventSchemas[direction]
  if (names.size === 0) {
    for (const [k, v] of eventSchemaNames(
      direction === 'client' ? 'RealtimeClientEvent' : 'RealtimeServerEvent',
    ))
      names.set(k, v)
  }
  return names
}

/**
 * Checks a client or server event against the schema of its own `type` (so the reason names the
 * field at fault), in `mode` (default `live`: what the live API sends and accepts); returns null
 * when it conforms.
 */
export function eventProblem(
  direction: 'client' | 'server',
  event: unknown,
  mode: ValidationMode = 'live',
): EventProblem | null {
  const type = typeof event === 'object' && event !== null ? Reflect.get(event, 'type') : undefined
  if (typeof type !== 'string')
    return { reason: "The 'type' field is missing.", kind: 'missing_type', param: 'type' }
  const name = namesOf(direction).get(type)
  if (!name)
    return {
      reason: `Unknown ${direction} event type '${type}'.`,
      kind: 'unknown_type',
      param: 'type',
      value: type,
      allowed: eventTypes(direction),
    }
  const validate = schemaValidator(name, mode)
  if (validate(event)) return null
  const error = validate.errors?.[0]
  if (!error) return { reason: `Invalid '${type}'.`, kind: 'invalid_value', param: null }
  const path = error.instancePath
  const reason = `Invalid '${type}': ${path || '(root)'} ${error.message ?? 'is invalid'}`
  if (error.keyword === 'additionalProperties') {
    const field = String(error.params.additionalProperty)
    return { reason: `${reason} ('${field}').`, kind: 'unknown_parameter', param: paramOf(path, field) }
  }
  const param = paramOf(path)
  const value = valueAt(event, path)
  if (error.keyword === 'enum' || error.keyword === 'const') {
    const allowed: unknown[] = error.params.allowedValues ?? [error.params.allowedValue]
    return { reason: `${reason}.`, kind: 'invalid_value', param, value, allowed }
  }
  if (error.keyword === 'type')
    return { reason: `${reason}.`, kind: 'invalid_type', param, value, expected: String(error.params.type) }
  return { reason: `${reason}.`, kind: 'invalid_value', param, value }
}

/**
 * Checks a client or server event against the schema of its own `type`, in `mode` (default
 * `live`); returns a readable reason, or null when it conforms.
 */
export function checkEvent(
  direction: 'client' | 'server',
  event: unknown,
  mode: ValidationMode = 'live',
): string | null {
  return eventProblem(direction, event, mode)?.reason ?? null
}
