import type { AnyRealtimeAgent as Agent } from './agent'
import { RealtimeError } from './errors'
import type { RealtimeSessionEvent } from './events'
import type { HostedMcpTool } from './mcpTool'
import type { WireItem, WireMcpApprovalRequestItem, WireMcpCallItem, WireMcpListToolsItem } from './protocol'
import type { RealtimeItem, ToolCallStore } from './stores'
import { patchOf } from './toolCalls'

/** What the MCP call tracker needs from its session. */
export interface McpCallHost {
  readonly agent: Agent
  /** Aborted when the session ends: calls are no longer recorded. */
  readonly signal: AbortSignal
  readonly calls: ToolCallStore
  emit(event: RealtimeSessionEvent): void
  /** Sends the app's answer to an approval request (an `mcp_approval_response` item). */
  sendApproval(requestId: string, approve: boolean): void
}

function parsed(args: string): unknown {
  try {
    return args.trim() === '' ? {} : JSON.parse(args)
  } catch {
    return args
  }
}

/**
 * Calls the Realtime API makes to hosted MCP servers: approvals asked of the app, calls started
 * and ended, reported as tool events and tool-call states, like function tools'. The server runs
 * the calls; the kit reports them and answers approval requests.
 */
export class McpCalls {
  readonly #host: McpCallHost
  /** Approval requests waiting for the app, by request id. */
  readonly #pending = new Map<string, WireMcpApprovalRequestItem>()
  /** Calls reported as started and as ended (by call id), so each event comes once. */
  readonly #started = new Set<string>()
  readonly #ended = new Set<string>()
  readonly #alwaysApproved = new Set<string>()
  readonly #alwaysRejected = new Set<string>()

  constructor(host: McpCallHost) {
    this.#host = host
  }

  /** The agent's hosted server of that label; a stand-in when the agent has none (a server set by hand). */
  #server(agent: Agent, serverLabel: string): HostedMcpTool {
    const own = agent.tools.find(
      (t): t is HostedMcpTool => t.type === 'hosted_mcp' && t.serverLabel === serverLabel,
    )
    if (own) return own
    const standIn: HostedMcpTool = {
      type: 'hosted_mcp',
      name: serverLabel,
      serverLabel,
      definition: { type: 'mcp', server_label: serverLabel },
    }
    return Object.freeze(standIn)
  }

  #report(event: Parameters<typeof patchOf>[0]): void {
    if (!this.#host.signal.aborted) this.#host.calls.put(event.callId, patchOf(event))
    this.#host.emit(event)
  }

  /** An MCP item the server added (`done` false) or finished: a tool list, an approval request, a call. */
  itemSeen(item: WireItem, done: boolean): void {
    if (item.type === 'mcp_approval_request') this.approvalRequested(item)
    else if (item.type === 'mcp_list_tools' && done) this.listed(item)
    else if (item.type === 'mcp_call' && done) this.ended(item)
  }

  /** The server runs a call (`response.mcp_call.in_progress`): `call` is its item in the conversation. */
  callStarted(call: RealtimeItem | undefined): void {
    if (call?.type !== 'function_call' || call.serverLabel === null) return
    const { serverLabel, name, arguments: args, callId } = call
    this.started({
      type: 'mcp_call',
      id: call.itemId,
      server_label: serverLabel,
      name,
      arguments: args,
      approval_request_id: callId === call.itemId ? null : callId,
    })
  }

  /** The server listed a server's tools (an `mcp_list_tools` item is done). */
  listed(item: WireMcpListToolsItem): void {
    this.#host.emit({
      type: 'mcp_tools_listed',
      serverLabel: item.server_label,
      tools: Object.freeze(item.tools.map((t) => t.name)),
    })
  }

  /** The server holds a call until the app approves it. */
  approvalRequested(item: WireMcpApprovalRequestItem): void {
    if (this.#pending.has(item.id) || this.#started.has(item.id)) return
    const key = `${item.server_label}:${item.name}`
    if (this.#alwaysApproved.has(key)) return this.#answer(item, true)
    if (this.#alwaysRejected.has(key)) return this.#answer(item, false)
    this.#pending.set(item.id, item)
    const agent = this.#host.agent
    this.#report({
      type: 'tool_approval_required',
      agent,
      tool: this.#server(agent, item.server_label),
      name: item.name,
      callId: item.id,
      arguments: parsed(item.arguments),
    })
  }

  approve(callId: string, always = false): boolean {
    return this.#decide(callId, true, always)
  }

  reject(callId: string, message?: string, always = false): boolean {
    return this.#decide(callId, false, always, message)
  }

  #decide(callId: string, approve: boolean, always: boolean, message?: string): boolean {
    const item = this.#pending.get(callId)
    if (!item) return false
    if (always)
      (approve ? this.#alwaysApproved : this.#alwaysRejected).add(`${item.server_label}:${item.name}`)
    this.#answer(item, approve, message)
    return true
  }

  /** Sends the approval response; a refusal ends the call for the app at once (the server will not run it). */
  #answer(item: WireMcpApprovalRequestItem, approve: boolean, message?: string): void {
    this.#pending.delete(item.id)
    this.#host.sendApproval(item.id, approve)
    if (approve) return
    const agent = this.#host.agent
    const error = new RealtimeError(
      'tool_rejected',
      message ?? `The user declined to run "${item.name}" on "${item.server_label}".`,
      { details: { tool: item.name, serverLabel: item.server_label } },
    )
    this.#ended.add(item.id)
    this.#report({
      type: 'tool_end',
      agent,
      tool: this.#server(agent, item.server_label),
      name: item.name,
      callId: item.id,
      arguments: parsed(item.arguments),
      output: JSON.stringify({ error: error.message }),
      error,
    })
  }

  /** Answers every request still waiting (the session closes). */
  rejectAll(message: string): void {
    for (const callId of [...this.#pending.keys()]) this.reject(callId, message)
  }

  /** The server runs a call (`response.mcp_call.in_progress`, or its item carrying a result). */
  started(item: WireMcpCallItem): void {
    const callId = item.approval_request_id ?? item.id
    if (this.#started.has(callId)) return
    this.#started.add(callId)
    const agent = this.#host.agent
    this.#report({
      type: 'tool_start',
      agent,
      tool: this.#server(agent, item.server_label),
      name: item.name,
      callId,
      arguments: parsed(item.arguments),
    })
  }

  /** A call's item is done: with the server's output, or its error. */
  ended(item: WireMcpCallItem): void {
    const callId = item.approval_request_id ?? item.id
    if (this.#ended.has(callId) || (item.output == null && !item.error)) return
    this.started(item)
    this.#ended.add(callId)
    const agent = this.#host.agent
    const error = item.error
      ? new RealtimeError(
          'tool_execution_failed',
          `MCP tool "${item.name}" on "${item.server_label}" failed: ${item.error.message}`,
          { details: { tool: item.name, serverLabel: item.server_label, error: item.error } },
        )
      : null
    this.#report({
      type: 'tool_end',
      agent,
      tool: this.#server(agent, item.server_label),
      name: item.name,
      callId,
      arguments: parsed(item.arguments),
      output: item.output ?? JSON.stringify({ error: error?.message }),
      error,
    })
  }
}
