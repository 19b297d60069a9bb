import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type {
  RealtimeClientEvent,
  RealtimeServerEvent,
  RealtimeSessionCreateRequest,
} from 'openai/resources/realtime/realtime'
import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  CLIENT_EVENT_TYPES,
  type ClientEvent,
  type ClientEventOf,
  type ClientEventType,
  type RealtimeConversationItem,
  type RealtimeResponseUsage,
  type RealtimeUserContentPart,
  type ResponseOutputAudioDeltaEvent,
  SERVER_EVENT_TYPES,
  type ServerErrorEvent,
  type ServerEvent,
  type ServerEventOf,
  type ServerEventType,
} from '../../src/core/protocol/wire.generated'
import { realtimeSchemas } from '../../src/testing/validation'

// Compile-time checks (run by `npm run typecheck`): the generated wire types agree with the official
// `openai` package for every event the kit sends or reads, and narrow on `type`.

type ClientUsed =
  | 'session.update'
  | 'conversation.item.create'
  | 'conversation.item.truncate'
  | 'input_audio_buffer.append'
  | 'input_audio_buffer.commit'
  | 'response.create'
  | 'response.cancel'

type ServerUsed =
  | 'session.created'
  | 'session.updated'
  | 'error'
  | 'response.created'
  | 'response.done'
  | 'response.output_item.added'
  | 'response.output_item.done'
  | 'response.output_audio.delta'
  | 'response.output_audio.done'
  | 'response.output_audio_transcript.delta'
  | 'response.output_audio_transcript.done'
  | 'response.output_text.delta'
  | 'response.output_text.done'
  | 'response.function_call_arguments.delta'
  | 'response.function_call_arguments.done'
  | 'conversation.item.added'
  | 'conversation.item.done'
  | 'conversation.item.deleted'
  | 'conversation.item.truncated'
  | 'conversation.item.input_audio_transcription.delta'
  | 'conversation.item.input_audio_transcription.completed'
  | 'conversation.item.input_audio_transcription.failed'
  | 'input_audio_buffer.speech_started'
  | 'input_audio_buffer.speech_stopped'
  | 'input_audio_buffer.committed'
  | 'input_audio_buffer.timeout_triggered'
  | 'output_audio_buffer.started'
  | 'output_audio_buffer.stopped'
  | 'output_audio_buffer.cleared'

type OfficialClient<T> = Extract<RealtimeClientEvent, { type: T }>
type OfficialServer<T> = Extract<RealtimeServerEvent, { type: T }>

/**
 * The `openai` package types free-form JSON objects (tool parameters, MCP input schemas, tracing
 * metadata) as `unknown`; the schemas say `object`.
 */
type FreeFormAsRecord<T> = unknown extends T
  ? Record<string, unknown>
  : T extends string | number | boolean | null | undefined
    ? T
    : { [K in keyof T]: FreeFormAsRecord<T[K]> }

/** Fields where the live overrides add `null` (the live API sends it; see src/testing/liveSchema.ts). */
type LiveNullField =
  | 'param'
  | 'transcription'
  | 'noise_reduction'
  | 'include'
  | 'transcript'
  | 'status_details'
  | 'usage'
type WithoutLiveNulls<T> = unknown extends T
  ? T
  : T extends string | number | boolean | null | undefined
    ? T
    : {
        [K in keyof T]: K extends LiveNullField
          ? WithoutLiveNulls<Exclude<T[K], null>>
          : WithoutLiveNulls<T[K]>
      }

type RequiredKeys<T> = { [K in keyof T]-?: Record<string, never> extends Pick<T, K> ? never : K }[keyof T]
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type Fits<A, B> = [A] extends [B] ? true : false

/** What must hold for one server event; each check is `true` when it does. */
interface ServerChecks<T extends ServerEventType> {
  // The live API adds `obfuscation` to transcript deltas (a generator override).
  sameFields: Same<Exclude<keyof ServerEventOf<T>, 'obfuscation'>, keyof OfficialServer<T>>
  sameRequired: Same<RequiredKeys<ServerEventOf<T>>, RequiredKeys<OfficialServer<T>>>
  admitsOfficial: Fits<FreeFormAsRecord<OfficialServer<T>>, ServerEventOf<T>>
  fitsOfficial: Fits<WithoutLiveNulls<ServerEventOf<T>>, OfficialServer<T>>
}

/** What must hold for one client event; each check is `true` when it does. */
interface ClientChecks<T extends ClientEventType> {
  sameFields: Same<keyof ClientEventOf<T>, keyof OfficialClient<T>>
  sameRequired: Same<RequiredKeys<ClientEventOf<T>>, RequiredKeys<OfficialClient<T>>>
  admitsOfficial: Fits<FreeFormAsRecord<OfficialClient<T>>, ClientEventOf<T>>
  fitsOfficial: Fits<WithoutLiveNulls<ClientEventOf<T>>, OfficialClient<T>>
}

/** The event types among `U` that fail check `C`. */
type FailingServer<U extends ServerEventType, C extends keyof ServerChecks<U>> = {
  [T in U]: ServerChecks<T>[C] extends true ? never : T
}[U]
type FailingClient<U extends ClientEventType, C extends keyof ClientChecks<U>> = {
  [T in U]: ClientChecks<T>[C] extends true ? never : T
}[U]

/** Compiles only when `T` is `never`; otherwise the message names the first event type at fault. */
function noneOf<T extends never>(): T | undefined {
  return undefined
}

describe('generated wire types against the openai package', () => {
  it('know the same event types, and the runtime lists match the types', () => {
    expectTypeOf<ServerEventType>().toEqualTypeOf<RealtimeServerEvent['type']>()
    expectTypeOf<ClientEventType>().toEqualTypeOf<RealtimeClientEvent['type']>()
    expectTypeOf<(typeof SERVER_EVENT_TYPES)[number]>().toEqualTypeOf<ServerEventType>()
    expectTypeOf<(typeof CLIENT_EVENT_TYPES)[number]>().toEqualTypeOf<ClientEventType>()
  })

  it('give the events the kit uses the same fields, required and optional alike', () => {
    noneOf<FailingServer<ServerUsed, 'sameFields'>>()
    noneOf<FailingServer<ServerUsed, 'sameRequired'>>()
    noneOf<FailingClient<ClientUsed, 'sameFields'>>()
    noneOf<FailingClient<ClientUsed, 'sameRequired'>>()
  })

  it('let the kit send only what the official client accepts, and type all that it accepts', () => {
    noneOf<FailingClient<ClientUsed, 'fitsOfficial'>>()
    noneOf<FailingClient<ClientUsed, 'admitsOfficial'>>()
  })

  it('admit every server event the official types describe, and agree with them but for live nulls', () => {
    // The openai package types the session of session.created/updated with the request schema
    // (no `id`, `object`, `expires_at`); the schemas and the live API send the response schema.
    type Sessionless = Exclude<ServerUsed, 'session.created' | 'session.updated'>
    noneOf<FailingServer<Sessionless, 'admitsOfficial'>>()
    noneOf<FailingServer<Sessionless, 'fitsOfficial'>>()

    type Session = Extract<ServerEventOf<'session.created'>['session'], { type: 'realtime' }>
    expectTypeOf<WithoutLiveNulls<Session>>().toExtend<RealtimeSessionCreateRequest>()
    expectTypeOf<RealtimeSessionCreateRequest>().not.toHaveProperty('id')
    expectTypeOf<Session>().toHaveProperty('id').toBeString()
    expectTypeOf<Session>().toHaveProperty('object').toEqualTypeOf<'realtime.session'>()
    expectTypeOf<ServerEventOf<'session.updated'>['session']>().toEqualTypeOf<
      ServerEventOf<'session.created'>['session']
    >()
  })

  it('widen exactly where the live API sends null', () => {
    expectTypeOf<RealtimeUserContentPart['transcript']>().toEqualTypeOf<string | null | undefined>()
    expectTypeOf<ServerEventOf<'response.created'>['response']['usage']>().toEqualTypeOf<
      RealtimeResponseUsage | null | undefined
    >()
    expectTypeOf<ServerEventOf<'response.output_audio_transcript.delta'>['obfuscation']>().toEqualTypeOf<
      string | undefined
    >()
  })
})

describe('generated wire unions', () => {
  it('have no index signature on any event, so fields narrow', () => {
    noneOf<{ [T in ServerEventType]: string extends keyof ServerEventOf<T> ? T : never }[ServerEventType]>()
    noneOf<{ [T in ClientEventType]: string extends keyof ClientEventOf<T> ? T : never }[ClientEventType]>()
  })

  it('narrow on `type` in a switch', () => {
    const read = (event: ServerEvent): string | undefined => {
      switch (event.type) {
        case 'response.output_audio.delta':
          expectTypeOf(event).toEqualTypeOf<ResponseOutputAudioDeltaEvent>()
          expectTypeOf(event.content_index).toBeNumber()
          return event.delta
        case 'error':
          expectTypeOf(event).toEqualTypeOf<ServerErrorEvent>()
          expectTypeOf(event.error.code).toEqualTypeOf<string | null | undefined>()
          return event.error.message
        case 'conversation.item.done': {
          expectTypeOf(event.item).toEqualTypeOf<RealtimeConversationItem>()
          const { item } = event
          if (item.type === 'function_call') return item.arguments
          if (item.type === 'message' && item.role === 'user') return item.content[0]?.transcript ?? undefined
          return item.id
        }
        case 'response.done':
          expectTypeOf(event.response.status).toEqualTypeOf<
            'completed' | 'cancelled' | 'failed' | 'incomplete' | 'in_progress' | undefined
          >()
          return event.response.status_details?.reason
        case 'session.created':
          // @ts-expect-error a session event has no delta
          return event.delta
        default:
          return undefined
      }
    }
    const send = (event: ClientEvent): string | undefined => {
      if (event.type === 'conversation.item.truncate') return String(event.audio_end_ms)
      if (event.type === 'session.update' && event.session.type === 'realtime')
        return event.session.instructions
      return undefined
    }
    const audio = {
      type: 'response.output_audio.delta',
      event_id: 'e',
      response_id: 'r',
      item_id: 'i',
    } as const
    expect(read({ ...audio, output_index: 0, content_index: 0, delta: 'AA==' })).toBe('AA==')
    expect(
      send({ type: 'conversation.item.truncate', item_id: 'i', content_index: 0, audio_end_ms: 5 }),
    ).toBe('5')
    expectTypeOf<ServerEventOf<'error'>>().toEqualTypeOf<ServerErrorEvent>()
  })
})

describe('generated wire type lists', () => {
  const typesOf = (union: string) =>
    (realtimeSchemas[union] as { anyOf: { $ref: string }[] }).anyOf.map(({ $ref }) => {
      const schema = realtimeSchemas[$ref.split('/').at(-1)!] as { properties: { type: { enum: string[] } } }
      return schema.properties.type.enum[0]
    })

  it('hold every event type of the schemas, once, sorted', () => {
    expect(SERVER_EVENT_TYPES).toEqual([...typesOf('RealtimeServerEvent')].sort())
    expect(CLIENT_EVENT_TYPES).toEqual([...typesOf('RealtimeClientEvent')].sort())
  })

  // The live capture, kept verbatim in the repository's fixtures.
  const trafficFile = resolve(import.meta.dirname, '../fixtures/traffic/sip-gateway-ga.json')
  it('know every event type of the recorded live session', () => {
    const traffic = JSON.parse(readFileSync(trafficFile, 'utf8')) as { events: { event: { type: string } }[] }
    const known = new Set<string>(SERVER_EVENT_TYPES)
    expect(traffic.events.map(({ event }) => event.type).filter((type) => !known.has(type))).toEqual([])
  })
})
