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
import { eventName, OVERRIDES, type Schema } from './wire/config'
import { Emitter, literal, refName } from './wire/emitter'

const root = resolve(import.meta.dirname, '..')
const SCHEMAS_FILE = 'src/testing/schemas/realtime-schemas.json'
const SHARED_SCHEMAS_FILE = '../shared/protocol/realtime-schemas.json'
const OUTPUT_FILE = 'src/core/protocol/wire.generated.ts'
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
