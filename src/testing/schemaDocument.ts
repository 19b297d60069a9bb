import { liveComponents } from './liveSchema'
import schemas from './schemas/realtime-schemas.json' with { type: 'json' }

/**
 * What a check holds an event to. `official`: the published schemas as they are. `live` (the
 * default): the schemas corrected by what the live API sends and accepts (its `null`s, its extra
 * fields; see `LIVE_OVERRIDES`). `closed`: `live`, and no field beyond the ones the schemas and the
 * live API have: the check that a simulator says nothing the real server would not.
 */
export type ValidationMode = 'official' | 'live' | 'closed'

/** Options of every validator, the precompiled ones' included (the generator adds `code`). */
export const AJV_OPTIONS = { strict: false, allErrors: false, validateFormats: false } as const

/** Annotations that do not change what validates: left out of the validators (and their generated code). */
const ANNOTATIONS = new Set(['description', 'title', 'x-oaiMeta', 'examples', 'example', 'deprecated'])

/**
 * The spec is OpenAPI 3.1 with 3.0's `nullable` in places; JSON Schema says "or null" with a union.
 * Annotations go (not inside `properties`, where they would be field names).
 */
function withoutNullable(node: unknown, fieldNames = false): unknown {
  if (Array.isArray(node)) return node.map((child) => withoutNullable(child))
  if (typeof node !== 'object' || node === null) return node
  const { nullable, ...rest } = node as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(rest)) {
    if (!fieldNames && ANNOTATIONS.has(key)) continue
    out[key] = withoutNullable(value, !fieldNames && (key === 'properties' || key === 'schemas'))
  }
  if (fieldNames) return out
  if (nullable !== true) return out
  if (typeof out.type === 'string') return { ...out, type: [out.type, 'null'] }
  return { anyOf: [out, { type: 'null' }] }
}
/** The schema document of a mode, as ajv reads it (`$id` is the mode). */
export function schemaDocument(mode: ValidationMode) {
  const components =
    mode === 'official'
      ? schemas.components
      : liveComponents(schemas.components, { closed: mode === 'closed' })
  return { $id: mode, components: withoutNullable(components) }
}

/** Event type to schema name, for one of the spec's event unions. */
export function eventSchemaNames(union: 'RealtimeClientEvent' | 'RealtimeServerEvent'): Map<string, string> {
  const map = new Map<string, string>()
  const all: Record<string, unknown> = schemas.components.schemas
  const refs = (all[union] as { anyOf: { $ref: string }[] }).anyOf
  for (const { $ref } of refs) {
    const name = $ref.split('/').at(-1)!
    const typeSchema = (all[name] as { properties?: { type?: { enum?: string[]; const?: string } } })
      .properties?.type
    const type = typeSchema?.const ?? typeSchema?.enum?.[0]
    if (type) map.set(type, name)
  }
  return map
}
