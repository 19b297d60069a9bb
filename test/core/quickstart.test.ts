import { describe, expect, it } from 'vitest'
import { main } from '../../examples/quickstart'

describe("the seed's quickstart, in TypeScript", () => {
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
