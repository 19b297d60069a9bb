import { describe, expect, it } from 'vitest'
import { main } from '../../examples/quickstart'
import { compileSchemasFirst } from '../helpers/schemas'
import { REAL_IO_TEST_MS } from '../helpers/session'

compileSchemasFirst()

// The example as users run it: a local WebSocket server and the platform's WebSocket, on real timers.
// It waits only for events (its own loop), but its simulator paces chunks 10 ms apart.
describe("the seed's quickstart, in TypeScript", { timeout: REAL_IO_TEST_MS }, () => {
  it('runs against the local simulator server and sees every event type of the seed loop', async () => {
    delete process.env.OPENAI_API_KEY
    const lines: string[] = []
    const seen = await main((line) => lines.push(line))
    for (const type of [
      'agent_start',
      'agent_end',
      'handoff',
      'tool_start',
      'tool_end',
      'audio',
      'audio_end',
      'audio_interrupted',
      'error',
      'history_updated',
      'history_added',
      'raw_model_event',
    ]) {
      expect(seen, type).toContain(type)
    }
    expect(lines).toContain('Handoff from Assistant to Booking Agent')
    expect(lines).toContain('Tool ended: get_weather; output: The weather in Tokyo is sunny, 24°C.')
    expect(lines.some((l) => l.startsWith('Error: Tool "get_weather": invalid arguments'))).toBe(true)
  })
})
