import type { RealtimeClientEvent, RealtimeServerEvent } from 'openai/resources/realtime/realtime'
import { describe, expectTypeOf, it } from 'vitest'
import type { ClientEvent, WireSessionConfig } from '../../src/core/protocol'

// Compile-time checks (run by `npm run typecheck`): the kit's wire types agree with the official
// `openai` package, so what the kit sends is what the API's own client would send.
describe('wire types against the openai package', () => {
  it('every client event the kit can send is an official RealtimeClientEvent', () => {
    expectTypeOf<Exclude<ClientEvent, { type: 'session.update' }>>().toExtend<RealtimeClientEvent>()
  })

  it('the session.update payload fits the official session config', () => {
    type Official = Extract<RealtimeClientEvent, { type: 'session.update' }>['session']
    expectTypeOf<WireSessionConfig>().toExtend<Official>()
  })

  it('the event types the kit reads are official server event types', () => {
    type Known =
      | 'response.output_audio.delta'
      | 'response.output_audio_transcript.delta'
      | 'conversation.item.added'
      | 'input_audio_buffer.timeout_triggered'
      | 'response.function_call_arguments.done'
    expectTypeOf<Known>().toExtend<RealtimeServerEvent['type']>()
  })
})
