import type { OutputGuardrailResult } from '../guardrail'
import { GuardrailMonitor } from '../guardrailMonitor'
import type { SessionEngine } from './engine'

/** The session's output guardrail checks; in a chunk of their own, loaded only by sessions with guardrails. */
export function guardrailMonitor(engine: SessionEngine, debounce: number): GuardrailMonitor {
  return new GuardrailMonitor(debounce, {
    onTrip: (itemId, results, text) => tripGuardrail(engine, itemId, results, text),
    onError: (error) => engine.emitError(error),
  })
}

/** An output guardrail tripped: stop the answer, tell the model why, and ask for another. */
function tripGuardrail(
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
