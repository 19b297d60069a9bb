import type { AgentSessionParts } from '../config'
import { type Handoff, handoffOutput, handoffsOf } from '../handoff'
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
    output: handoffOutput(to.name),
  })
  const parts = await agentParts(engine, to)
  // The voice cannot change once the model has spoken, so a handoff sends instructions and tools only.
  engine.send({
    type: 'session.update',
    session: { type: 'realtime', instructions: parts.instructions, tools: parts.tools },
  })
  switched(engine, from, to)
}

/** The agent and every agent it can hand off to, directly or not. */
export function reachableAgents(start: Agent): Set<Agent> {
  const seen = new Set<Agent>()
  const visit = (agent: Agent): void => {
    if (seen.has(agent)) return
    seen.add(agent)
    for (const h of handoffsOf(agent)) visit(h.agent)
  }
  visit(start)
  return seen
}

/** The app switched agents without a handoff by the model. */
export async function updateAgent(engine: SessionEngine, agent: Agent): Promise<void> {
  // The MCP tracker and guardrail checks are ready before the server can need them.
  await engine.preload(agent)
  const previous = engine.agent
  engine.setAgent(agent)
  engine.send({ type: 'session.update', session: { type: 'realtime', ...(await agentParts(engine, agent)) } })
  switched(engine, previous, agent)
}
