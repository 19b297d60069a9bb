import type { AgentSessionParts } from '../config'
import type { OutputGuardrailResult } from '../guardrail'
import { type Handoff, handoffsOf } from '../handoff'
import { wireToolOf } from '../tool'
import type { Agent, SessionEngine } from './engine'

/** What the session tells the model about an agent: instructions, tools (handoffs as tools), voice. */
export async function agentParts(engine: SessionEngine, agent: Agent): Promise<AgentSessionParts> {
  const tools = agent.tools.map(wireToolOf)
  for (const h of handoffsOf(agent)) {
    tools.push({
      type: 'function',
      name: h.toolName,
      description: h.toolDescription,
      parameters: { type: 'object', properties: {}, additionalProperties: false },
    })
  }
  return { instructions: await agent.getInstructions(engine.runContext), tools, voice: agent.voice }
}

function switched(engine: SessionEngine, from: Agent, to: Agent): void {
  engine.hub.emit({ type: 'agent_end', agent: from })
  engine.hub.emit({ type: 'agent_start', agent: to })
}

/** The model transferred the conversation: the target agent takes over with its instructions and tools. */
export async function performHandoff(
  engine: SessionEngine,
  from: Agent,
  target: Handoff<unknown>,
  callId: string,
): Promise<void> {
  await target.onHandoff?.(engine.runContext)
  const to: Agent = target.agent
  engine.setAgent(to, from)
  engine.hub.emit({ type: 'handoff', fromAgent: from, toAgent: to })
  engine.createItem({
    type: 'function_call_output',
    call_id: callId,
    output: JSON.stringify({ assistant: to.name }),
  })
  const parts = await agentParts(engine, to)
  // The voice cannot change once the model has spoken, so a handoff sends instructions and tools only.
  engine.send({
    type: 'session.update',
    session: { type: 'realtime', instructions: parts.instructions, tools: parts.tools },
  })
  switched(engine, from, to)
}

/** Whether the agent, or one it can hand off to (directly or not), has a hosted MCP server. */
export function reachesHostedMcp(start: Agent): boolean {
  const seen = new Set<Agent>()
  const visit = (agent: Agent): boolean => {
    if (seen.has(agent)) return false
    seen.add(agent)
    return agent.tools.some((t) => t.type === 'hosted_mcp') || handoffsOf(agent).some((h) => visit(h.agent))
  }
  return visit(start)
}

/** The app switched agents without a handoff by the model. */
export async function updateAgent(engine: SessionEngine, agent: Agent): Promise<void> {
  // The MCP tracker is ready before the server can list the new agent's servers.
  if (reachesHostedMcp(agent)) await engine.mcp.load()
  const previous = engine.agent
  engine.setAgent(agent)
  engine.send({ type: 'session.update', session: { type: 'realtime', ...(await agentParts(engine, agent)) } })
  switched(engine, previous, agent)
}

/** An output guardrail tripped: stop the answer, tell the model why, and ask for another. */
export function tripGuardrail(
  engine: SessionEngine,
  itemId: string,
  results: OutputGuardrailResult[],
  text: string,
): void {
  if (!engine.live) return
  const active = engine.responses.active
  if (active) engine.send({ type: 'response.cancel', response_id: active })
  if (engine.output.isCurrent(itemId)) engine.interruptPlayback()
  engine.hub.emit({ type: 'guardrail_tripped', guardrailResults: results, message: text, itemId })
  const names = results.map((r) => r.guardrail.name).join(', ')
  engine.createItem({
    type: 'message',
    role: 'system',
    content: [
      {
        type: 'input_text',
        text: `Your last answer was stopped by the output guardrail(s): ${names}. Do not repeat it; respond in a way that respects them.`,
      },
    ],
  })
  engine.requestResponse()
}
