import type { Preview } from '@storybook/react-vite'
import { mswLoader } from 'msw-storybook-addon/csf3'
import { configure } from 'storybook/test'
import '../src/components/styles.css'
import { storyScenario } from '../demo/scenario'
import { createSimulatorHandlers } from '../src/testing'

// Play functions wait for what they expect (findBy*, waitFor), never for a fixed time. Testing
// Library's 1 s default races a loaded machine; the bound only turns a hang into a failure.
configure({ asyncUtilTimeout: 45_000 })

const preview: Preview = {
  loaders: [mswLoader()],
  parameters: {
    // Every story talks to the built-in simulator: no network, no API key.
    msw: createSimulatorHandlers({ scenario: storyScenario, pace: 15 }),
    a11y: { test: 'error' },
    layout: 'padded',
  },
}
export default preview
