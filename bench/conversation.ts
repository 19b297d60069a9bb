/**
 * A deterministic long conversation in GA wire events, as a server would send it: per turn the
 * user's speech and transcription, then an answer with ~50 audio deltas of 100 ms and transcript
 * deltas; every fourth turn the answer is a tool call, its output, and a second response.
 */
import type { RawServerEvent } from '../src/core/protocol'

const AUDIO_100MS = Buffer.alloc(4800, 7).toString('base64')
const WORDS = 'the weather in tokyo is sunny with a light breeze and clear skies all afternoon today'.split(
  ' ',
)

export interface Turn {
  events: string[]
}

/** Turn by turn, so the stream itself is not held in memory while a session is measured. */
export function* generateConversation(turns: number): Generator<Turn> {
  let n = 0
  const id = (p: string) => `${p}_${(++n).toString(36)}`
  let previous: string | null = null
  for (let t = 0; t < turns; t++) {
    const events: RawServerEvent[] = []
    const e = (type: string, fields: Record<string, unknown>) =>
      events.push({ type, event_id: id('event'), ...fields })
    // A new output item is announced twice: to the response and to the conversation.
    const added = (responseId: string, item: Record<string, unknown>) => {
      e('response.output_item.added', { response_id: responseId, output_index: 0, item })
      e('conversation.item.added', { previous_item_id: previous, item })
    }
    const user = id('item')
    e('input_audio_buffer.speech_started', { audio_start_ms: t * 5000, item_id: user })
    e('input_audio_buffer.speech_stopped', { audio_end_ms: t * 5000 + 1500, item_id: user })
    e('input_audio_buffer.committed', { previous_item_id: previous, item_id: user })
    e('conversation.item.added', {
      previous_item_id: previous,
      item: {
        id: user,
        object: 'realtime.item',
        type: 'message',
        status: 'completed',
        role: 'user',
        content: [{ type: 'input_audio', transcript: '' }],
      },
    })
    for (const w of WORDS.slice(0, 6))
      e('conversation.item.input_audio_transcription.delta', {
        item_id: user,
        content_index: 0,
        delta: `${w} `,
      })
    e('conversation.item.input_audio_transcription.completed', {
      item_id: user,
      content_index: 0,
      transcript: WORDS.slice(0, 6).join(' '),
      usage: { type: 'tokens', total_tokens: 10, input_tokens: 5, output_tokens: 5 },
    })
    e('conversation.item.done', {
      previous_item_id: previous,
      item: {
        id: user,
        object: 'realtime.item',
        type: 'message',
        status: 'completed',
        role: 'user',
        content: [{ type: 'input_audio', transcript: WORDS.slice(0, 6).join(' ') }],
      },
    })
    previous = user

    const respond = (answer: boolean) => {
      const resp = id('resp')
      e('response.created', {
        response: { object: 'realtime.response', id: resp, status: 'in_progress', output: [] },
      })
      const item = id('item')
      if (!answer) {
        const call = id('call')
        const args = '{"query":"weather in tokyo"}'
        added(resp, {
          id: item,
          object: 'realtime.item',
          type: 'function_call',
          status: 'in_progress',
          call_id: call,
          name: 'lookup',
          arguments: '',
        })
        e('response.function_call_arguments.delta', {
          response_id: resp,
          item_id: item,
          output_index: 0,
          call_id: call,
          delta: args.slice(0, 10),
        })
        e('response.function_call_arguments.delta', {
          response_id: resp,
          item_id: item,
          output_index: 0,
          call_id: call,
          delta: args.slice(10),
        })
        e('response.function_call_arguments.done', {
          response_id: resp,
          item_id: item,
          output_index: 0,
          call_id: call,
          name: 'lookup',
          arguments: args,
        })
        const done = {
          id: item,
          object: 'realtime.item',
          type: 'function_call',
          status: 'completed',
          call_id: call,
          name: 'lookup',
          arguments: args,
        }
        e('response.output_item.done', { response_id: resp, output_index: 0, item: done })
        e('conversation.item.done', { previous_item_id: previous, item: done })
        e('response.done', {
          response: {
            object: 'realtime.response',
            id: resp,
            status: 'completed',
            output: [done],
            usage: { total_tokens: 120, input_tokens: 100, output_tokens: 20 },
          },
        })
        const output = id('item')
        e('conversation.item.added', {
          previous_item_id: item,
          item: {
            id: output,
            object: 'realtime.item',
            type: 'function_call_output',
            status: 'completed',
            call_id: call,
            output: 'sunny',
          },
        })
        previous = output
        return
      }
      const ids = { response_id: resp, item_id: item, output_index: 0, content_index: 0 }
      added(resp, {
        id: item,
        object: 'realtime.item',
        type: 'message',
        status: 'in_progress',
        role: 'assistant',
        content: [],
      })
      e('response.content_part.added', { ...ids, part: { type: 'audio', transcript: '' } })
      let transcript = ''
      for (let i = 0; i < 50; i++) {
        if (i % 3 === 0) {
          const word = `${WORDS[(i / 3) % WORDS.length]} `
          transcript += word
          e('response.output_audio_transcript.delta', { ...ids, delta: word })
        }
        e('response.output_audio.delta', { ...ids, delta: AUDIO_100MS })
      }
      e('response.output_audio.done', ids)
      e('response.output_audio_transcript.done', { ...ids, transcript })
      e('response.content_part.done', { ...ids, part: { type: 'audio', transcript } })
      const done = {
        id: item,
        object: 'realtime.item',
        type: 'message',
        status: 'completed',
        role: 'assistant',
        content: [{ type: 'output_audio', transcript }],
      }
      e('response.output_item.done', { response_id: resp, output_index: 0, item: done })
      e('conversation.item.done', { previous_item_id: previous, item: done })
      e('response.done', {
        response: {
          object: 'realtime.response',
          id: resp,
          status: 'completed',
          output: [done],
          usage: { total_tokens: 300, input_tokens: 200, output_tokens: 100 },
        },
      })
      previous = item
    }
    if (t % 4 === 3) respond(false)
    respond(true)
    yield { events: events.map((ev) => JSON.stringify(ev)) }
  }
}
