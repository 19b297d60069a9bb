/** The emitter of `generate-wire.ts`: TypeScript declarations from the Realtime API's schemas. */
import { DOCS, HOISTED, OVERRIDES, type Override, type Schema } from './config'

// ---------------------------------------------------------------------------------------------
// Emitter

export const STRUCTURAL = new Set([
  '$ref',
  'type',
  'enum',
  'const',
  'nullable',
  'anyOf',
  'oneOf',
  'allOf',
  'properties',
  'required',
  'additionalProperties',
  'items',
])
// Validation and documentation keywords: they do not change the TypeScript type.
export const ANNOTATIONS = new Set([
  'description',
  'default',
  'title',
  'example',
  'format',
  'pattern',
  'minimum',
  'maximum',
  'maxLength',
  'minItems',
  'discriminator',
])

export interface Declaration {
  name: string
  text: string
  /** The shape without documentation, to check that paths sharing a hoisted name agree. */
  shape: string
}

export class Emitter {
  readonly declarations = new Map<string, Declaration>()
  readonly usedOverrides = new Set<Override>()
  private readonly nullableAt = new Map<string, Override>()

  constructor(
    private readonly schemas: Record<string, Schema>,
    private readonly eventNames: ReadonlyMap<string, string>,
  ) {
    for (const override of OVERRIDES) this.applyOverride(override)
  }

  private applyOverride(override: Override): void {
    const at = override.at.split('/')
    const key = at.pop()!
    const parent = at.reduce<unknown>(
      (node, segment) => (node as Record<string, unknown> | undefined)?.[segment],
      this.schemas,
    ) as Record<string, Schema> | undefined
    if (override.kind === 'add') {
      if (!parent) throw new Error(`Override ${override.at}: no such properties object in the schemas.`)
      if (parent[key])
        throw new Error(`Override ${override.at}: the schema now has this field; remove the override.`)
      parent[key] = override.schema
      this.usedOverrides.add(override)
      return
    }
    const node = parent?.[key]
    if (!node) throw new Error(`Override ${override.at}: no such schema node.`)
    if (allowsNull(node))
      throw new Error(`Override ${override.at}: the schema now allows null; remove the override.`)
    this.nullableAt.set(override.at, override)
  }

  /** Emits a named component schema (reached by `$ref`) once. */
  named(name: string): string {
    const typeName = this.eventNames.get(name) ?? name
    if (!this.declarations.has(typeName)) {
      const schema = this.schemas[name]
      if (!schema) throw new Error(`$ref to a missing schema: ${name}`)
      this.declare(typeName, schema, name)
    }
    return typeName
  }

  private declare(name: string, node: Schema, path: string): void {
    const placeholder = { name, text: '', shape: '' }
    this.declarations.set(name, placeholder) // before recursing: schemas may refer to themselves
    const shape = this.body(node, path, false)
    const keyword = isInterface(node) ? `interface ${name}` : `type ${name} =`
    const doc = node.description ?? DOCS[name]
    if (!doc?.trim()) throw new Error(`${name} has no description: add one to DOCS in the script.`)
    const text = `${docComment([doc])}export ${keyword} ${this.body(node, path, true)}`
    Object.assign(placeholder, { text, shape })
  }

  /** The right-hand side of a declaration: not hoisted again, and without a use site's override. */
  private body(node: Schema, path: string, docs: boolean): string {
    checkKeywords(node, path)
    if (isInterface(node)) return this.objectLiteral(node, path, docs)
    const base = this.baseExpr(node, path, docs, false)
    return node.nullable === true ? union([base, 'null']) : base
  }

  /** The TypeScript type of a schema node. */
  expr(node: Schema, path: string, docs: boolean): string {
    checkKeywords(node, path)
    const base = this.baseExpr(node, path, docs)
    const override = this.nullableAt.get(path)
    if (override) this.usedOverrides.add(override)
    return node.nullable === true || override ? union([base, 'null']) : base
  }

  private baseExpr(node: Schema, path: string, docs: boolean, hoist = true): string {
    const hoisted = hoist ? HOISTED[path] : undefined
    if (hoisted) return this.hoist(hoisted, node, path)
    if (node.$ref) return this.named(refName(node.$ref))
    if (node.allOf) {
      if (node.allOf.length !== 1) throw new Error(`${path}: allOf with several members is not supported.`)
      return this.expr(node.allOf[0]!, `${path}/allOf/0`, docs)
    }
    const key = node.anyOf ? 'anyOf' : node.oneOf ? 'oneOf' : undefined
    if (key) {
      if (node.properties) throw new Error(`${path}: properties beside ${key} are not supported.`)
      return union(node[key]!.map((member, i) => this.expr(member, `${path}/${key}/${i}`, docs)))
    }
    if (node.enum) return union(node.enum.map(literal))
    if ('const' in node) return literal(node.const)
    switch (node.type) {
      case 'string':
      case 'boolean':
      case 'null':
        return node.type
      case 'integer':
      case 'number':
        return 'number'
      case 'array': {
        if (!node.items) throw new Error(`${path}: an array without items is not supported.`)
        const item = this.expr(node.items, `${path}/items`, docs)
        return /[|&]/.test(item) ? `(${item})[]` : `${item}[]`
      }
      case 'object':
      case undefined:
        return this.objectExpr(node, path, docs)
      default:
        throw new Error(`${path}: type ${JSON.stringify(node.type)} is not supported.`)
    }
  }

  private hoist(name: string, node: Schema, path: string): string {
    const existing = this.declarations.get(name)
    if (!existing) {
      this.declare(name, node, path)
      return name
    }
    const shape = this.body(node, path, false)
    if (existing.shape && existing.shape !== shape)
      throw new Error(`${path}: differs from the other schema named ${name}; give it its own name.`)
    return name
  }

  private objectExpr(node: Schema, path: string, docs: boolean): string {
    const extra = node.additionalProperties
    if (node.properties && Object.keys(node.properties).length > 0) {
      if (extra !== undefined && extra !== false)
        throw new Error(`${path}: properties with additionalProperties are not supported.`)
      return this.objectLiteral(node, path, docs)
    }
    if (typeof extra === 'object')
      return `Record<string, ${this.expr(extra, `${path}/additionalProperties`, docs)}>`
    if (extra === false) return 'Record<string, never>'
    // A free-form JSON object (tool parameters, metadata): any keys, values unknown.
    return 'Record<string, unknown>'
  }

  private objectLiteral(node: Schema, path: string, docs: boolean): string {
    const required = new Set(node.required ?? [])
    for (const key of required) {
      if (!node.properties?.[key]) throw new Error(`${path}: "${key}" is required but not described.`)
    }
    const fields = Object.entries(node.properties ?? {}).map(([key, property]) => {
      const at = `${path}/properties/${key}`
      const type = this.expr(property, at, docs)
      const override = this.nullableAt.get(at)
      const notes = [
        property.description,
        property.default !== undefined ? `@defaultValue \`${JSON.stringify(property.default)}\`` : undefined,
        override
          ? 'The live API sends or accepts `null` here although the schema does not allow it.'
          : undefined,
      ]
      const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)
      return `${docs ? docComment(notes) : ''}${name}${required.has(key) ? '' : '?'}: ${type}`
    })
    return `{\n${fields.join('\n')}\n}`
  }
}

export function refName(ref: string): string {
  const prefix = '#/components/schemas/'
  if (!ref.startsWith(prefix)) throw new Error(`Unsupported $ref: ${ref}`)
  return ref.slice(prefix.length)
}

export function isInterface(node: Schema): boolean {
  return (
    node.properties !== undefined &&
    Object.keys(node.properties).length > 0 &&
    !node.nullable &&
    !node.anyOf &&
    !node.oneOf
  )
}

export function allowsNull(node: Schema): boolean {
  if (node.nullable === true || node.type === 'null') return true
  return [...(node.anyOf ?? []), ...(node.oneOf ?? [])].some(allowsNull)
}

export function checkKeywords(node: Schema, path: string): void {
  for (const key of Object.keys(node)) {
    if (!STRUCTURAL.has(key) && !ANNOTATIONS.has(key) && !key.startsWith('x-'))
      throw new Error(`${path}: the keyword "${key}" is not supported by the generator.`)
  }
}

export function literal(value: unknown): string {
  if (typeof value === 'string') return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value)
  throw new Error(`Unsupported literal: ${JSON.stringify(value)}`)
}

/**
 * Joins members into one union. `string` beside string literals (the spec's "any string, these
 * known") becomes `(string & {})`, so editors still offer the literals.
 */
export function union(members: string[]): string {
  const unique = [...new Set(members)]
  const hasLiterals = unique.some((member) => member.startsWith("'"))
  const open = unique.map((member) => (member === 'string' && hasLiterals ? '(string & {})' : member))
  const withoutNull = open.filter((member) => member !== 'null')
  return [...withoutNull, ...(withoutNull.length < open.length ? ['null'] : [])].join(' | ')
}

export function docComment(parts: (string | undefined)[]): string {
  const text = parts
    .filter((part): part is string => Boolean(part?.trim()))
    .map((part) => part.trim())
    .join('\n\n')
  if (!text) return ''
  const lines = text.replaceAll('*/', '*\\/').split('\n')
  if (lines.length === 1 && text.length <= 96) return `/** ${text} */\n`
  return `/**\n${lines.map((line) => ` *${line.trimEnd() ? ` ${line.trimEnd()}` : ''}`).join('\n')}\n */\n`
}

// ---------------------------------------------------------------------------------------------
// The file
