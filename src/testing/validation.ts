import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import { AJV_OPTIONS, eventSchemaNames, schemaDocument, type ValidationMode } from './schemaDocument'
import * as precompiledValidators from './schemas/clientValidators.generated.js'
import schemas from './schemas/realtime-schemas.json' with { type: 'json' }

export type { ValidationMode } from './schemaDocument'

const ajvs = new Map<ValidationMode, Ajv2020>()
const compiled = new Map<string, ValidateFunction>()

function ajvFor(mode: ValidationMode): Ajv2020 {
  let ajv = ajvs.get(mode)
  if (!ajv) {
    ajv = new Ajv2020(AJV_OPTIONS)
    ajv.addSchema(schemaDocument(mode))
    ajvs.set(mode, ajv)
  }
  return ajv
}

/**
 * A validator for one schema of the Realtime API spec (`RealtimeClientEvent`, ...). The simulator's
 * own check (client events, closed) was compiled at build time (`npm run generate:validators`), so
 * a simulator in a page does not stall on its first event; the rest compile on first use, per type.
 */
export function schemaValidator(name: string, mode: ValidationMode = 'live'): ValidateFunction {
  const key = `${mode}:${name}`
  let validate = compiled.get(key)
  if (!validate) {
    validate =
      (mode === 'closed' ? precompiledClient[name] : undefined) ??
      ajvFor(mode).compile({ $ref: `${mode}#/components/schemas/${name}` })
    compiled.set(key, validate)
  }
  return validate
}

const precompiledClient: Partial<Record<string, ValidateFunction>> = precompiledValidators

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

/** The name of the schema of an event type, or undefined for an unknown type. */
export function eventSchemaName(direction: 'client' | 'server', type: string): string | undefined {
  return namesOf(direction).get(type)
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
