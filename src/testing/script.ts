import type { WireItem } from '../core'
import { defaultReply, type ReplyContext, type Scenario, type ScriptedReply } from './scenario'

/**
 * Where the conversation is in its {@link Scenario}: which user turn, which reply of that turn,
 * and what the next reply may use (the user's latest words, the latest tool output).
 */
export class ScriptCursor {
  readonly #scenario: Scenario | undefined
  #turnIndex = -1
  #replyIndex = 0
  #userText: string | null = null
  #toolOutput: string | null = null

  constructor(scenario: Scenario | undefined) {
    this.#scenario = scenario
  }

  #nextTurn(): void {
    this.#turnIndex++
    this.#replyIndex = 0
    this.#toolOutput = null
  }

  /** The user spoke a turn: returns what the script says they said, and whether its transcription fails. */
  userSpoke(): { transcript: string; fails: boolean } {
    this.#nextTurn()
    const turn = this.#scenario?.turns?.[this.#turnIndex]
    const transcript = turn?.user ?? this.#scenario?.defaultUserTranscript ?? 'Hello?'
    this.#userText = transcript
    return { transcript, fails: turn?.transcriptionFails === true }
  }

  /** The client created an item: a user message starts a turn, a tool output feeds the next reply. */
  itemCreated(item: WireItem): void {
    if (item.type === 'message' && item.role === 'user') {
      this.#nextTurn()
      this.#userText = item.content.map((p) => p.text ?? '').join('')
    } else if (item.type === 'function_call_output') {
      this.#toolOutput = item.output
    }
  }

  /** A hosted MCP call returned `output`: the next reply may use it. */
  toolOutputSeen(output: string): void {
    this.#toolOutput = output
  }

  /** The next reply: the turn's scripted one, else the scenario's fallback, else {@link defaultReply}. */
  nextReply(session: { toolNames: string[]; instructions: string }): ScriptedReply {
    const ctx: ReplyContext = {
      userText: this.#userText,
      toolOutput: this.#toolOutput,
      tools: session.toolNames,
      instructions: session.instructions,
      replyIndex: this.#replyIndex,
    }
    const scripted = this.#scenario?.turns?.[this.#turnIndex]?.replies?.[this.#replyIndex]
    this.#replyIndex++
    this.#toolOutput = null
    if (scripted) return typeof scripted === 'function' ? scripted(ctx) : scripted
    return (this.#scenario?.fallback ?? defaultReply)(ctx)
  }
}
