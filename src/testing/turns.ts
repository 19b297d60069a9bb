import type { Clock, TimerHandle, WireItem } from '../core'
import { decodeBase64, decodeSamples, pcm16ToFloat, sampleRateOf } from '../core'
import { apiErrors } from './apiErrors'
import type { Conversation } from './conversation'
import type { Outbox } from './outbox'
import { obfuscation } from './outputItems'
import type { Responses } from './responses'
import type { ScriptCursor } from './script'
import type { SessionConfig } from './sessionConfig'
import { EnergyVad } from './vad'

const MIN_COMMIT_MS = 100

/** The parts of the simulator the user's turns read and write. */
export interface TurnParts {
  outbox: Outbox
  config: SessionConfig
  conversation: Conversation
  script: ScriptCursor
  responses: Responses
  clock: Clock
}

/**
 * The user's side: the input audio buffer, the VAD's speech boundaries, committed turns (with
 * their scripted transcript) and server VAD's idle timeout.
 */
export class UserTurns {
  readonly #parts: TurnParts
  readonly #vad = new EnergyVad()
  #bufferMs = 0
  #bufferStartMs = 0
  #pendingItemId: string | null = null
  #idleTimer: TimerHandle | undefined

  constructor(parts: TurnParts) {
    this.#parts = parts
    this.configure()
  }

  /** Follows the session's turn detection settings (after `session.update`). */
  configure(): void {
    const td = this.#parts.config.turnDetection
    if (td) this.#vad.configure(td)
  }

  /** `input_audio_buffer.append`: buffers the audio and runs the VAD over it when turn detection is on. */
  append(base64: string): void {
    const { outbox, config, responses } = this.#parts
    const format = config.inputFormat
    const samples = pcm16ToFloat(decodeSamples(new Uint8Array(decodeBase64(base64)), format))
    this.#bufferMs += (samples.length / sampleRateOf(format)) * 1000
    const td = config.turnDetection
    if (!td) return
    for (const vad of this.#vad.push(samples, sampleRateOf(format))) {
      if (vad.type === 'speech_started') {
        this.#parts.clock.clearTimeout(this.#idleTimer)
        this.#pendingItemId = outbox.id('item')
        outbox.emit({
          type: 'input_audio_buffer.speech_started',
          audio_start_ms: vad.audioStartMs,
          item_id: this.#pendingItemId,
        })
        if (td.interrupt_response !== false) responses.interruptByTurn()
      } else {
        outbox.emit({
          type: 'input_audio_buffer.speech_stopped',
          audio_end_ms: vad.audioEndMs,
          item_id: this.#pendingItemId!,
        })
        this.#commitUserAudio(td.create_response !== false)
      }
    }
  }

  /** `input_audio_buffer.commit`: ends the user's turn by hand; refused under 100 ms of audio. */
  commit(clientEventId: string | undefined): void {
    const buffered = this.#bufferMs - this.#bufferStartMs
    if (buffered < MIN_COMMIT_MS) {
      return this.#parts.outbox.error(apiErrors.commitTooSmall(MIN_COMMIT_MS, buffered), clientEventId)
    }
    this.#commitUserAudio(false)
  }

  /** `input_audio_buffer.clear`. */
  clear(): void {
    this.#bufferStartMs = this.#bufferMs
    this.#vad.reset()
    this.#parts.outbox.emit({ type: 'input_audio_buffer.cleared' })
  }

  #commitUserAudio(respond: boolean): void {
    const { outbox, conversation, script, config } = this.#parts
    const itemId = this.#pendingItemId ?? outbox.id('item')
    this.#pendingItemId = null
    const audioMs = this.#bufferMs - this.#bufferStartMs
    this.#bufferStartMs = this.#bufferMs
    const previous = conversation.lastId
    outbox.emit({ type: 'input_audio_buffer.committed', previous_item_id: previous, item_id: itemId })
    const item: WireItem & { id: string } = {
      id: itemId,
      type: 'message',
      status: 'completed',
      role: 'user',
      // The live API sends `transcript: null` until (unless) a transcription fills it.
      content: [{ type: 'input_audio', transcript: null }],
    }
    conversation.add(item, audioMs)
    outbox.emit({ type: 'conversation.item.added', previous_item_id: previous, item: structuredClone(item) })
    outbox.emit({ type: 'conversation.item.done', previous_item_id: previous, item: structuredClone(item) })
    const spoken = script.userSpoke()
    if (config.transcribes) this.#transcribe(itemId, spoken.transcript, spoken.fails)
    // A response still winding down (cancelled by this very turn) finishes first; then we answer.
    if (respond) this.#parts.responses.answerTurn()
  }

  /** Transcription runs beside the conversation: deltas then the transcript, or its failure. */
  #transcribe(itemId: string, transcript: string, fails: boolean): void {
    const { outbox, conversation } = this.#parts
    if (fails) {
      outbox.emit({
        type: 'conversation.item.input_audio_transcription.failed',
        item_id: itemId,
        content_index: 0,
        error: {
          type: 'transcription_error',
          code: 'audio_unintelligible',
          message: 'The audio could not be transcribed.',
          param: null,
        },
      })
      return
    }
    for (const [i, delta] of (transcript.match(/\S+\s*/g) ?? []).entries()) {
      outbox.emit({
        type: 'conversation.item.input_audio_transcription.delta',
        item_id: itemId,
        content_index: 0,
        delta,
        obfuscation: obfuscation(`${itemId}:${i}`, delta),
      })
    }
    conversation.setTranscript(itemId, transcript)
    const tokens = Math.max(1, Math.round(transcript.length / 4))
    outbox.emit({
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

  /** Server VAD's idle timeout: after the answer has played, silence for `idle_timeout_ms` prompts the model. */
  armIdleTimer(): void {
    const { clock, config, conversation, outbox, responses } = this.#parts
    clock.clearTimeout(this.#idleTimer)
    const td = config.turnDetection
    const timeout = td?.type === 'server_vad' ? td.idle_timeout_ms : null
    if (!timeout) return
    this.#idleTimer = clock.setTimeout(() => {
      this.#idleTimer = undefined
      if (responses.active || this.#vad.speaking || outbox.closed) return
      const itemId = outbox.id('item')
      const start = Math.round(this.#bufferStartMs)
      outbox.emit({
        type: 'input_audio_buffer.timeout_triggered',
        audio_start_ms: start,
        audio_end_ms: Math.max(start, Math.round(this.#bufferMs)),
        item_id: itemId,
      })
      responses.start()
    }, timeout + conversation.latestAudioMs)
  }

  /** Stops the idle timer. */
  dispose(): void {
    this.#parts.clock.clearTimeout(this.#idleTimer)
    this.#idleTimer = undefined
  }
}
