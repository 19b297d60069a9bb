import type { RealtimeAgent, RealtimeModelSettings, WireSessionConfig } from '../core'
import { toSessionConfig, wireToolOf } from '../core'

/**
 * The session configuration for an agent and model settings, as the browser session would send it:
 * build it on the server so the secret is minted for exactly this agent.
 */
export async function sessionConfigForAgent<TContext>(
  agent: RealtimeAgent<TContext>,
  modelSettings: RealtimeModelSettings = {},
  context?: TContext,
): Promise<WireSessionConfig> {
  const instructions = await agent.getInstructions({ context: context as TContext })
  const tools = agent.tools.map(wireToolOf)
  return toSessionConfig(modelSettings, { instructions, tools, voice: agent.voice })
}
