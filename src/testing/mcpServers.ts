import type { WireItem, WireMcpTool } from '../core'
import type { Conversation } from './conversation'
import type { Outbox } from './outbox'
import { type ActiveResponse, emitItemDone, type OutputContext } from './outputItems'

/** A remote MCP server as the simulator plays it: the tools it lists and what its calls return. */
export interface SimulatedMcpServer {
  tools: {
    name: string
    description?: string
    /** JSON Schema of the tool's input. Default: any object. */
    inputSchema?: Record<string, unknown>
    /** MCP annotations (`readOnlyHint`, ...). */
    annotations?: Record<string, unknown>
  }[]
  /** Runs a call: the result is the call's output (a string, or JSON of anything else); a throw fails it. */
  call?: (name: string, args: unknown) => unknown
  /** The server cannot be reached: listing its tools fails. */
  unreachable?: boolean
}

/** A call the script has the model make to a hosted MCP server. */
export interface McpCallRequest {
  serverLabel: string
  name: string
  arguments: Record<string, unknown> | string
}

/** What a streamed MCP call gave: its item, and the output the model goes on with (null when it failed). */
export interface McpCallResult {
  item: WireItem
  output: string | null
}

function argsText(call: McpCallRequest): string {
  return typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments)
}

type ListedTool = SimulatedMcpServer['tools'][number]
type ToolFilter = { tool_names?: string[]; read_only?: boolean } | null | undefined

/** Whether a tool filter of the API sets any criterion at all. */
function constrains(filter: ToolFilter): filter is NonNullable<ToolFilter> {
  return filter?.tool_names !== undefined || filter?.read_only !== undefined
}

/**
 * Whether a filter names a tool: every criterion it sets holds (the name is in `tool_names`;
 * `read_only` equals the server's `readOnlyHint`), and it sets at least one.
 */
function matches(filter: ToolFilter, tool: ListedTool): boolean {
  if (!constrains(filter)) return false
  if (filter.tool_names && !filter.tool_names.includes(tool.name)) return false
  return filter.read_only === undefined || filter.read_only === (tool.annotations?.readOnlyHint === true)
}

/**
 * The hosted MCP servers of a session, as the Realtime API meets them: listing their tools when
 * `session.update` names them, approval requests, calls and their failures.
 */
export class McpServers {
  readonly #outbox: Outbox
  readonly #conversation: Conversation
  readonly #servers: Readonly<Record<string, SimulatedMcpServer>>
  readonly #listed = new Set<string>()
  /** Approval requests waiting for the client, by request id. */
  readonly #waiting = new Map<string, McpCallRequest>()
  /** Approved calls the next response runs first. */
  readonly #approved: { requestId: string; call: McpCallRequest }[] = []

  constructor(outbox: Outbox, conversation: Conversation, servers: Record<string, SimulatedMcpServer> = {}) {
    this.#outbox = outbox
    this.#conversation = conversation
    this.#servers = servers
  }

  /** `session.update` named these servers: each new one lists its tools (or fails to). */
  list(tools: readonly WireMcpTool[]): void {
    const outbox = this.#outbox
    for (const tool of tools) {
      if (this.#listed.has(tool.server_label)) continue
      this.#listed.add(tool.server_label)
      const server = this.#servers[tool.server_label]
      const allowed = tool.allowed_tools
      // A list names the tools; a filter that sets no criterion restricts nothing.
      const offered = (server?.tools ?? []).filter((t) =>
        Array.isArray(allowed) ? allowed.includes(t.name) : !constrains(allowed) || matches(allowed, t),
      )
      const item = { id: outbox.id('mcpl'), type: 'mcp_list_tools' as const, server_label: tool.server_label }
      const previous = this.#conversation.lastId
      outbox.emit({
        type: 'conversation.item.added',
        previous_item_id: previous,
        item: { ...item, tools: [] },
      })
      outbox.emit({ type: 'mcp_list_tools.in_progress', item_id: item.id })
      if (!server || server.unreachable) {
        outbox.emit({ type: 'mcp_list_tools.failed', item_id: item.id })
        continue
      }
      const listed = offered.map((t) => ({
        name: t.name,
        description: t.description ?? null,
        input_schema: t.inputSchema ?? { type: 'object' },
        annotations: t.annotations ?? null,
      }))
      this.#conversation.add({ ...item, tools: listed })
      outbox.emit({ type: 'mcp_list_tools.completed', item_id: item.id })
      outbox.emit({
        type: 'conversation.item.done',
        previous_item_id: previous,
        item: { ...item, tools: listed },
      })
    }
  }

  /** Whether the session's settings hold this call for approval (the API's default: they do). */
  needsApproval(tools: readonly WireMcpTool[], call: McpCallRequest): boolean {
    const policy = tools.find((t) => t.server_label === call.serverLabel)?.require_approval ?? 'always'
    if (typeof policy === 'string') return policy === 'always'
    const tool = this.#servers[call.serverLabel]?.tools.find((t) => t.name === call.name) ?? {
      name: call.name,
    }
    if (matches(policy.never, tool)) return false
    // Named in `always`, or not named at all while only `never` lists tools.
    return matches(policy.always, tool) || !policy.always
  }

  /** Streams an approval request as a response's output item; the call waits for the client's answer. */
  requestApproval(
    ctx: OutputContext,
    response: ActiveResponse,
    outputIndex: number,
    call: McpCallRequest,
  ): WireItem {
    const { outbox, conversation } = ctx
    const item = {
      id: outbox.id('mcpr'),
      type: 'mcp_approval_request' as const,
      server_label: call.serverLabel,
      name: call.name,
      arguments: argsText(call),
    }
    const previous = conversation.lastId
    conversation.add(item)
    outbox.emit({
      type: 'response.output_item.added',
      response_id: response.id,
      output_index: outputIndex,
      item,
    })
    outbox.emit({ type: 'conversation.item.added', previous_item_id: previous, item })
    emitItemDone(outbox, response.id, outputIndex, previous, item)
    this.#waiting.set(item.id, call)
    return item
  }

  /** The client answered an approval request; true when a response should now run (approved or not). */
  answered(requestId: string, approve: boolean): boolean {
    const call = this.#waiting.get(requestId)
    if (!call) return false
    this.#waiting.delete(requestId)
    if (approve) this.#approved.push({ requestId, call })
    return true
  }

  /** The approved calls the next response runs, oldest first. */
  takeApproved(): { requestId: string; call: McpCallRequest }[] {
    return this.#approved.splice(0)
  }

  /** Streams one call: its item, its arguments, the server's work, and its output or error. */
  async run(
    ctx: OutputContext,
    response: ActiveResponse,
    outputIndex: number,
    call: McpCallRequest,
    approvalRequestId: string | null,
  ): Promise<McpCallResult> {
    const { outbox, conversation } = ctx
    const args = argsText(call)
    const base = {
      id: outbox.id('mcp'),
      type: 'mcp_call' as const,
      server_label: call.serverLabel,
      name: call.name,
      approval_request_id: approvalRequestId,
    }
    const started = { ...base, arguments: '', output: null, error: null }
    const previous = conversation.lastId
    conversation.add(started)
    const ids = { response_id: response.id, item_id: base.id, output_index: outputIndex }
    outbox.emit({
      type: 'response.output_item.added',
      response_id: response.id,
      output_index: outputIndex,
      item: started,
    })
    outbox.emit({ type: 'conversation.item.added', previous_item_id: previous, item: started })
    outbox.emit({ type: 'response.mcp_call_arguments.delta', ...ids, delta: args })
    outbox.emit({ type: 'response.mcp_call_arguments.done', ...ids, arguments: args })
    outbox.emit({ type: 'response.mcp_call.in_progress', item_id: base.id, output_index: outputIndex })
    await ctx.wait()
    const { output, error } = this.#call(call, args)
    outbox.emit({
      type: error ? 'response.mcp_call.failed' : 'response.mcp_call.completed',
      item_id: base.id,
      output_index: outputIndex,
    })
    const done = { ...base, arguments: args, output, error }
    conversation.replace(done)
    emitItemDone(outbox, response.id, outputIndex, previous, done)
    return { item: done, output }
  }

  #call(
    call: McpCallRequest,
    args: string,
  ): { output: string | null; error: { type: 'tool_execution_error'; message: string } | null } {
    const server = this.#servers[call.serverLabel]
    const error = (message: string) => ({
      output: null,
      error: { type: 'tool_execution_error' as const, message },
    })
    if (!server?.tools.some((t) => t.name === call.name))
      return error(`Tool "${call.name}" not found on server "${call.serverLabel}".`)
    try {
      const value = server.call ? server.call(call.name, JSON.parse(args || '{}')) : ''
      return { output: typeof value === 'string' ? value : JSON.stringify(value), error: null }
    } catch (cause) {
      return error(cause instanceof Error ? cause.message : String(cause))
    }
  }
}
