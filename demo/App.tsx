import { RealtimeProvider, VoiceConsole } from 'realtime-agent-kit'
import { createClientSecretFetcher } from 'realtime-agent-kit/core'
import { modelSettings, noPrices, triageAgent } from './agents'

export type Backend = 'simulator' | 'openai'

// On the simulator any secret does; against OpenAI the dev server mints real ephemeral ones.
const getClientSecret = createClientSecretFetcher('/session')
const simulatorSecret = async () => 'ek_simulator'

/** The demo: the kit's own VoiceConsole, a multi-agent setup, and which backend it talks to. */
export function App({ backend }: { backend: Backend }) {
  return (
    <main className="demo">
      <header className="demo__header">
        <h1>Voice console</h1>
        <p className="demo__backend" data-backend={backend}>
          {backend === 'openai'
            ? 'Talking to the OpenAI Realtime API'
            : 'Talking to the built-in simulator (no network, no key)'}
        </p>
        <p className="demo__hint">
          {backend === 'openai'
            ? 'Ask about the weather, book a table (the booking needs your approval), or ask what it costs.'
            : 'Press Start and speak: the simulator hears when you talk and answers from a script (the weather, then a booking that needs your approval, then prices, which the guardrail stops). Typing works too.'}
        </p>
      </header>
      <RealtimeProvider
        agent={triageAgent}
        config={{ modelSettings, outputGuardrails: [noPrices] }}
        auth={{ getClientSecret: backend === 'openai' ? getClientSecret : simulatorSecret }}
      >
        <VoiceConsole />
      </RealtimeProvider>
    </main>
  )
}
