import { type AudioFormat, fromWireFormat, sampleRateOf } from '../core/codec/audioFormat'
import { decodeBase64, encodeBase64 } from '../core/codec/base64'
import { decodeSamples, pcm16ToFloat } from '../core/codec/pcm16'
import type {
  ClientEvent,
  RawServerEvent,
  WireItem,
  WireMessageItem,
  WireSessionConfig,
  WireTurnDetection,
} from '../core/protocol'
import { defaultReply, type ReplyContext, type Scenario, type ScriptedReply } from './scenario'
import { speechDurationMs, synthesizeSpeech } from './synth'
import { EnergyVad } from './vad'
import { checkEvent } from './validation'

export interface SimulatorOptions {
  scenario?: Scenario
  /**
   * Milliseconds between streamed chunks. `'realtime'` paces audio as it would play (one 100 ms
   * chunk per 100 ms); a number waits that long per chunk; default 0 (as fast as timers allow).
   */
  pace?: 'realtime' | number
  /** Audio per `response.output_audio.delta`, ms. Default 100. */
  chunkMs?: number
  /** Called with every server event the simulator sends (tests use it to check shapes). */
  onServerEvent?: (event: RawServerEvent) => void
  /**
   * WebRTC mode: audio travels as a media track, so no audio deltas are sent; playback is reported
   * with output_audio_buffer.started / stopped / cleared, and output_audio_buffer.clear cuts it.
   */
  audioOverMedia?: boolean
  /** Called with every client event received and why it fails the official schema (null when it conforms). */
  onClientEvent?: (event: unknown, problem: string | null) => void
}

interface StoredItem {
  item: WireItem & { id: string }
  audioMs: number
}

/** The session as the server reports it: the config plus its identity. */
type ServerSession = WireSessionConfig & { object: 'realtime.session'; id: string }

const DEFAULT_INSTRUCTIONS = 'You are a helpful, friendly voice assistant.'
const MIN_COMMIT_MS = 100

/**
 * The Realtime API (GA) for one connection, in memory: it reads client events as JSON and answers
 * with server events through `send`. Deterministic: ids count up, audio is synthesised, and what the
 * user "said" and the assistant answers come from a {@link Scenario}.
 */
export class RealtimeSimulator {
  readonly #send: (event: RawServerEvent) => void
  readonly #options: SimulatorOptions
  readonly #vad = new EnergyVad()
  readonly #items = new Map<string, StoredItem>()
  readonly #order: string[] = []
  #session: ServerSession
  #counter = 0
  #turnIndex = -1
  #replyIndex = 0
  #userText: string | null = null
  #toolOutput: string | null = null
  #bufferMs = 0
  #bufferStartMs = 0
  #pendingUserItemId: string | null = null
  #active: { id: string; cancelled: boolean; reason: string } | null = null
  #respondNext = false
  #idleTimer: ReturnType<typeof setTimeout> | undefined
  #disposed = false

  constructor(send: (event: RawServerEvent) => void, options: SimulatorOptions = {}) {
    this.#send = send
    this.#options = options
    this.#session = {
      type: 'realtime',
      object: 'realtime.session',
      id: 'sess_sim_0001',
      model: 'gpt-realtime',
      output_modalities: ['audio'],
      instructions: DEFAULT_INSTRUCTIONS,
      tools: [],
      tool_choice: 'auto',
      audio: {
        input: {
          format: { type: 'audio/pcm', rate: 24000 },
          turn_detection: {
            type: 'server_vad',
            threshold: 0.5,
            prefix_padding_ms: 300,
            silence_duration_ms: 500,
            create_response: true,
            interrupt_response: true,
          },
        },
        output: { format: { type: 'audio/pcm', rate: 24000 }, voice: 'alloy', speed: 1 },
      },
    }
    this.#vad.configure(this.#turnDetection()!)
  }

  /** Starts the conversation: the server's first event. */
  open(): void {
    this.#emit({ type: 'session.created', session: structuredClone(this.#session) })
  }

  /** Stops timers and streaming; further input is ignored. */
  dispose(): void {
    this.#disposed = true
    clearTimeout(this.#idleTimer)
    if (this.#active) this.#active.cancelled = true
  }

  #id(prefix: string): string {
    return `${prefix}_sim_${String(++this.#counter).padStart(4, '0')}`
  }

  #emit(event: Omit<RawServerEvent, 'event_id'> & { type: string }): void {
    if (this.#disposed) return
    const full = { event_id: this.#id('event'), ...event } as RawServerEvent
    this.#options.onServerEvent?.(full)
    this.#send(full)
  }

  #error(message: string, code: string, clientEventId?: string, param: string | null = null): void {
    this.#emit({
      type: 'error',
      error: { type: 'invalid_request_error', code, message, param, event_id: clientEventId ?? null },
    })
  }

  #turnDetection(): WireTurnDetection | null {
    return this.#session.audio?.input?.turn_detection ?? null
  }
  #inputFormat(): AudioFormat {
    return fromWireFormat(this.#session.audio?.input?.format)
  }
  #outputFormat(): AudioFormat {
    return fromWireFormat(this.#session.audio?.output?.format)
  }

  /** Handles one message from the client (JSON text). */
  receive(data: string): void {
    if (this.#disposed) return
    let event: ClientEvent
    try {
      event = JSON.parse(data)
    } catch {
      return this.#error('The message is not valid JSON.', 'invalid_json')
    }
    const problem = checkEvent('client', event)
    this.#options.onClientEvent?.(event, problem)
    if (problem)
      return this.#error(
        problem,
        problem.startsWith('Unknown') ? 'invalid_event' : 'invalid_value',
        (event as { event_id?: string })?.event_id,
      )
    this.#handle(event)
  }

  #handle(event: ClientEvent): void {
    switch (event.type) {
      case 'session.update':
        // A transcription-only session is not simulated; its fields pass as a realtime one's would.
        if (event.session.type !== 'realtime') return
        return this.#updateSession(event.session)
      case 'input_audio_buffer.append':
        return this.#append(event.audio)
      case 'input_audio_buffer.commit':
        if (this.#bufferMs - this.#bufferStartMs < MIN_COMMIT_MS) {
          return this.#error(
            `Error committing input audio buffer: buffer too small. Expected at least ${MIN_COMMIT_MS}ms of audio, but buffer only has ${Math.round(this.#bufferMs - this.#bufferStartMs)}ms of audio.`,
            'input_audio_buffer_commit_empty',
            event.event_id,
          )
        }
        return this.#commitUserAudio(false)
      case 'input_audio_buffer.clear':
        this.#bufferStartMs = this.#bufferMs
        this.#vad.reset()
        return this.#emit({ type: 'input_audio_buffer.cleared' })
      case 'output_audio_buffer.clear':
        if (!this.#options.audioOverMedia) {
          return this.#error(
            'output_audio_buffer.clear is only supported for WebRTC sessions.',
            'invalid_event',
            event.event_id,
          )
        }
        if (this.#active) {
          this.#active.cancelled = true
          this.#active.reason = 'client_cancelled'
          this.#emit({ type: 'output_audio_buffer.cleared', response_id: this.#active.id })
        }
        return
      case 'conversation.item.create':
        return this.#createItem(event.item, event.previous_item_id, event.event_id)
      case 'conversation.item.delete':
        return this.#deleteItem(event.item_id, event.event_id)
      case 'conversation.item.retrieve': {
        const stored = this.#items.get(event.item_id)
        if (!stored)
          return this.#error(
            `Item with item_id not found: ${event.item_id}`,
            'item_retrieve_invalid_item_id',
            event.event_id,
            'item_id',
          )
        return this.#emit({ type: 'conversation.item.retrieved', item: structuredClone(stored.item) })
      }
      case 'conversation.item.truncate':
        return this.#truncate(event.item_id, event.content_index, event.audio_end_ms, event.event_id)
      case 'response.create':
        if (this.#active) {
          return this.#error(
            `Conversation already has an active response in progress: ${this.#active.id}. Wait until the response is finished before creating a new one.`,
            'conversation_already_has_active_response',
            event.event_id,
          )
        }
        return void this.#respond()
      case 'response.cancel':
        if (!this.#active || (event.response_id && event.response_id !== this.#active.id)) {
          return this.#error(
            'Cancellation failed: no active response found',
            'response_cancel_not_active',
            event.event_id,
          )
        }
        this.#active.cancelled = true
        this.#active.reason = 'client_cancelled'
        return
    }
  }

  #updateSession(update: WireSessionConfig): void {
    const { audio, ...rest } = update
    this.#session = { ...this.#session, ...rest }
    if (audio) {
      const current = this.#session.audio ?? {}
      this.#session.audio = {
        input: { ...current.input, ...audio.input },
        output: { ...current.output, ...audio.output },
      }
    }
    const td = this.#turnDetection()
    if (td) this.#vad.configure(td)
    this.#emit({ type: 'session.updated', session: structuredClone(this.#session) })
  }

  // --- input audio and turn detection -------------------------------------------------------

  #append(base64: string): void {
    const format = this.#inputFormat()
    const samples = pcm16ToFloat(decodeSamples(new Uint8Array(decodeBase64(base64)), format))
    this.#bufferMs += (samples.length / sampleRateOf(format)) * 1000
    const td = this.#turnDetection()
    if (!td) return
    for (const vad of this.#vad.push(samples, sampleRateOf(format))) {
      if (vad.type === 'speech_started') {
        clearTimeout(this.#idleTimer)
        this.#pendingUserItemId = this.#id('item')
        this.#emit({
          type: 'input_audio_buffer.speech_started',
          audio_start_ms: vad.audioStartMs,
          item_id: this.#pendingUserItemId,
        })
        if (td.interrupt_response !== false && this.#active) {
          this.#active.cancelled = true
          this.#active.reason = 'turn_detected'
        }
      } else {
        this.#emit({
          type: 'input_audio_buffer.speech_stopped',
          audio_end_ms: vad.audioEndMs,
          item_id: this.#pendingUserItemId!,
        })
        this.#commitUserAudio(td.create_response !== false)
      }
    }
  }

  #commitUserAudio(respond: boolean): void {
    const itemId = this.#pendingUserItemId ?? this.#id('item')
    this.#pendingUserItemId = null
    const audioMs = this.#bufferMs - this.#bufferStartMs
    this.#bufferStartMs = this.#bufferMs
    const previous = this.#order.at(-1) ?? null
    this.#emit({ type: 'input_audio_buffer.committed', previous_item_id: previous, item_id: itemId })
    const item: WireItem & { id: string } = {
      id: itemId,
      object: 'realtime.item',
      type: 'message',
      status: 'completed',
      role: 'user',
      content: [{ type: 'input_audio' }],
    }
    this.#store(item, audioMs)
    this.#emit({ type: 'conversation.item.added', previous_item_id: previous, item: structuredClone(item) })
    this.#nextTurn()
    const transcript =
      this.#options.scenario?.turns?.[this.#turnIndex]?.user ??
      this.#options.scenario?.defaultUserTranscript ??
      'Hello?'
    this.#userText = transcript
    const transcription = this.#session.audio?.input?.transcription
    if (transcription) {
      for (const word of transcript.match(/\S+\s*/g) ?? []) {
        this.#emit({
          type: 'conversation.item.input_audio_transcription.delta',
          item_id: itemId,
          content_index: 0,
          delta: word,
        })
      }
      item.content = [{ type: 'input_audio', transcript }]
      const tokens = Math.max(1, Math.round(transcript.length / 4))
      this.#emit({
        type: 'conversation.item.input_audio_transcription.completed',
        item_id: itemId,
        content_index: 0,
        transcript,
        usage: {
          type: 'tokens',
          total_tokens: tokens * 2,
          input_tokens: tokens,
          input_token_details: { text_tokens: 0, audio_tokens: tokens },
          output_tokens: tokens,
        },
      })
    }
    this.#emit({ type: 'conversation.item.done', previous_item_id: previous, item: structuredClone(item) })
    if (!respond) return
    // A response still winding down (cancelled by this very turn) finishes first; then we answer.
    if (this.#active) this.#respondNext = true
    else void this.#respond()
  }

  #nextTurn(): void {
    this.#turnIndex++
    this.#replyIndex = 0
    this.#toolOutput = null
  }

  // --- conversation items -------------------------------------------------------------------

  #store(item: WireItem & { id: string }, audioMs = 0, previousItemId?: string | null): StoredItem {
    const stored = { item, audioMs }
    this.#items.set(item.id, stored)
    const at = previousItemId ? this.#order.indexOf(previousItemId) : -1
    if (at >= 0) this.#order.splice(at + 1, 0, item.id)
    else this.#order.push(item.id)
    return stored
  }

  #createItem(item: WireItem, previousItemId: string | undefined, clientEventId: string | undefined): void {
    if (previousItemId && !this.#items.has(previousItemId)) {
      return this.#error(
        `Previous item with id ${previousItemId} not found.`,
        'invalid_value',
        clientEventId,
        'previous_item_id',
      )
    }
    if (item.id && this.#items.has(item.id))
      return this.#error(`Item with id ${item.id} already exists.`, 'invalid_value', clientEventId, 'item.id')
    if (
      item.type === 'function_call_output' &&
      ![...this.#items.values()].some(
        (s) => s.item.type === 'function_call' && s.item.call_id === item.call_id,
      )
    ) {
      return this.#error(
        `Tool call output for call_id ${item.call_id} has no matching function call.`,
        'invalid_value',
        clientEventId,
        'item.call_id',
      )
    }
    const stored = {
      ...structuredClone(item),
      id: item.id ?? this.#id('item'),
      object: 'realtime.item' as const,
      status: 'completed' as const,
    }
    const previous = previousItemId ?? this.#order.at(-1) ?? null
    this.#store(stored, 0, previousItemId)
    this.#emit({ type: 'conversation.item.added', previous_item_id: previous, item: structuredClone(stored) })
    this.#emit({ type: 'conversation.item.done', previous_item_id: previous, item: structuredClone(stored) })
    if (stored.type === 'message' && stored.role === 'user') {
      this.#nextTurn()
      this.#userText = stored.content.map((p) => p.text ?? '').join('')
    } else if (stored.type === 'function_call_output') {
      this.#toolOutput = stored.output
    }
  }

  #deleteItem(itemId: string, clientEventId: string | undefined): void {
    if (!this.#items.delete(itemId))
      return this.#error(
        `Item with item_id not found: ${itemId}`,
        'item_delete_invalid_item_id',
        clientEventId,
        'item_id',
      )
    this.#order.splice(this.#order.indexOf(itemId), 1)
    this.#emit({ type: 'conversation.item.deleted', item_id: itemId })
  }

  #truncate(
    itemId: string,
    contentIndex: number,
    audioEndMs: number,
    clientEventId: string | undefined,
  ): void {
    const stored = this.#items.get(itemId)
    if (stored?.item.type !== 'message' || stored.item.role !== 'assistant') {
      return this.#error(
        `Item with item_id not found or not an assistant message: ${itemId}`,
        'item_truncate_invalid_item_id',
        clientEventId,
        'item_id',
      )
    }
    if (audioEndMs > Math.ceil(stored.audioMs)) {
      return this.#error(
        `Audio content of ${Math.round(stored.audioMs)}ms is already shorter than ${audioEndMs}ms`,
        'invalid_value',
        clientEventId,
        'audio_end_ms',
      )
    }
    // Like the API: the transcript goes, so the model's context holds nothing the user did not hear.
    stored.audioMs = audioEndMs
    for (const part of stored.item.content) delete part.transcript
    this.#emit({
      type: 'conversation.item.truncated',
      item_id: itemId,
      content_index: contentIndex,
      audio_end_ms: audioEndMs,
    })
  }

  // --- responses ----------------------------------------------------------------------------

  #nextReply(): ScriptedReply {
    const ctx: ReplyContext = {
      userText: this.#userText,
      toolOutput: this.#toolOutput,
      tools: (this.#session.tools ?? []).map((t) => (t.type === 'mcp' ? t.server_label : (t.name ?? ''))),
      instructions: this.#session.instructions ?? '',
      replyIndex: this.#replyIndex,
    }
    const scripted = this.#options.scenario?.turns?.[this.#turnIndex]?.replies?.[this.#replyIndex]
    this.#replyIndex++
    this.#toolOutput = null
    if (scripted) return typeof scripted === 'function' ? scripted(ctx) : scripted
    return (this.#options.scenario?.fallback ?? defaultReply)(ctx)
  }

  #wait(): Promise<void> {
    const pace = this.#options.pace ?? 0
    const ms = pace === 'realtime' ? (this.#options.chunkMs ?? 100) : pace
    return new Promise((resolve) => setTimeout(resolve, ms))
  }

  async #respond(): Promise<void> {
    const response = { id: this.#id('resp'), cancelled: false, reason: '' }
    this.#active = response
    const audio = (this.#session.output_modalities ?? ['audio']).includes('audio')
    const base = {
      object: 'realtime.response',
      id: response.id,
      conversation_id: 'conv_sim_0001',
      output_modalities: audio ? ['audio'] : ['text'],
      max_output_tokens: 'inf',
      audio: {
        output: {
          format: this.#session.audio?.output?.format,
          voice: this.#session.audio?.output?.voice ?? 'alloy',
        },
      },
    }
    this.#emit({
      type: 'response.created',
      response: { ...base, status: 'in_progress', output: [] },
    })
    const reply = this.#nextReply()
    const output: WireItem[] = []
    let outputTokens = 0
    await this.#wait()
    if ('toolCalls' in reply) {
      for (const [index, call] of reply.toolCalls.entries()) {
        if (response.cancelled) break
        output.push(
          await this.#streamToolCall(
            response,
            index,
            call.name,
            typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments),
          ),
        )
        outputTokens += 10
      }
    } else {
      output.push(await this.#streamMessage(response, reply.say, audio))
      outputTokens += Math.round(reply.say.length / 4)
    }
    if (this.#active === response) this.#active = null
    const inputTokens = 100 + this.#order.length * 20
    this.#emit({
      type: 'response.done',
      response: {
        ...base,
        status: response.cancelled ? 'cancelled' : 'completed',
        ...(response.cancelled ? { status_details: { type: 'cancelled', reason: response.reason } } : {}),
        output,
        usage: {
          total_tokens: inputTokens + outputTokens,
          input_tokens: inputTokens,
          output_tokens: outputTokens,
          input_token_details: { text_tokens: inputTokens, audio_tokens: 0, cached_tokens: 0 },
          output_token_details: { text_tokens: outputTokens, audio_tokens: 0 },
        },
      },
    })
    if (this.#respondNext) {
      this.#respondNext = false
      return this.#respond()
    }
    this.#armIdleTimer()
  }

  async #streamToolCall(
    response: { id: string; cancelled: boolean },
    outputIndex: number,
    name: string,
    args: string,
  ): Promise<WireItem> {
    const item = {
      id: this.#id('item'),
      object: 'realtime.item' as const,
      type: 'function_call' as const,
      status: 'in_progress' as const,
      call_id: this.#id('call'),
      name,
      arguments: '',
    }
    const previous = this.#order.at(-1) ?? null
    this.#store(item)
    this.#emit({
      type: 'response.output_item.added',
      response_id: response.id,
      output_index: outputIndex,
      item: structuredClone(item),
    })
    this.#emit({ type: 'conversation.item.added', previous_item_id: previous, item: structuredClone(item) })
    const half = Math.ceil(args.length / 2)
    for (const delta of [args.slice(0, half), args.slice(half)].filter(Boolean)) {
      this.#emit({
        type: 'response.function_call_arguments.delta',
        response_id: response.id,
        item_id: item.id,
        output_index: outputIndex,
        call_id: item.call_id,
        delta,
      })
    }
    this.#emit({
      type: 'response.function_call_arguments.done',
      response_id: response.id,
      item_id: item.id,
      output_index: outputIndex,
      call_id: item.call_id,
      name,
      arguments: args,
    })
    const done = { ...item, status: 'completed' as const, arguments: args }
    this.#items.set(item.id, { item: done, audioMs: 0 })
    this.#emit({
      type: 'response.output_item.done',
      response_id: response.id,
      output_index: outputIndex,
      item: structuredClone(done),
    })
    this.#emit({ type: 'conversation.item.done', previous_item_id: previous, item: structuredClone(done) })
    return done
  }

  async #streamMessage(
    response: { id: string; cancelled: boolean },
    text: string,
    audio: boolean,
  ): Promise<WireItem> {
    const item: WireMessageItem & { id: string } = {
      id: this.#id('item'),
      object: 'realtime.item',
      type: 'message',
      status: 'in_progress',
      role: 'assistant',
      content: [],
    }
    const previous = this.#order.at(-1) ?? null
    const stored = this.#store(item)
    const ids = { response_id: response.id, item_id: item.id, output_index: 0, content_index: 0 }
    this.#emit({
      type: 'response.output_item.added',
      response_id: response.id,
      output_index: 0,
      item: structuredClone(item),
    })
    this.#emit({ type: 'conversation.item.added', previous_item_id: previous, item: structuredClone(item) })
    this.#emit({
      type: 'response.content_part.added',
      ...ids,
      part: audio ? { type: 'audio', transcript: '' } : { type: 'text', text: '' },
    })

    const words = text.match(/\S+\s*/g) ?? [text]
    const chunkMs = this.#options.chunkMs ?? 100
    const totalMs = audio ? speechDurationMs(text) : 0
    const chunks = audio ? Math.ceil(totalMs / chunkMs) : words.length
    let sentWords = 0
    let said = ''
    for (let i = 0; i < chunks && !response.cancelled; i++) {
      // Transcript runs a little ahead of the audio, as the API's does.
      const wordsDue = Math.min(words.length, Math.ceil(((i + 1) / chunks) * words.length))
      for (; sentWords < wordsDue; sentWords++) {
        said += words[sentWords]
        this.#emit({
          type: audio ? 'response.output_audio_transcript.delta' : 'response.output_text.delta',
          ...ids,
          delta: words[sentWords],
        })
      }
      if (audio) {
        const ms = Math.min(chunkMs, totalMs - i * chunkMs)
        if (!this.#options.audioOverMedia) {
          this.#emit({
            type: 'response.output_audio.delta',
            ...ids,
            delta: encodeBase64(synthesizeSpeech(text, i * chunkMs, ms, this.#outputFormat())),
          })
        } else if (i === 0) {
          this.#emit({ type: 'output_audio_buffer.started', response_id: response.id })
        }
        stored.audioMs += ms
      }
      await this.#wait()
    }
    const status = response.cancelled ? 'incomplete' : 'completed'
    const part = audio
      ? { type: 'output_audio' as const, transcript: said }
      : { type: 'output_text' as const, text: said }
    if (audio && this.#options.audioOverMedia && !response.cancelled) {
      this.#emit({ type: 'output_audio_buffer.stopped', response_id: response.id })
    }
    if (audio) {
      this.#emit({ type: 'response.output_audio.done', ...ids })
      this.#emit({ type: 'response.output_audio_transcript.done', ...ids, transcript: said })
    } else {
      this.#emit({ type: 'response.output_text.done', ...ids, text: said })
    }
    this.#emit({
      type: 'response.content_part.done',
      ...ids,
      part: audio ? { type: 'audio', transcript: said } : { type: 'text', text: said },
    })
    const done = { ...item, status, content: [part] } as WireItem & { id: string }
    stored.item = done
    this.#emit({
      type: 'response.output_item.done',
      response_id: response.id,
      output_index: 0,
      item: structuredClone(done),
    })
    this.#emit({ type: 'conversation.item.done', previous_item_id: previous, item: structuredClone(done) })
    return done
  }

  /** Server VAD's idle timeout: after the answer has played, silence for `idle_timeout_ms` prompts the model. */
  #armIdleTimer(): void {
    clearTimeout(this.#idleTimer)
    const td = this.#turnDetection()
    const timeout = td?.type === 'server_vad' ? td.idle_timeout_ms : null
    if (!timeout) return
    const lastAudio = [...this.#items.values()].at(-1)?.audioMs ?? 0
    this.#idleTimer = setTimeout(() => {
      if (this.#active || this.#vad.speaking || this.#disposed) return
      const itemId = this.#id('item')
      const start = Math.round(this.#bufferStartMs)
      this.#emit({
        type: 'input_audio_buffer.timeout_triggered',
        audio_start_ms: start,
        audio_end_ms: Math.max(start, Math.round(this.#bufferMs)),
        item_id: itemId,
      })
      void this.#respond()
    }, timeout + lastAudio)
  }
}
