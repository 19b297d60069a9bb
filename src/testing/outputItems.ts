import type { WireItem, WireMessageItem } from '../core'
import { encodeBase64 } from '../core'
import type { Conversation } from './conversation'
import type { Outbox } from './outbox'
import type { SessionConfig } from './sessionConfig'
import { speechDurationMs, synthesizeSpeech } from './synth'

/** The response being streamed; a cancel (by the client or a new user turn) sets `cancelled`. */
export interface ActiveResponse {
  readonly id: string
  cancelled: boolean
  reason: string
}

/** What streaming an output item needs from the simulator. */
export interface OutputContext {
  outbox: Outbox
  conversation: Conversation
  config: SessionConfig
  /** Audio per `response.output_audio.delta`, ms. */
  chunkMs: number
  /** WebRTC mode: audio plays as a media track, so it is reported, not sent. */
  audioOverMedia: boolean
  /** Waits the pace between two chunks. */
  wait(): Promise<void>
}

/** Streams one function call of a response: the item, its arguments in two deltas, done. */
export async function streamToolCall(
  ctx: OutputContext,
  response: ActiveResponse,
  outputIndex: number,
  name: string,
  args: string,
): Promise<WireItem> {
  const { outbox, conversation } = ctx
  const item = {
    id: outbox.id('item'),
    type: 'function_call' as const,
    status: 'in_progress' as const,
    call_id: outbox.id('call'),
    name,
    arguments: '',
  }
  const previous = conversation.lastId
  conversation.add(item)
  const ids = { response_id: response.id, item_id: item.id, output_index: outputIndex, call_id: item.call_id }
  outbox.emit({
    type: 'response.output_item.added',
    response_id: response.id,
    output_index: outputIndex,
    item: structuredClone(item),
  })
  outbox.emit({ type: 'conversation.item.added', previous_item_id: previous, item: structuredClone(item) })
  const half = Math.ceil(args.length / 2)
  for (const delta of [args.slice(0, half), args.slice(half)].filter(Boolean)) {
    outbox.emit({ type: 'response.function_call_arguments.delta', ...ids, delta })
  }
  outbox.emit({ type: 'response.function_call_arguments.done', ...ids, name, arguments: args })
  const done = { ...item, status: 'completed' as const, arguments: args }
  conversation.replace(done)
  emitItemDone(outbox, response.id, outputIndex, previous, done)
  return done
}

/**
 * Streams the assistant's message: transcript (or text) deltas a little ahead of audio deltas,
 * one chunk per wait, until the text is said or the response is cancelled.
 */
export async function streamMessage(
  ctx: OutputContext,
  response: ActiveResponse,
  text: string,
  audio: boolean,
  outputIndex = 0,
): Promise<WireItem> {
  const { outbox, conversation, chunkMs } = ctx
  const item: WireMessageItem & { id: string } = {
    id: outbox.id('item'),
    type: 'message',
    status: 'in_progress',
    role: 'assistant',
    content: [],
  }
  const previous = conversation.lastId
  const stored = conversation.add(item)
  const ids = { response_id: response.id, item_id: item.id, output_index: outputIndex, content_index: 0 }
  outbox.emit({
    type: 'response.output_item.added',
    response_id: response.id,
    output_index: outputIndex,
    item: structuredClone(item),
  })
  outbox.emit({ type: 'conversation.item.added', previous_item_id: previous, item: structuredClone(item) })
  outbox.emit({
    type: 'response.content_part.added',
    ...ids,
    part: audio ? { type: 'audio', transcript: '' } : { type: 'text', text: '' },
  })

  const words = text.match(/\S+\s*/g) ?? [text]
  const totalMs = audio ? speechDurationMs(text) : 0
  const chunks = audio ? Math.ceil(totalMs / chunkMs) : words.length
  let sentWords = 0
  let said = ''
  for (let i = 0; i < chunks && !response.cancelled; i++) {
    // Transcript runs a little ahead of the audio, as the API's does.
    const wordsDue = Math.min(words.length, Math.ceil(((i + 1) / chunks) * words.length))
    for (; sentWords < wordsDue; sentWords++) {
      said += words[sentWords]
      const delta = words[sentWords]!
      outbox.emit(
        audio
          ? {
              type: 'response.output_audio_transcript.delta',
              ...ids,
              delta,
              obfuscation: obfuscation(`${item.id}:${sentWords}`, delta),
            }
          : { type: 'response.output_text.delta', ...ids, delta },
      )
    }
    if (audio) {
      const ms = Math.min(chunkMs, totalMs - i * chunkMs)
      if (!ctx.audioOverMedia) {
        outbox.emit({
          type: 'response.output_audio.delta',
          ...ids,
          delta: encodeBase64(synthesizeSpeech(text, i * chunkMs, ms, ctx.config.outputFormat)),
        })
      } else if (i === 0) {
        outbox.emit({ type: 'output_audio_buffer.started', response_id: response.id })
      }
      stored.audioMs += ms
    }
    await ctx.wait()
  }
  const status = response.cancelled ? 'incomplete' : 'completed'
  const part = audio
    ? { type: 'output_audio' as const, transcript: said }
    : { type: 'output_text' as const, text: said }
  if (audio && ctx.audioOverMedia && !response.cancelled) {
    outbox.emit({ type: 'output_audio_buffer.stopped', response_id: response.id })
  }
  if (audio) {
    outbox.emit({ type: 'response.output_audio.done', ...ids })
    outbox.emit({ type: 'response.output_audio_transcript.done', ...ids, transcript: said })
  } else {
    outbox.emit({ type: 'response.output_text.done', ...ids, text: said })
  }
  outbox.emit({
    type: 'response.content_part.done',
    ...ids,
    part: audio ? { type: 'audio', transcript: said } : { type: 'text', text: said },
  })
  const done: WireMessageItem & { id: string } = { ...item, status, content: [part] }
  stored.item = done
  emitItemDone(outbox, response.id, outputIndex, previous, done)
  return done
}

/** An output item is complete: the live API says so to the conversation first, then to the response. */
export function emitItemDone(
  outbox: Outbox,
  responseId: string,
  outputIndex: number,
  previousItemId: string | null,
  item: WireItem,
): void {
  outbox.emit({
    type: 'conversation.item.done',
    previous_item_id: previousItemId,
    item: structuredClone(item),
  })
  outbox.emit({
    type: 'response.output_item.done',
    response_id: responseId,
    output_index: outputIndex,
    item: structuredClone(item),
  })
}

/**
 * The live API's `obfuscation` on streamed text deltas: random characters that pad every delta to
 * a similar size, so its length says nothing. Here a hash of `seed` (the item and the delta's
 * place), so runs stay deterministic.
 */
export function obfuscation(seed: string, delta: string): string {
  let hash = 0x811c9dc5
  let out = ''
  for (let i = 0; out.length < Math.max(1, 16 - delta.length); i++) {
    hash = Math.imul(hash ^ seed.charCodeAt(i % seed.length), 0x01000193) >>> 0
    out += ALPHABET[hash % ALPHABET.length]
  }
  return out
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
