/**
 * Records a conversation with the simulator into stories/fixtures/weather.jsonl, frame for frame:
 *   npx tsx scripts/record-fixture.ts
 */
import { writeFileSync } from 'node:fs'
import { triageAgent } from '../demo/agents'
import { storyScenario } from '../demo/scenario'
import { type RealtimeAgent, RealtimeRunner, SessionRecorder, WebSocketTransport } from '../src/core'
import { startSimulatorServer } from '../src/testing'

const server = await startSimulatorServer({ scenario: storyScenario, pace: 30 })
const recorder = new SessionRecorder(new WebSocketTransport())
const session = await new RealtimeRunner(triageAgent as RealtimeAgent).run({
  apiKey: 'sk-fixture',
  url: server.url,
  transport: recorder.transport,
})
session.on('tool_approval_required', (e) => session.approveTool(e.callId))
for (const text of ['What is the weather in Tokyo?', 'Please book a table for two tonight.']) {
  session.sendMessage(text)
  await new Promise<void>((resolve) => {
    const off = session.on('raw_model_event', (e) => {
      if (e.data.type === 'response.done' && session.status !== 'thinking') {
        off()
        resolve()
      }
    })
  })
}
await new Promise((r) => setTimeout(r, 200))
session.close()
await server.close()
writeFileSync(new URL('../stories/fixtures/weather.jsonl', import.meta.url), recorder.toJSONL())
console.log(`recorded ${recorder.recording.entries.length} frames`)
process.exit(0)
