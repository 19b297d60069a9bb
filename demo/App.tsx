import { RealtimeProvider, VoiceConsole } from 'realtime-agent-kit'
import { createClientSecretFetcher } from 'realtime-agent-kit/core'
import { modelSettings, triageAgent } from './agents'

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
        {backend === 'openai' ? (
          <p className="demo__hint">
            Ask about the weather, book a table (the booking needs your approval), or ask what it costs.
          </p>
        ) : (
          <details className="demo__hint">
            <summary>How to talk to the simulator</summary>
            <ol>
              <li>Press Start conversation and allow the microphone.</li>
              <li>
                Speak, then pause for half a second: the simulator hears that you spoke (it does not
                understand words) and answers the next line of its script.
              </li>
              <li>
                The script: the weather in Tokyo (a tool runs), a table for two (a handoff and an approval for
                you), then prices (a guardrail withdraws the answer).
              </li>
              <li>No microphone? Type anything and press Enter: each message plays the next turn.</li>
            </ol>
          </details>
        )}
      </header>
      <RealtimeProvider
        agent={triageAgent}
        config={{ modelSettings }}
        auth={{ getClientSecret: backend === 'openai' ? getClientSecret : simulatorSecret }}
      >
        <VoiceConsole />
      </RealtimeProvider>
    </main>
  )
}
