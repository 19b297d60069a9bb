// The vanilla example's page: the simulator answers in the page (no key, no network), then the widget mounts.

import { setupWorker } from 'msw/browser'
import { RealtimeAgent } from 'realtime-agent-kit/core'
import { createSimulatorHandlers, say } from 'realtime-agent-kit/testing'
import { mountVoiceWidget, RealtimeClient } from './widget.js'

await setupWorker(
  ...createSimulatorHandlers({
    pace: 'realtime',
    scenario: { turns: [{ replies: [say('Hello from plain JavaScript. Ask me anything.')] }] },
  }),
).start({ onUnhandledRequest: 'bypass', quiet: true })

const client = new RealtimeClient({
  agent: new RealtimeAgent({ name: 'Helper', instructions: 'You are a friendly voice assistant.' }),
  // The simulator accepts any client secret; a real app fetches one from its server (getClientSecret).
  auth: { clientSecret: 'ek_vanilla_example' },
})
mountVoiceWidget(document.getElementById('app'), client)
