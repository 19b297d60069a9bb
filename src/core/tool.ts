import { type Clock, systemClock } from './clock'
import type { RunContext } from './context'
import { messageOf, RealtimeError, type RealtimeErrorCode } from './errors'
import type { HostedMcpTool } from './mcpTool'
import type { WireTool } from './protocol'
import { type CompiledSchema, compileParameters, type JsonSchemaObject, type ToolParameters } from './schema'
import type { StandardSchemaV1 } from './standardSchema'
import { withTimeout } from './timeout'

/** What a tool's `execute` receives besides its arguments. */
export interface ToolCallDetails<TContext = unknown> {
  callId: string
  /** Name of the agent whose tool this is. */
  agentName: string
  runContext: RunContext<TContext>
  /** Aborted when the call times out or the session closes; pass it to `fetch` and friends. */
  signal: AbortSignal
}

/** What every tool definition passed to `tool()` has, whatever its parameter schema. */
export interface ToolDefinitionBase<TArgs, TContext> {
  /** The name the model calls; letters, digits, `_` and `-`. */
  name: string
  description: string
  execute(args: TArgs, details: ToolCallDetails<TContext>): unknown
  /** Ask the app before running (see `tool_approval_required`); a function decides per call. Default false. */
  needsApproval?: boolean | ((args: TArgs, details: ToolCallDetails<TContext>) => boolean | Promise<boolean>)
  /** A call that runs longer is abandoned and the model told so. Default 30 000 ms. */
  timeoutMs?: number
}

/** How a tool call ended: the text the model receives, and the value or the typed error. */
export type ToolResult =
  | { ok: true; output: string; value: unknown }
  | { ok: false; output: string; error: RealtimeError }

/** A function tool the model can call, ready to validate its arguments and run. */
export interface FunctionTool<TContext = unknown> {
  readonly type: 'function'
  readonly name: string
  readonly description: string
  /** JSON Schema of the arguments, as sent to the model. */
  readonly parameters: Record<string, unknown>
  readonly timeoutMs: number
  /** Parses the model's JSON arguments and validates them against the schema. */
  parseArguments(raw: string): Promise<{ ok: true; args: unknown } | { ok: false; error: RealtimeError }>
  needsApproval(args: unknown, details: ToolCallDetails<TContext>): Promise<boolean>
  /** Runs `execute` on validated arguments, within the timeout on `clock` (default: the system's); never throws. */
  invoke(args: unknown, details: ToolCallDetails<TContext>, clock?: Clock): Promise<ToolResult>
}

/** A tool an agent can have: a function the kit runs, or a hosted MCP server the API calls. */
export type AgentTool<TContext = unknown> = FunctionTool<TContext> | HostedMcpTool

/** A tool of any context type, as session events report it. */
// biome-ignore lint/suspicious/noExplicitAny: tools of any context type are reported alike.
export type AnyAgentTool = AgentTool<any>

/** How a tool is described to the model in `session.update`. */
export function wireToolOf(tool: AgentTool<never>): WireTool {
  if (tool.type === 'hosted_mcp') return tool.definition
  return { type: 'function', name: tool.name, description: tool.description, parameters: tool.parameters }
}

export const DEFAULT_TOOL_TIMEOUT_MS = 30_000
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/

function serialise(value: unknown): string {
  if (typeof value === 'string') return value
  if (value === undefined) return ''
  const text = JSON.stringify(value, (_key, v) => {
    if (typeof v === 'bigint') return v.toString()
    if (typeof v === 'function' || typeof v === 'symbol')
      throw new TypeError(`a ${typeof v} cannot be sent to the model`)
    return v
  })
  return text ?? ''
}

/** A failed call's result: the model is told the error's message. */
export function failure(error: RealtimeError): ToolResult & { ok: false } {
  return { ok: false, output: JSON.stringify({ error: error.message }), error }
}

async function runWithTimeout<T>(
  run: (signal: AbortSignal) => T | Promise<T>,
  timeoutMs: number,
  outer: AbortSignal,
  clock: Clock,
) {
  const controller = new AbortController()
  const abort = () => controller.abort(outer.reason)
  outer.addEventListener('abort', abort, { once: true })
  try {
    return await withTimeout(
      Promise.resolve().then(() => run(controller.signal)),
      timeoutMs,
      () => {
        controller.abort(new Error('timeout'))
        return new RealtimeError('tool_timeout', `did not finish within ${timeoutMs} ms`)
      },
      clock,
    )
  } finally {
    outer.removeEventListener('abort', abort)
  }
}

/**
 * A definition as {@link tool}'s implementation sees it. `parameters` checks the arguments at run
 * time, before `execute` or `needsApproval` gets them; the compiler cannot relate the two, so the
 * argument type is left open here and kept related by the overloads of `tool`.
 */
// biome-ignore lint/suspicious/noExplicitAny: arguments are checked at run time by `parameters`, see above.
type AnyToolDefinition<TContext> = ToolDefinitionBase<any, TContext> & { parameters?: ToolParameters }

function createTool<TContext>(def: AnyToolDefinition<TContext>): FunctionTool<TContext> {
  if (!TOOL_NAME.test(def.name)) {
    throw new TypeError(`Tool name "${def.name}" is invalid: use 1 to 64 letters, digits, "_" or "-".`)
  }
  const schema: CompiledSchema = compileParameters(def.parameters, def.name)
  const timeoutMs = def.timeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS
  const { execute, needsApproval: approval } = def
  return {
    type: 'function',
    name: def.name,
    description: def.description,
    parameters: schema.jsonSchema,
    timeoutMs,
    async parseArguments(raw) {
      const invalid = (problem: string) => ({
        ok: false as const,
        error: new RealtimeError('tool_invalid_arguments', `Tool "${def.name}": ${problem}`, {
          details: { tool: def.name, arguments: raw },
        }),
      })
      let parsed: unknown
      try {
        parsed = raw.trim() === '' ? {} : JSON.parse(raw)
      } catch {
        return invalid('the arguments are not valid JSON.')
      }
      const result = await schema.validate(parsed)
      return result.ok ? { ok: true, args: result.value } : invalid(`invalid arguments: ${result.message}`)
    },
    async needsApproval(args, details) {
      if (typeof approval === 'function') return Boolean(await approval(args, details))
      return approval === true
    },
    async invoke(args, details, clock = systemClock) {
      const fail = (code: RealtimeErrorCode, problem: string, cause?: unknown) =>
        failure(
          new RealtimeError(code, `Tool "${def.name}" ${problem}`, { cause, details: { tool: def.name } }),
        )
      let value: unknown
      try {
        value = await runWithTimeout(
          (signal) => execute(args, { ...details, signal }),
          timeoutMs,
          details.signal,
          clock,
        )
      } catch (error) {
        if (error instanceof RealtimeError && error.code === 'tool_timeout')
          return fail('tool_timeout', `${error.message}.`)
        return fail('tool_execution_failed', `failed: ${messageOf(error)}`, error)
      }
      try {
        return { ok: true, output: serialise(value), value }
      } catch (error) {
        return fail(
          'tool_execution_failed',
          `returned a value that cannot be sent to the model: ${messageOf(error)}`,
          error,
        )
      }
    },
  }
}

/**
 * Defines a function tool. `parameters` is a Standard Schema (zod, ...), whose output types `execute`,
 * or plain JSON Schema, in which case `execute`'s annotated argument type is used.
 * @example
 * const getWeather = tool({
 *   name: 'get_weather', description: 'Weather in a city',
 *   parameters: z.object({ city: z.string() }),
 *   execute: async ({ city }) => `Sunny in ${city}`,
 * })
 */
export function tool<S extends StandardSchemaV1, TContext = unknown>(
  def: ToolDefinitionBase<StandardSchemaV1.InferOutput<S>, TContext> & { parameters: S },
): FunctionTool<TContext>
/** Defines a function tool whose `parameters` are plain JSON Schema; `execute` takes the annotated argument type. */
export function tool<TArgs = Record<string, unknown>, TContext = unknown>(
  def: ToolDefinitionBase<TArgs, TContext> & { parameters?: JsonSchemaObject },
): FunctionTool<TContext>
export function tool<TContext>(def: AnyToolDefinition<TContext>): FunctionTool<TContext> {
  return createTool(def)
}
