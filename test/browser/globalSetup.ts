import type { TestProject } from 'vitest/node'
import { callTool, say, startSimulatorServer } from '../../src/testing'

declare module 'vitest' {
  export interface ProvidedContext {
    simulatorUrl: string
  }
}

const LONG_ANSWER =
  'The weather in Tokyo is sunny and warm today, with a light breeze from the bay, clear skies all afternoon, and a mild evening ahead, so it is a fine day for a walk along the river.'

/** A local simulator server for the browser tests (browsers cannot run msw's Node server). */
export default async function setup(project: TestProject) {
  const server = await startSimulatorServer({
    pace: 'realtime',
    scenario: {
      turns: [
        {
          user: 'What is the weather in Tokyo?',
          replies: [callTool('get_weather', { city: 'Tokyo' }), say(LONG_ANSWER)],
        },
      ],
      defaultUserTranscript: 'Stop, thanks.',
    },
  })
  project.provide('simulatorUrl', server.url)
  return () => server.close()
}
