import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import 'realtime-agent-kit/styles.css'
import './demo.css'
import { App, type Backend } from './App'

declare const __RAK_BACKEND__: Backend

async function main() {
  if (__RAK_BACKEND__ === 'simulator') {
    // The Realtime API, simulated in the page: msw answers the WebSocket with the kit's simulator.
    const [{ setupWorker }, { createSimulatorHandlers }, { storyScenario }] = await Promise.all([
      import('msw/browser'),
      import('realtime-agent-kit/testing'),
      import('./scenario'),
    ])
    await setupWorker(...createSimulatorHandlers({ scenario: storyScenario, pace: 'realtime' })).start({
      onUnhandledRequest: 'bypass',
      quiet: true,
    })
  }
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <App backend={__RAK_BACKEND__} />
    </StrictMode>,
  )
}

void main()
