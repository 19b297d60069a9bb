import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { RealtimeAgent, tool } from '../../src/core'
import { flushMicrotasks } from '../../src/testing'
import { realtimeSchemas } from '../../src/testing/validation'
import { offlineSession as connectOffline } from '../helpers/pushTransport'

/** The spec's examples are hand-written: some carry trailing commas or `//` comments. */
function lenientParse(text: string): unknown {
  const cleaned = text.replace(/^\s*\/\/.*$/gm, '').replace(/,(\s*[}\]])/g, '$1')
  return JSON.parse(cleaned)
}

const serverEventNames = (realtimeSchemas.RealtimeServerEvent as { anyOf: { $ref: string }[] }).anyOf.map(
  (r) => r.$ref.split('/').at(-1)!,
)

function offlineSession() {
  // The spec's function-call example calls get_weather with a location.
  const getWeather = tool({
    name: 'get_weather',
    description: 'w',
    parameters: z.object({ location: z.string() }),
    execute: ({ location }) => `Sunny in ${location}`,
  })
  return connectOffline(new RealtimeAgent({ name: 'Conformance', tools: [getWeather] }), { confirmed: false })
}

describe('official server event examples', () => {
  it('covers all 46 server events of the spec', () => {
    expect(serverEventNames).toHaveLength(46)
  })

  it.each(serverEventNames)('%s goes through the session without an error', (name) => {
    const example = realtimeSchemas[name]?.['x-oaiMeta']?.example
    expect(example, `${name} has an example`).toBeTypeOf('string')
    const payload = lenientParse(example!)
    const { session, transport } = offlineSession()
    const errors: string[] = []
    const raw: unknown[] = []
    session.on('error', (e) => errors.push(`${e.error.code}: ${e.error.message}`))
    session.on('raw_model_event', (e) => raw.push(e.data))
    transport.push(payload)
    // `error` and a failed MCP listing are the server reporting a failure: surfacing it is right.
    const type = (payload as { type: string }).type
    if (type === 'error') expect(errors).toEqual([expect.stringMatching(/^server_error: /)])
    else if (type === 'mcp_list_tools.failed')
      expect(errors).toEqual([expect.stringMatching(/^mcp_failed: /)])
    else expect(errors).toEqual([])
    expect(raw).toEqual([payload])
  })

  it('feeds every example through one session, in spec order, without an error', async () => {
    const { session, sent, transport } = offlineSession()
    const errors: string[] = []
    session.on('error', (e) => errors.push(e.error.code))
    for (const name of serverEventNames)
      transport.push(lenientParse(realtimeSchemas[name]!['x-oaiMeta']!.example!))
    expect(errors.sort()).toEqual(['mcp_failed', 'server_error'])
    expect(session.history.length).toBeGreaterThan(0)
    // The tool runs in promise jobs (no timer, no I/O): letting them run is enough.
    await flushMicrotasks()
    expect(sent.filter((e) => e.type === 'conversation.item.create')).toMatchObject([
      { item: { call_id: 'call_001', output: 'Sunny in San Francisco' } },
    ])
  })
})

const sharedSchemas = resolve(import.meta.dirname, '../../../shared/protocol/realtime-schemas.json')

describe('the bundled copy of the official schemas', () => {
  // The team's shared folder sits beside the checkout on development and CI machines; a user's clone has only the copy.
  it.runIf(existsSync(sharedSchemas))('is byte-identical to the shared source of truth', () => {
    const bundled = readFileSync(
      resolve(import.meta.dirname, '../../src/testing/schemas/realtime-schemas.json'),
    )
    expect(bundled.equals(readFileSync(sharedSchemas))).toBe(true)
  })
})
