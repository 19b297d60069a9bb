import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { AJV_OPTIONS, eventSchemaNames, schemaDocument } from '../../src/testing/schemaDocument'
import { realtimeSchemas, schemaValidator } from '../../src/testing/validation'

/** The spec's examples are hand-written: some carry trailing commas or `//` comments. */
function lenientParse(text: string): unknown {
  return JSON.parse(text.replace(/^\s*\/\/.*$/gm, '').replace(/,(\s*[}\]])/g, '$1'))
}

/** A schema's example event; a minimal event of its type when the example is several events in one. */
function exampleOf(type: string, name: string): Record<string, unknown> {
  try {
    return lenientParse(realtimeSchemas[name]!['x-oaiMeta']!.example!) as Record<string, unknown>
  } catch {
    return { type }
  }
}

describe('the precompiled client event validators', () => {
  const fresh = new Ajv2020(AJV_OPTIONS)
  fresh.addSchema(schemaDocument('closed'))
  const events = [...eventSchemaNames('RealtimeClientEvent')]

  it.each(events)(
    '%s (%s) agrees with the schema compiled now, on valid and invalid events',
    (type, name) => {
      const precompiled = schemaValidator(name, 'closed')
      const compiled = fresh.compile({ $ref: `closed#/components/schemas/${name}` })
      expect(precompiled).not.toBe(compiled)
      const example = exampleOf(type, name)
      const variants: unknown[] = [
        example,
        { ...example, bogus_field: 1 },
        { ...example, event_id: 42 },
        { ...example, type: 'nope' },
        { type: example.type },
        null,
      ]
      if (example.type === 'session.update')
        variants.push(
          {
            type: 'session.update',
            session: { type: 'realtime', audio: { input: { noise_reduction: null } } },
          },
          {
            type: 'session.update',
            session: { type: 'realtime', audio: { input: { turn_detection: { type: 'x' } } } },
          },
        )
      for (const event of variants) {
        const ok = precompiled(event)
        expect(ok, JSON.stringify(event)).toBe(compiled(event))
        // What a check reports (schemaPath names the compiled root, which differs by construction).
        const reported = (errors: typeof compiled.errors) =>
          (errors ?? []).map(({ instancePath, keyword, params, message }) => ({
            instancePath,
            keyword,
            params,
            message,
          }))
        expect(reported(precompiled.errors)).toEqual(reported(compiled.errors))
      }
    },
  )
})
