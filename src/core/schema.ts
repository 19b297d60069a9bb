import { messageOf } from './errors'
import { isRecord } from './guards'
import { compileJsonSchema as compileToolSchema } from './jsonSchema'
import type { StandardJSONSchemaV1, StandardSchemaV1 } from './standardSchema'

/** A plain JSON Schema object describing a tool's arguments. */
export type JsonSchemaObject = { type: 'object'; [key: string]: unknown }

/** What a tool's `parameters` may be: a Standard Schema (zod, valibot, arktype, ...) or plain JSON Schema. */
export type ToolParameters = StandardSchemaV1 | JsonSchemaObject

/** The argument type `execute` receives for given parameters. */
export type InferToolArgs<P> = P extends StandardSchemaV1
  ? StandardSchemaV1.InferOutput<P>
  : Record<string, unknown>

export type ValidationResult = { ok: true; value: unknown } | { ok: false; message: string }

/** A tool's parameters resolved once: the JSON Schema sent to the model, and the validator run before `execute`. */
export interface CompiledSchema {
  jsonSchema: Record<string, unknown>
  validate(value: unknown): Promise<ValidationResult>
}

function isStandardSchema(value: unknown): value is StandardSchemaV1 {
  return typeof value === 'object' && value !== null && '~standard' in value
}

function hasJsonSchema(value: StandardSchemaV1): value is StandardSchemaV1 & StandardJSONSchemaV1 {
  const props: unknown = value['~standard']
  return isRecord(props) && isRecord(props.jsonSchema)
}

function formatIssues(issues: readonly StandardSchemaV1.Issue[]): string {
  return issues
    .map((issue) => {
      const path = (issue.path ?? [])
        .map((p) => (typeof p === 'object' ? String(p.key) : String(p)))
        .join('.')
      return path ? `${path}: ${issue.message}` : issue.message
    })
    .join('; ')
}

// A schema with keywords beyond function calling's goes to a full validator, loaded on first use,
// so apps whose schemas keep to those keywords (or whose tools use zod) never download it.
type CfValidator = import('@cfworker/json-schema').Validator
let validatorModule: Promise<typeof import('@cfworker/json-schema')> | undefined

function compileJsonSchema(schema: Record<string, unknown>): CompiledSchema['validate'] {
  const compiled = compileToolSchema(schema)
  if (compiled) {
    return async (value) => {
      const errors = compiled(value)
      return errors.length ? { ok: false, message: errors.slice(0, 5).join('; ') } : { ok: true, value }
    }
  }
  return fullValidator(schema)
}

function fullValidator(schema: Record<string, unknown>): CompiledSchema['validate'] {
  let validator: CfValidator | undefined
  return async (value) => {
    validatorModule ??= import('@cfworker/json-schema')
    const { Validator } = await validatorModule
    validator ??= new Validator(schema, '2020-12', false)
    const result = validator.validate(value)
    if (result.valid) return { ok: true, value }
    // The validator reports each failing keyword and its parents; the deepest ones say the most.
    const messages = result.errors
      .filter((e) => !e.error.startsWith('Property'))
      .map((e) => `${e.instanceLocation.replace(/^#\/?/, '') || '(root)'}: ${e.error}`)
    return {
      ok: false,
      message: (messages.length ? messages : result.errors.map((e) => e.error)).slice(0, 5).join('; '),
    }
  }
}

/** Resolves a tool's `parameters` (Standard Schema or JSON Schema) into a JSON Schema and a validator. */
export function compileParameters(
  // A tool without parameters takes an empty object.
  parameters: ToolParameters = { type: 'object', properties: {}, additionalProperties: false },
  toolName: string,
): CompiledSchema {
  if (isStandardSchema(parameters)) {
    if (!hasJsonSchema(parameters)) {
      throw new TypeError(
        `Tool "${toolName}": its parameters schema cannot describe itself as JSON Schema. Use a schema library that implements Standard JSON Schema (zod 4.2 or later does) or pass plain JSON Schema.`,
      )
    }
    const { $schema: _ignored, ...jsonSchema } = parameters['~standard'].jsonSchema.input({
      target: 'draft-2020-12',
    })
    return {
      jsonSchema,
      async validate(value) {
        try {
          const result = await parameters['~standard'].validate(value)
          return result.issues
            ? { ok: false, message: formatIssues(result.issues) }
            : { ok: true, value: result.value }
        } catch (error) {
          return { ok: false, message: messageOf(error) }
        }
      },
    }
  }
  if (typeof parameters !== 'object' || parameters === null || parameters.type !== 'object') {
    throw new TypeError(
      `Tool "${toolName}": parameters must be a Standard Schema or a JSON Schema with type "object".`,
    )
  }
  return { jsonSchema: parameters, validate: compileJsonSchema(parameters) }
}
