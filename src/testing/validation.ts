import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import schemas from './schemas/realtime-schemas.json' with { type: 'json' }

const ID = 'realtime-schemas.json'

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
let ajv: Ajv2020 | undefined
const compiled = new Map<string, ValidateFunction>()

/** A validator for one schema of the official Realtime API spec (`RealtimeClientEvent`, ...). */
export function schemaValidator(name: string): ValidateFunction {
  let validate = compiled.get(name)
  if (!validate) {
    if (!ajv) {
      ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: false })
      ajv.addSchema({ $id: ID, components: withoutNullable(schemas.components) }, ID)
    }
    validate = ajv.compile({ $ref: `${ID}#/components/schemas/${name}` })
    compiled.set(name, validate)
  }
  return validate
}

/** Names of every schema in the spec file (for tests that walk them). */
export const realtimeSchemas = schemas.components.schemas as unknown as Record<
  string,
  { 'x-oaiMeta'?: { example?: string }; [key: string]: unknown }
>

/** Checks a value against a named schema; returns a readable reason or null when it conforms. */
export function checkAgainstSchema(name: string, value: unknown): string | null {
  const validate = schemaValidator(name)
  if (validate(value)) return null
  const error = validate.errors?.[0]
  return error ? `${error.instancePath || '(root)'} ${error.message ?? 'is invalid'}` : 'is invalid'
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

/**
 * Checks a client or server event against the schema of its own `type` (so the reason names the
 * field at fault); returns null when it conforms.
 */
export function checkEvent(direction: 'client' | 'server', event: unknown): string | null {
  const names = eventSchemas[direction]
  if (names.size === 0) {
    for (const [k, v] of eventSchemaNames(
      direction === 'client' ? 'RealtimeClientEvent' : 'RealtimeServerEvent',
    ))
      names.set(k, v)
  }
  const type = (event as { type?: unknown } | null)?.type
  if (typeof type !== 'string') return "The 'type' field is missing."
  const name = names.get(type)
  if (!name) return `Unknown ${direction} event type '${type}'.`
  const reason = checkAgainstSchema(name, event)
  return reason === null ? null : `Invalid '${type}': ${reason}.`
}
