import type { Preview } from '@storybook/react-vite'
import { mswLoader } from 'msw-storybook-addon/csf3'
import '../src/components/styles.css'
import { storyScenario } from '../demo/scenario'
import { createSimulatorHandlers } from '../src/testing'

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
