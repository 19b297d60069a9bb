import type { AnyRealtimeAgent as Agent } from './agent'
import type { Clock } from './clock'
import type { RunContext } from './context'
import { RealtimeError } from './errors'
import type { RealtimeSessionEvent, ToolApprovalRequiredEvent, ToolEndEvent, ToolStartEvent } from './events'
import { type Handoff, handoffsOf } from './handoff'
import type { ToolCallPatch, ToolCallStore } from './stores'
import { type FunctionTool, failure, type ToolResult } from './tool'

// biome-ignore lint/suspicious/noExplicitAny: the session serves tools of any context type.
type Tool = FunctionTool<any>

export interface ToolCall {
  callId: string
  name: string
  arguments: string
}

/** What the tool runner needs from its session. */
export interface ToolCallHost {
  readonly agent: Agent
  readonly runContext: RunContext<unknown>
  /** Aborted when the session ends: tools stop, and their state is no longer recorded. */
  readonly signal: AbortSignal
  /** The session's clock: tool timeouts run on it. */
  readonly clock: Clock
  /** Where the calls' states live. */
  readonly calls: ToolCallStore
  /** Another connection to the call (the app's server) runs the tools: calls are shown, not run. */
  readonly remoteTools?: boolean
  emit(event: RealtimeSessionEvent): void
  sendToolOutput(callId: string, output: string): void
  performHandoff(from: Agent, target: Handoff<unknown>, callId: string): Promise<void>
}

type ToolEvent = ToolApprovalRequiredEvent | ToolStartEvent | ToolEndEvent

/** A call's state after one of its events (function tools' and hosted MCP calls' alike). */
export function patchOf(event: ToolEvent): ToolCallPatch {
  const base = {
    name: event.name,
    agentName: event.agent.name,
    arguments: event.arguments,
    serverLabel: event.tool.type === 'hosted_mcp' ? event.tool.serverLabel : null,
  }
  if (event.type === 'tool_approval_required') return { ...base, status: 'awaiting_approval' }
  if (event.type === 'tool_start') return { ...base, status: 'running' }
  const status = !event.error ? 'done' : event.error.code === 'tool_rejected' ? 'rejected' : 'failed'
  return { ...base, status, output: event.output, error: event.error }
}

type Decision =
  | { approved: true; always: boolean }
  | { approved: false; always: boolean; message: string | undefined }

/** Runs the model's function calls: validation, approval, execution, handoffs; every call gets an answer. */
export class ToolCallRunner {
  #host: ToolCallHost
  #handled = new Set<string>()
  #pending = new Map<string, (decision: Decision) => void>()
  #alwaysApproved = new Set<string>()
  #alwaysRejected = new Set<string>()
  #inFlight = 0

  constructor(host: ToolCallHost) {
    this.#host = host
  }

  /** Calls not yet answered (running or waiting for approval). */
  get inFlight(): number {
    return this.#inFlight
  }

  /** Whether the model's call reached the runner (its arguments were complete). */
  has(callId: string): boolean {
    return this.#handled.has(callId)
  }

  /** Starts handling a call once; a call id seen before is ignored (the API reports calls twice). */
  handle(call: ToolCall): Promise<void> | null {
    if (this.#handled.has(call.callId)) return null
    this.#handled.add(call.callId)
    if (this.#host.remoteTools) {
      this.#watch(call)
      return null
    }
    this.#inFlight++
    return this.#run(call).finally(() => this.#inFlight--)
  }

  /** A call another connection runs: shown as running until its output joins the conversation. */
  #watch(call: ToolCall): void {
    let args: unknown = call.arguments
    try {
      args = JSON.parse(call.arguments)
    } catch {
      // Shown as the model sent it.
    }
    if (!this.#host.signal.aborted)
      this.#host.calls.put(call.callId, {
        name: call.name,
        agentName: this.#host.agent.name,
        status: 'running',
        arguments: args,
      })
  }

  /** An output item joined the conversation: a call run elsewhere is done with it. */
  outputSeen(callId: string, output: string): void {
    if (!this.#host.remoteTools || this.#host.signal.aborted) return
    const call = this.#host.calls.getSnapshot().find((c) => c.callId === callId)
    if (call?.status === 'running')
      this.#host.calls.put(callId, { name: call.name, agentName: call.agentName, status: 'done', output })
  }

  approve(callId: string, always = false): boolean {
    return this.#decide(callId, { approved: true, always })
  }

  reject(callId: string, message?: string, always = false): boolean {
    return this.#decide(callId, { approved: false, always, message })
  }

  #decide(callId: string, decision: Decision): boolean {
    const resolve = this.#pending.get(callId)
    if (!resolve) return false
    this.#pending.delete(callId)
    resolve(decision)
    return true
  }

  /** Answers every call still waiting for approval (used when the session closes). */
  rejectAll(message: string): void {
    for (const callId of [...this.#pending.keys()]) this.reject(callId, message)
  }

  async #run(call: ToolCall): Promise<void> {
    const host = this.#host
    const agent = host.agent
    const target = handoffsOf(agent).find((h) => h.toolName === call.name)
    if (target) return host.performHandoff(agent, target, call.callId)

    const tool = agent.tools.find((t): t is Tool => t.type === 'function' && t.name === call.name)
    if (!tool) {
      const error = new RealtimeError(
        'tool_not_found',
        `The model called "${call.name}", which agent "${agent.name}" does not have.`,
        {
          details: { tool: call.name, callId: call.callId },
        },
      )
      host.emit({ type: 'error', error })
      host.sendToolOutput(call.callId, failure(error).output)
      return
    }
    const parsed = await tool.parseArguments(call.arguments)
    // What every event of the call says about it (the arguments as the model sent them when invalid).
    const about = {
      agent,
      tool,
      name: tool.name,
      callId: call.callId,
      arguments: parsed.ok ? parsed.args : call.arguments,
    }
    if (!parsed.ok) {
      host.emit({ type: 'error', error: parsed.error })
      return this.#finish(about, failure(parsed.error))
    }
    const details = {
      callId: call.callId,
      agentName: agent.name,
      runContext: host.runContext,
      signal: host.signal,
    }
    // Stryker disable next-line BooleanLiteral: both branches below assign it before it is read.
    let needsApproval = false
    try {
      needsApproval =
        !this.#alwaysApproved.has(tool.name) &&
        (this.#alwaysRejected.has(tool.name) || (await tool.needsApproval(parsed.args, details)))
    } catch (cause) {
      needsApproval = true // when in doubt, ask
      host.emit({
        type: 'error',
        error: new RealtimeError(
          'tool_execution_failed',
          `Tool "${tool.name}": needsApproval threw; asking for approval.`,
          { cause },
        ),
      })
    }
    if (needsApproval) {
      const decision = this.#alwaysRejected.has(tool.name)
        ? ({ approved: false, always: true, message: undefined } as const)
        : await new Promise<Decision>((resolve) => {
            this.#pending.set(call.callId, resolve)
            this.#report({ type: 'tool_approval_required', ...about })
          })
      if (decision.always) (decision.approved ? this.#alwaysApproved : this.#alwaysRejected).add(tool.name)
      if (!decision.approved) {
        const error = new RealtimeError(
          'tool_rejected',
          decision.message ?? `The user declined to run "${tool.name}".`,
          { details: { tool: tool.name } },
        )
        return this.#finish(about, failure(error))
      }
    }
    this.#report({ type: 'tool_start', ...about })
    this.#finish(about, await tool.invoke(parsed.args, details, host.clock))
  }

  #finish(about: Omit<ToolEndEvent, 'type' | 'output' | 'error'>, result: ToolResult): void {
    this.#report({
      type: 'tool_end',
      ...about,
      output: result.output,
      error: result.ok ? null : result.error,
    })
    this.#host.sendToolOutput(about.callId, result.output)
  }

  /** Records the call's new state (while the session lives) and tells the listeners. */
  #report(event: ToolEvent): void {
    if (!this.#host.signal.aborted) this.#host.calls.put(event.callId, patchOf(event))
    this.#host.emit(event)
  }
}
