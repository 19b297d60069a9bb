/**
 * Generates `src/core/protocol/wire.generated.ts`: a discriminated union of every GA server and
 * client event of the Realtime API, with the shared objects they carry, from the official schemas in
 * `src/testing/schemas/realtime-schemas.json`.
 *
 *   npm run generate:wire   writes the file, formatted by Biome
 *   npm run check:wire      regenerates in memory and fails when the committed file differs, or when
 *                           the repo's copy of the schemas differs from ../shared/protocol's
 *
 * The schemas are OpenAPI `components.schemas` (JSON Schema with OpenAPI 3.0's `nullable` in places).
 * The emitter supports exactly the keywords they use and throws on any other, so a schema update
 * that needs new handling fails here instead of quietly producing loose types.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { LIVE_OVERRIDES, type LiveOverride } from '../src/testing/liveSchema'

const root = resolve(import.meta.dirname, '..')
const SCHEMAS_FILE = 'src/testing/schemas/realtime-schemas.json'
const SHARED_SCHEMAS_FILE = '../shared/protocol/realtime-schemas.json'
const OUTPUT_FILE = 'src/core/protocol/wire.generated.ts'

interface Schema {
  $ref?: string
  type?: string
  enum?: unknown[]
  const?: unknown
  nullable?: boolean
  anyOf?: Schema[]
  oneOf?: Schema[]
  allOf?: Schema[]
  properties?: Record<string, Schema>
  required?: string[]
  additionalProperties?: boolean | Schema
  items?: Schema
  description?: string
  default?: unknown
}

// ---------------------------------------------------------------------------------------------
// Where the live API differs from the schemas

/** Where the live API differs from the schemas: one list, shared with the simulator's validation. */
type Override = LiveOverride

const OVERRIDES = LIVE_OVERRIDES

// ---------------------------------------------------------------------------------------------
// Names

/** Events are named after their `type`; these would shadow a global (`ErrorEvent` is the DOM's). */
const EVENT_NAME_EXCEPTIONS: Readonly<Record<string, string>> = { error: 'ServerErrorEvent' }

/** Inline objects worth a stable name of their own; paths that hold the same shape share a name. */
const HOISTED: Readonly<Record<string, string>> = {
  'RealtimeAudioFormats/anyOf/0': 'RealtimePcmAudioFormat',
  'RealtimeAudioFormats/anyOf/1': 'RealtimePcmuAudioFormat',
  'RealtimeAudioFormats/anyOf/2': 'RealtimePcmaAudioFormat',
  'RealtimeTurnDetection/anyOf/0/oneOf/0': 'RealtimeServerVad',
  'RealtimeTurnDetection/anyOf/0/oneOf/1': 'RealtimeSemanticVad',
  'RealtimeSessionCreateRequestGA/properties/model': 'RealtimeModel',
  'RealtimeSessionCreateResponseGA/properties/model': 'RealtimeModel',
  'RealtimeSessionCreateRequestGA/properties/audio': 'RealtimeAudioConfig',
  'RealtimeSessionCreateRequestGA/properties/audio/properties/input': 'RealtimeAudioConfigInput',
  'RealtimeSessionCreateRequestGA/properties/audio/properties/output': 'RealtimeAudioConfigOutput',
  'RealtimeSessionCreateRequestGA/properties/audio/properties/input/properties/noise_reduction':
    'RealtimeNoiseReduction',
  'RealtimeSessionCreateResponseGA/properties/audio/properties/input/properties/noise_reduction':
    'RealtimeNoiseReduction',
  'RealtimeTranscriptionSessionCreateRequestGA/properties/audio/properties/input/properties/noise_reduction':
    'RealtimeNoiseReduction',
  'RealtimeTranscriptionSessionCreateResponseGA/properties/audio/properties/input/properties/noise_reduction':
    'RealtimeNoiseReduction',
  'RealtimeSessionCreateRequestGA/properties/tracing/oneOf/1': 'RealtimeTracingConfig',
  'RealtimeSessionCreateResponseGA/properties/tracing/anyOf/0/oneOf/1': 'RealtimeTracingConfig',
  'RealtimeConversationItemMessageSystem/properties/content/items': 'RealtimeSystemContentPart',
  'RealtimeConversationItemMessageUser/properties/content/items': 'RealtimeUserContentPart',
  'RealtimeConversationItemMessageAssistant/properties/content/items': 'RealtimeAssistantContentPart',
  'RealtimeServerEventResponseContentPartAdded/properties/part': 'RealtimeResponseContentPart',
  'RealtimeServerEventResponseContentPartDone/properties/part': 'RealtimeResponseContentPart',
  'RealtimeResponse/properties/status_details': 'RealtimeResponseStatusDetails',
  'RealtimeResponse/properties/usage': 'RealtimeResponseUsage',
  'RealtimeServerEventError/properties/error': 'RealtimeError',
  'RealtimeServerEventConversationItemInputAudioTranscriptionFailed/properties/error':
    'RealtimeTranscriptionError',
  'RealtimeServerEventRateLimitsUpdated/properties/rate_limits/items': 'RealtimeRateLimit',
}

/** TSDoc for declarations whose schema has no description: every export carries one. */
const DOCS: Readonly<Record<string, string>> = {
  AudioTranscription: 'Input audio transcription settings, as the client sends them.',
  AudioTranscriptionResponse: 'Input audio transcription settings, as the server reports them.',
  CallableToolAllowedCaller: 'Who may call an MCP tool: the model directly, or a program.',
  FileInputDetail: 'The detail level of a file input.',
  ImageDetail: 'The detail level of an image input.',
  Metadata: 'String key-value pairs attached to an object; `null` when there are none.',
  Prompt: 'A reusable prompt template and its variables; `null` when there is none.',
  RealtimeAssistantContentPart:
    'A part of an assistant message: output text, or output audio with its transcript.',
  RealtimeAudioConfigInput:
    'Input audio settings: format, transcription, noise reduction and turn detection.',
  RealtimeAudioConfigOutput: 'Output audio settings: format, voice and speed.',
  RealtimeAudioFormats: 'An audio format: 24 kHz PCM16, G.711 μ-law or G.711 A-law.',
  RealtimeFunctionTool: 'A function the model may call.',
  RealtimeMCPHTTPError: 'An HTTP error from an MCP server.',
  RealtimeMCPProtocolError: 'An MCP protocol error.',
  RealtimeMCPToolExecutionError: 'An error raised while an MCP tool ran.',
  RealtimeRateLimit: 'One rate limit and what is left of it.',
  RealtimeSystemContentPart: 'A part of a system message: input text.',
  RealtimeTurnDetection:
    'Turn detection settings; `null` turns it off, and the client commits the audio itself.',
  RealtimeUserContentPart:
    'A part of a user message: input text, input audio with its transcript, or an image.',
  ResponsePromptVariables: 'Values for a prompt template, by variable name; `null` when there are none.',
  VoiceIdsShared: 'A voice: one of the built-in voices, or the name of another.',
}

function pascal(words: string): string {
  return words
    .split(/[._]/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('')
}

function eventName(type: string): string {
  return EVENT_NAME_EXCEPTIONS[type] ?? `${pascal(type)}Event`
}

// ---------------------------------------------------------------------------------------------
// Emitter

const STRUCTURAL = new Set([
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
const ANNOTATIONS = new Set([
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

interface Declaration {
  name: string
  text: string
  /** The shape without documentation, to check that paths sharing a hoisted name agree. */
  shape: string
}

class Emitter {
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

function refName(ref: string): string {
  const prefix = '#/components/schemas/'
  if (!ref.startsWith(prefix)) throw new Error(`Unsupported $ref: ${ref}`)
  return ref.slice(prefix.length)
}

function isInterface(node: Schema): boolean {
  return (
    node.properties !== undefined &&
    Object.keys(node.properties).length > 0 &&
    !node.nullable &&
    !node.anyOf &&
    !node.oneOf
  )
}

function allowsNull(node: Schema): boolean {
  if (node.nullable === true || node.type === 'null') return true
  return [...(node.anyOf ?? []), ...(node.oneOf ?? [])].some(allowsNull)
}

function checkKeywords(node: Schema, path: string): void {
  for (const key of Object.keys(node)) {
    if (!STRUCTURAL.has(key) && !ANNOTATIONS.has(key) && !key.startsWith('x-'))
      throw new Error(`${path}: the keyword "${key}" is not supported by the generator.`)
  }
}

function literal(value: unknown): string {
  if (typeof value === 'string') return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value)
  throw new Error(`Unsupported literal: ${JSON.stringify(value)}`)
}

/**
 * Joins members into one union. `string` beside string literals (the spec's "any string, these
 * known") becomes `(string & {})`, so editors still offer the literals.
 */
function union(members: string[]): string {
  const unique = [...new Set(members)]
  const hasLiterals = unique.some((member) => member.startsWith("'"))
  const open = unique.map((member) => (member === 'string' && hasLiterals ? '(string & {})' : member))
  const withoutNull = open.filter((member) => member !== 'null')
  return [...withoutNull, ...(withoutNull.length < open.length ? ['null'] : [])].join(' | ')
}

function docComment(parts: (string | undefined)[]): string {
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

interface EventSchema {
  schemaName: string
  type: string
  name: string
}

function eventsOf(schemas: Record<string, Schema>, union: string): EventSchema[] {
  const members = schemas[union]?.anyOf
  if (!members) throw new Error(`${union} is not an anyOf of event schemas.`)
  return members
    .map(({ $ref }) => {
      const schemaName = refName($ref!)
      const schema = schemas[schemaName]!
      const types = schema.properties?.type?.enum ?? [schema.properties?.type?.const]
      const [type] = types
      if (types.length !== 1 || typeof type !== 'string' || !schema.required?.includes('type'))
        throw new Error(`${schemaName}: an event needs a required \`type\` with one string value.`)
      return { schemaName, type, name: eventName(type) }
    })
    .sort((a, b) => (a.type < b.type ? -1 : 1))
}

function section(title: string): string {
  return `// ${'-'.repeat(93)}\n// ${title}`
}

function generate(schemasText: string): string {
  const spec = JSON.parse(schemasText) as {
    openapi_source?: string
    components: { schemas: Record<string, Schema> }
  }
  const { schemas } = spec.components
  const server = eventsOf(schemas, 'RealtimeServerEvent')
  const client = eventsOf(schemas, 'RealtimeClientEvent')
  const eventNames = new Map([...server, ...client].map((event) => [event.schemaName, event.name]))
  if (new Set(eventNames.values()).size !== eventNames.size) throw new Error('Two events share a name.')

  const emitter = new Emitter(schemas, eventNames)
  for (const event of [...server, ...client]) emitter.named(event.schemaName)
  for (const override of OVERRIDES) {
    if (!emitter.usedOverrides.has(override))
      throw new Error(`Override ${override.at} matched nothing the events reach; remove or fix it.`)
  }
  for (const name of eventNames.values()) {
    if (schemas[name]) throw new Error(`The event name ${name} is also a schema name.`)
  }

  const eventNameSet = new Set(eventNames.values())
  const declarationsOf = (events: EventSchema[]) =>
    events.map((event) => emitter.declarations.get(event.name)!.text).join('\n\n')
  const shared = [...emitter.declarations.values()]
    .filter((declaration) => !eventNameSet.has(declaration.name))
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((declaration) => declaration.text)
    .join('\n\n')

  const eventUnion = (side: 'Server' | 'Client', events: EventSchema[], constName: string) => `
/** Every GA ${side.toLowerCase()} event type, for telling known types from unknown ones at runtime. */
export const ${constName} = [
${events.map((event) => `  ${literal(event.type)},`).join('\n')}
] as const

/** A GA ${side.toLowerCase()} event of the Realtime API; \`switch (event.type)\` narrows it. */
export type ${side}Event =
${events.map((event) => `  | ${event.name}`).join('\n')}

/** The \`type\` of a ${side.toLowerCase()} event. */
export type ${side}EventType = ${side}Event['type']

/** The ${side.toLowerCase()} event of one \`type\`. */
export type ${side}EventOf<T extends ${side}EventType> = Extract<${side}Event, { type: T }>`

  const source = spec.openapi_source ? ` (${spec.openapi_source})` : ''
  return `// Generated from ${SCHEMAS_FILE}${source}
// by \`npm run generate:wire\` (scripts/generate-wire.ts). Do not edit by hand: change the script or
// the schemas and regenerate; \`npm run check:wire\` fails when this file is stale.
// Where the live API sends what the schemas forbid, the script's OVERRIDES list widens the type and
// says which real traffic shows it.

${section('Server events')}
${eventUnion('Server', server, 'SERVER_EVENT_TYPES')}

${declarationsOf(server)}

${section('Client events')}
${eventUnion('Client', client, 'CLIENT_EVENT_TYPES')}

${declarationsOf(client)}

${section('Objects the events carry')}

${shared}
`
}

// ---------------------------------------------------------------------------------------------
// Formatting and the command line

function formatWithBiome(text: string): string {
  const biome = resolve(root, 'node_modules/.bin/biome')
  const result = spawnSync(biome, ['format', `--stdin-file-path=${OUTPUT_FILE}`], {
    cwd: root,
    input: text,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  if (result.status !== 0) throw new Error(`Biome could not format the output:\n${result.stderr}`)
  return result.stdout
}

function main(): void {
  const check = process.argv.includes('--check')
  const schemasPath = resolve(root, SCHEMAS_FILE)
  const schemasText = readFileSync(schemasPath, 'utf8')
  const output = formatWithBiome(generate(schemasText))
  const outputPath = resolve(root, OUTPUT_FILE)

  if (!check) {
    mkdirSync(dirname(outputPath), { recursive: true })
    writeFileSync(outputPath, output)
    console.log(`Wrote ${relative(root, outputPath)}.`)
    return
  }

  const problems: string[] = []
  const sharedPath = resolve(root, SHARED_SCHEMAS_FILE)
  if (existsSync(sharedPath) && readFileSync(sharedPath, 'utf8') !== schemasText) {
    problems.push(
      `${SCHEMAS_FILE} differs from ${SHARED_SCHEMAS_FILE}: copy the shared file over, then run \`npm run generate:wire\`.`,
    )
  }
  const committed = existsSync(outputPath) ? readFileSync(outputPath, 'utf8') : undefined
  if (committed !== output) {
    problems.push(
      committed === undefined
        ? `${OUTPUT_FILE} is missing: run \`npm run generate:wire\` and commit it.`
        : `${OUTPUT_FILE} is not what scripts/generate-wire.ts makes from ${SCHEMAS_FILE} (edited by hand, or not regenerated): run \`npm run generate:wire\` and commit the result.`,
    )
  }
  if (problems.length > 0) {
    for (const problem of problems) console.error(`check:wire: ${problem}`)
    process.exit(1)
  }
  console.log(`check:wire: ${OUTPUT_FILE} is up to date with ${SCHEMAS_FILE}.`)
}

try {
  main()
} catch (error) {
  console.error(`generate-wire: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
