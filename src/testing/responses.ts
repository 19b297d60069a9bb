import type { Clock, TimerHandle, WireItem } from '../core'
import { apiErrors } from './apiErrors'
import type { Conversation } from './conversation'
import type { McpServers } from './mcpServers'
import type { SimulatorOptions } from './options'
import type { Outbox } from './outbox'
import { type ActiveResponse, type OutputContext, streamMessage, streamToolCall } from './outputItems'
import { RateLimits } from './rateLimits'
import type { ScriptCursor } from './script'
import type { SessionConfig } from './sessionConfig'

/** The parts of the simulator a response reads and writes. */
export interface ResponseParts {
  outbox: Outbox
  config: SessionConfig
  conversation: Conversation
  mcp: McpServers
  script: ScriptCursor
  clock: Clock
  /** Called when a response is done and no other is queued (the idle timeout starts then). */
  onIdle: () => void
}

/**
 * The assistant's side: one response at a time, each the script's next reply streamed as output
 * items, with `response.create` / `response.cancel` / `output_audio_buffer.clear` handled as the
 * API handles them.
 */
export class Responses {
  readonly #parts: ResponseParts
  readonly #options: SimulatorOptions
  readonly #output: OutputContext
  readonly #waits = new Set<TimerHandle>()
  readonly #rateLimits = new RateLimits()
  #active: ActiveResponse | null = null
  #respondNext = false
  #disposed = false

  constructor(parts: ResponseParts, options: SimulatorOptions) {
    this.#parts = parts
    this.#options = options
    this.#output = {
      outbox: parts.outbox,
      conversation: parts.conversation,
      config: parts.config,
      chunkMs: options.chunkMs ?? 100,
      audioOverMedia: options.audioOverMedia === true,
      wait: () => this.#wait(),
    }
  }

  /** The response being streamed, or null. */
  get active(): ActiveResponse | null {
    return this.#active
  }

  /** `response.create`: refused while another response is active. */
  create(clientEventId: string | undefined): void {
    if (this.#active) {
      return this.#parts.outbox.error(apiErrors.responseActive(this.#active.id), clientEventId)
    }
    void this.#respond()
  }

  /** `response.cancel`: the active response (or the named one, if it is active) stops after its current chunk. */
  cancel(responseId: string | undefined, clientEventId: string | undefined): void {
    if (!this.#active || (responseId && responseId !== this.#active.id)) {
      return this.#parts.outbox.error(apiErrors.cancelNotActive(), clientEventId)
    }
    this.#active.cancelled = true
    this.#active.reason = 'client_cancelled'
  }

  /** `output_audio_buffer.clear` (WebRTC only): cuts the answer being played. */
  clearOutputAudio(clientEventId: string | undefined): void {
    if (!this.#options.audioOverMedia) {
      return this.#parts.outbox.error(apiErrors.outputClearNeedsWebRtc(), clientEventId)
    }
    if (this.#active) {
      this.#active.cancelled = true
      this.#active.reason = 'client_cancelled'
      this.#parts.outbox.emit({ type: 'output_audio_buffer.cleared', response_id: this.#active.id })
    }
  }

  /** The user started speaking over the answer (turn detection with `interrupt_response`). */
  interruptByTurn(): void {
    if (!this.#active) return
    this.#active.cancelled = true
    this.#active.reason = 'turn_detected'
  }

  /** A committed user turn wants an answer: now, or once a response still winding down is done. */
  answerTurn(): void {
    if (this.#active) this.#respondNext = true
    else void this.#respond()
  }

  /** Starts a response unasked (the idle timeout's prompt). */
  start(): void {
    void this.#respond()
  }

  /** Stops streaming: the active response ends at its current chunk and no wait stays scheduled. */
  dispose(): void {
    this.#disposed = true
    if (this.#active) this.#active.cancelled = true
    for (const handle of this.#waits) this.#parts.clock.clearTimeout(handle)
    this.#waits.clear()
  }

  // A disposed simulator's waits never end, so its streams stop where they are.
  #wait(): Promise<void> {
    const pace = this.#options.pace ?? 0
    const ms = pace === 'realtime' ? this.#output.chunkMs : pace
    return new Promise((resolve) => {
      if (this.#disposed) return
      const handle = this.#parts.clock.setTimeout(() => {
        this.#waits.delete(handle)
        resolve()
      }, ms)
      this.#waits.add(handle)
    })
  }

  /** The response's output items: approved MCP calls first, then the script's reply; returns the tokens spent. */
  async #streamOutput(response: ActiveResponse, output: WireItem[]): Promise<number> {
    const { config, script, mcp } = this.#parts
    let outputTokens = 0
    await this.#wait()
    for (const { requestId, call } of mcp.takeApproved()) {
      if (response.cancelled) return outputTokens
      const result = await mcp.run(this.#output, response, output.length, call, requestId)
      output.push(result.item)
      script.toolOutputSeen(result.output ?? 'The tool call failed.')
    }
    let reply = script.nextReply(config)
    if ('mcpCalls' in reply) {
      for (const call of reply.mcpCalls) {
        if (response.cancelled) return outputTokens
        if (mcp.needsApproval(config.mcpTools, call)) {
          output.push(mcp.requestApproval(this.#output, response, output.length, call))
          continue
        }
        const result = await mcp.run(this.#output, response, output.length, call, null)
        output.push(result.item)
        script.toolOutputSeen(result.output ?? 'The tool call failed.')
      }
      // A call held for approval ends the response: the answer comes once the client decided.
      if (output.some((item) => item.type === 'mcp_approval_request') || response.cancelled)
        return outputTokens
      reply = script.nextReply(config)
    }
    if ('toolCalls' in reply) {
      for (const [index, call] of reply.toolCalls.entries()) {
        if (response.cancelled) break
        const args = typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments)
        output.push(await streamToolCall(this.#output, response, output.length + index, call.name, args))
        outputTokens += 10
      }
    } else if ('say' in reply) {
      output.push(await streamMessage(this.#output, response, reply.say, config.speaks, output.length))
      outputTokens += Math.round(reply.say.length / 4)
    }
    return outputTokens
  }

  async #respond(): Promise<void> {
    const { outbox, config, conversation } = this.#parts
    const response: ActiveResponse = { id: outbox.id('resp'), cancelled: false, reason: '' }
    this.#active = response
    const base = {
      object: 'realtime.response',
      id: response.id,
      conversation_id: `conv_${this.#options.idPrefix ?? 'sim'}_0001`,
      output_modalities: config.speaks ? ['audio'] : ['text'],
      max_output_tokens: 'inf',
      audio: { output: { format: config.outputWireFormat, voice: config.voice } },
    }
    // The live API's field order and nulls (usage and metadata come last, null until known).
    outbox.emit({
      type: 'response.created',
      response: {
        ...base,
        status: 'in_progress',
        status_details: null,
        output: [],
        usage: null,
        metadata: null,
      },
    })
    const output: WireItem[] = []
    const outputTokens = await this.#streamOutput(response, output)
    if (this.#active === response) this.#active = null
    const inputTokens = 100 + conversation.size * 20
    outbox.emit({
      type: 'response.done',
      response: {
        ...base,
        status: response.cancelled ? 'cancelled' : 'completed',
        status_details: response.cancelled ? { type: 'cancelled', reason: response.reason } : null,
        output,
        usage: {
          total_tokens: inputTokens + outputTokens,
          input_tokens: inputTokens,
          output_tokens: outputTokens,
          input_token_details: {
            text_tokens: inputTokens,
            audio_tokens: 0,
            image_tokens: 0,
            cached_tokens: 0,
            cached_tokens_details: { text_tokens: 0, audio_tokens: 0, image_tokens: 0 },
          },
          output_token_details: { text_tokens: outputTokens, audio_tokens: 0 },
        },
        metadata: null,
      },
    })
    this.#rateLimits.spend(inputTokens + outputTokens)
    outbox.emit({ type: 'rate_limits.updated', rate_limits: this.#rateLimits.snapshot() })
    if (this.#respondNext) {
      this.#respondNext = false
      return this.#respond()
    }
    this.#parts.onIdle()
  }
}
