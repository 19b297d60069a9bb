import type { McpCallRequest, SimulatedMcpServer } from './mcpServers'

/**
 * One scripted answer of the simulated assistant: spoken (or text) words, function calls, or calls
 * to hosted MCP servers (after which the same response goes on with the next reply, which sees the
 * call's output as `toolOutput`; a call held for approval ends the response instead).
 */
export type ScriptedReply =
  | { say: string }
  | { toolCalls: { name: string; arguments: Record<string, unknown> | string }[] }
  | { mcpCalls: McpCallRequest[] }

/** What a reply function knows about the conversation so far. */
export interface ReplyContext {
  /** The latest user text: a typed message or the scripted transcript of the latest speech. */
  userText: string | null
  /** Output of the latest tool call, when the response follows one. */
  toolOutput: string | null
  /** Names of the tools the session offers now. */
  tools: readonly string[]
  instructions: string
  /** How many responses this user turn has had before this one. */
  replyIndex: number
}

/** One user turn: what the user "said" (for speech) and the assistant's replies, one per response. */
export interface ScenarioTurn {
  /** Transcript reported for the next speech turn; typed messages keep their own text. */
  user?: string
  /**
   * The transcription of this speech turn fails: the server sends
   * `conversation.item.input_audio_transcription.failed` instead of the transcript (the model
   * still hears the audio and answers).
   */
  transcriptionFails?: boolean
  replies?: (ScriptedReply | ((ctx: ReplyContext) => ScriptedReply))[]
}

/** A deterministic conversation script for the simulator. */
export interface Scenario {
  turns?: ScenarioTurn[]
  /** The reply once the script has run out; default {@link defaultReply}. */
  fallback?: (ctx: ReplyContext) => ScriptedReply
  /** The greeting-free transcript used for speech beyond the script. Default "Hello?". */
  defaultUserTranscript?: string
  /**
   * The hosted MCP servers of this world, by server label: what they list and what their calls
   * return. A server a session names that is not here cannot be reached (its listing fails).
   */
  mcpServers?: Record<string, SimulatedMcpServer>
}

/** A spoken (or text) reply. */
export const say = (text: string): ScriptedReply => ({ say: text })

/** A reply that calls one tool. */
export const callTool = (name: string, args: Record<string, unknown> | string = {}): ScriptedReply => ({
  toolCalls: [{ name, arguments: args }],
})

/** A reply that calls one tool of a hosted MCP server (see the simulator's `mcpServers`). */
export const callMcp = (
  serverLabel: string,
  name: string,
  args: Record<string, unknown> | string = {},
): ScriptedReply => ({ mcpCalls: [{ serverLabel, name, arguments: args }] })

/** The default assistant: acknowledges tool results and echoes what it heard. */
export function defaultReply(ctx: ReplyContext): ScriptedReply {
  if (ctx.toolOutput !== null) return say(`Here is what I found: ${ctx.toolOutput}`)
  if (ctx.userText) return say(`You said: ${ctx.userText}. How can I help further?`)
  return say('Hello! How can I help you today?')
}
