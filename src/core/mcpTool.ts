import type { WireMcpTool } from './protocol'

/** Which tools of a server a rule names: by name, and/or those the server marks read-only. */
export interface McpToolFilter {
  toolNames?: string[]
  readOnly?: boolean
}

/**
 * When the app must approve a call before the server runs it: `'always'` (the API's default),
 * `'never'`, or per tool.
 */
export type McpApprovalPolicy = 'always' | 'never' | { always?: McpToolFilter; never?: McpToolFilter }

/** Options of {@link hostedMcpTool}: one remote MCP server the Realtime API calls for the model. */
export interface HostedMcpToolDefinition {
  /** The name the model and the app know the server by; letters, digits, `_` and `-`. */
  serverLabel: string
  /** The server's URL; give this or `connectorId`. */
  serverUrl?: string
  /** One of OpenAI's connectors (`connector_googledrive`, ...) instead of a URL. */
  connectorId?: WireMcpTool['connector_id']
  /** What the server is for, shown to the model. */
  serverDescription?: string
  /** Only these tools are offered to the model (default: all the server lists). */
  allowedTools?: string[] | McpToolFilter
  /** HTTP headers for the server (an API key of its own, say). */
  headers?: Record<string, string>
  /** An OAuth access token for the server or connector. */
  authorization?: string
  /** Default `'always'`, as the API's: every call waits for `approveTool` / `rejectTool`. */
  requireApproval?: McpApprovalPolicy
}

/** A remote MCP server as an agent's tool: the Realtime API lists its tools and calls them. */
export interface HostedMcpTool {
  /** Tells it from a function tool (`'function'`). */
  readonly type: 'hosted_mcp'
  /** The server label: the name the kit reports its calls under. */
  readonly name: string
  /** The label the model and the API know the server by. */
  readonly serverLabel: string
  /** The `type: 'mcp'` tool of `session.update`. */
  readonly definition: WireMcpTool
}

const LABEL = /^[a-zA-Z0-9_-]{1,64}$/

function filterToWire(filter: McpToolFilter) {
  return {
    ...(filter.toolNames ? { tool_names: filter.toolNames } : {}),
    ...(filter.readOnly !== undefined ? { read_only: filter.readOnly } : {}),
  }
}

function approvalToWire(policy: McpApprovalPolicy): WireMcpTool['require_approval'] {
  if (typeof policy === 'string') return policy
  return {
    ...(policy.always ? { always: filterToWire(policy.always) } : {}),
    ...(policy.never ? { never: filterToWire(policy.never) } : {}),
  }
}

/**
 * Defines a hosted MCP tool: the Realtime API connects to the server, lists its tools and calls
 * them for the model. Calls show as tool calls (`tool_start` / `tool_end`, `useToolCalls()`), and
 * a call that needs approval waits for `approveTool` / `rejectTool` like a function tool's.
 * @example
 * const deepwiki = hostedMcpTool({
 *   serverLabel: 'deepwiki', serverUrl: 'https://mcp.deepwiki.com/mcp',
 *   allowedTools: ['ask_question'], requireApproval: 'always',
 * })
 * const agent = new RealtimeAgent({ name: 'Researcher', tools: [deepwiki] })
 */
export function hostedMcpTool(def: HostedMcpToolDefinition): HostedMcpTool {
  if (!LABEL.test(def.serverLabel))
    throw new TypeError(
      `MCP server label "${def.serverLabel}" is invalid: use 1 to 64 letters, digits, "_" or "-".`,
    )
  if (!def.serverUrl === !def.connectorId)
    throw new TypeError(`MCP server "${def.serverLabel}": give exactly one of serverUrl and connectorId.`)
  const definition: WireMcpTool = {
    type: 'mcp',
    server_label: def.serverLabel,
    ...(def.serverUrl ? { server_url: def.serverUrl } : {}),
    ...(def.connectorId ? { connector_id: def.connectorId } : {}),
    ...(def.serverDescription ? { server_description: def.serverDescription } : {}),
    ...(def.allowedTools
      ? { allowed_tools: Array.isArray(def.allowedTools) ? def.allowedTools : filterToWire(def.allowedTools) }
      : {}),
    ...(def.headers ? { headers: def.headers } : {}),
    ...(def.authorization ? { authorization: def.authorization } : {}),
    require_approval: approvalToWire(def.requireApproval ?? 'always'),
  }
  return Object.freeze({
    type: 'hosted_mcp',
    name: def.serverLabel,
    serverLabel: def.serverLabel,
    definition,
  })
}
