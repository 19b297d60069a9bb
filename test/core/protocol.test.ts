import { describe, expect, it } from 'vitest'
import { parseServerEvent } from '../../src/core/protocol'

const b64 = Buffer.alloc(3000, 9).toString('base64')
const audio = {
  type: 'response.output_audio.delta',
  event_id: 'e1',
  response_id: 'r',
  item_id: 'i',
  output_index: 0,
  content_index: 0,
  delta: b64,
}

describe('parseServerEvent', () => {
  it('parses audio deltas exactly as JSON.parse does, whatever the key order', () => {
    const { delta: _delta, ...withoutDelta } = audio
    const orders = [
      audio,
      { delta: b64, ...withoutDelta },
      {
        event_id: 'e1',
        delta: b64,
        type: 'response.output_audio.delta',
        response_id: 'r',
        item_id: 'i',
        output_index: 0,
        content_index: 0,
      },
    ]
    for (const event of orders) {
      const text = JSON.stringify(event)
      expect(parseServerEvent(text)).toEqual({ ok: true, known: true, event: JSON.parse(text) })
    }
  })

  it('takes the ordinary path for escapes, other fields named delta, and broken JSON', () => {
    const escaped = JSON.stringify({ ...audio, delta: `${b64}\\"` })
    expect(parseServerEvent(escaped)).toEqual({ ok: true, known: true, event: JSON.parse(escaped) })
    const nested = JSON.stringify({
      type: 'response.output_audio.delta',
      meta: { delta: 'x' },
      response_id: 'r',
      item_id: 'i',
      content_index: 0,
      delta: b64,
    })
    expect(parseServerEvent(nested)).toEqual({ ok: true, known: true, event: JSON.parse(nested) })
    const transcript = JSON.stringify({
      type: 'response.output_audio_transcript.delta',
      item_id: 'i',
      delta: `"response.output_audio.delta" ${'x'.repeat(600)}`,
    })
    expect(parseServerEvent(transcript)).toEqual({ ok: true, known: true, event: JSON.parse(transcript) })
    expect(parseServerEvent(`${JSON.stringify(audio).slice(0, -1)}`)).toMatchObject({
      ok: false,
      reason: 'the message is not valid JSON',
    })
  })

  it('reports a malformed audio delta by its field', () => {
    expect(parseServerEvent(JSON.stringify({ ...audio, delta: 42, pad: 'p'.repeat(600) }))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('`delta`'),
    })
  })

  it('knows the events the kit acts on, and passes other wire events on raw', () => {
    const limits = { type: 'rate_limits.updated', event_id: 'e', rate_limits: [] }
    expect(parseServerEvent(limits)).toEqual({ ok: true, known: false, event: limits })
    const args = { type: 'response.mcp_call_arguments.delta', item_id: 'i', delta: '{"a"' }
    expect(parseServerEvent(args)).toEqual({ ok: true, known: true, event: args })
    expect(parseServerEvent({ type: 'mcp_list_tools.failed', item_id: 'm' })).toMatchObject({ known: true })
  })

  it('checks the fields the kit reads of hosted MCP events', () => {
    expect(parseServerEvent({ type: 'response.mcp_call_arguments.done', item_id: 'i' })).toEqual({
      ok: false,
      reason: '`response.mcp_call_arguments.done` needs `arguments` to be a string',
      event: { type: 'response.mcp_call_arguments.done', item_id: 'i' },
    })
    expect(parseServerEvent({ type: 'response.mcp_call.in_progress' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('`item_id`'),
    })
  })
})
