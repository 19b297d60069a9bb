import { cleanup, render, screen, within } from '@testing-library/react'
import { setupWorker } from 'msw/browser'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { modelSettings, triageAgent } from '../../../demo/agents'
import { storyScenario } from '../../../demo/scenario'
import { RealtimeClient, type RealtimeClientSnapshot, RealtimeProvider, VoiceConsole } from '../../../src'
import { createSimulatorHandlers } from '../../../src/testing'
import { until, untilAudioTime } from '../helpers/wait'
import '../../../src/components/styles.css'

// Safari's engine (WebKitGTK's MiniBrowser): the demo's agents and scenario on the simulator in
// the page, through msw's worker. Clicks go through WebDriver, so the browser counts them as taps.
const worker = setupWorker(...createSimulatorHandlers({ scenario: storyScenario, pace: 20 }))
beforeAll(() => worker.start({ onUnhandledRequest: 'bypass', quiet: true }))
afterAll(() => worker.stop())

const clients: RealtimeClient[] = []
afterEach(() => {
  cleanup()
  for (const client of clients.splice(0)) client.dispose()
})

function demoClient(audio: { microphone?: boolean } = {}): RealtimeClient {
  const client = new RealtimeClient({
    agent: triageAgent,
    config: { modelSettings },
    auth: { getClientSecret: async () => 'ek_simulator' },
    audio,
  })
  clients.push(client)
  render(
    <RealtimeProvider client={client}>
      <VoiceConsole />
    </RealtimeProvider>,
  )
  return client
}

function untilClient(client: RealtimeClient, check: (s: RealtimeClientSnapshot) => boolean, what: string) {
  return until(
    (notify) => client.subscribe(notify),
    () => check(client.getSnapshot()),
    {
      what,
      timeoutMs: 20_000,
      seen: () => {
        const { status, audio, error } = client.getSnapshot()
        return { status, audio, error: error?.code }
      },
    },
  )
}

describe('Safari’s engine: audio held until a tap', () => {
  it('a start outside a gesture does not hang; the console asks for a tap, the tap runs audio, a typed turn with a tool plays and is interrupted', async () => {
    // Typed conversation, spoken answers: no microphone. (WebKit lets a page that is capturing the
    // microphone play audio; without one, audio waits for a tap.)
    const client = demoClient({ microphone: false })
    // An app that connects on its own (on mount, after an await): no gesture is running.
    await client.connect()
    const graph = client.audioGraph!
    const context = graph.context!
    expect(context.state).toBe('suspended')
    expect(client.getSnapshot()).toMatchObject({ status: 'listening', audio: 'suspended', error: null })

    const tap = await screen.findByRole('button', { name: 'Tap to enable audio' })
    expect(tap.closest('[role="status"]')).not.toBeNull() // announced when it appears
    await userEvent.click(tap)
    await untilClient(client, (s) => s.audio === 'running', 'audio to run after the tap')
    expect(context.state).toBe('running')
    expect(screen.queryByRole('button', { name: 'Tap to enable audio' })).toBeNull()
    await untilAudioTime(context, context.currentTime + 0.2, 'the audio clock to advance')

    await userEvent.fill(screen.getByRole('textbox', { name: 'Message' }), 'What is the weather in Tokyo?')
    await userEvent.keyboard('{Enter}')
    const tools = screen.getByRole('region', { name: 'Tool calls' })
    await within(tools).findByText('Sunny, 24°C in Tokyo', {}, { timeout: 20_000 })
    // The answer is heard: the graph renders it and the audio clock runs on under it.
    await until(
      (notify) => graph.subscribe(notify),
      () => graph.getSnapshot().playing,
      { what: 'the answer to play', timeoutMs: 20_000, seen: () => graph.getSnapshot() },
    )
    await untilClient(client, (s) => s.status === 'speaking', 'the agent to speak')
    const speakingAt = context.currentTime
    await untilAudioTime(context, speakingAt + 0.3, '300 ms of the answer')
    expect(graph.getOutputLevel()).toBeGreaterThan(0)

    await userEvent.click(screen.getByRole('button', { name: 'Interrupt' }))
    await untilClient(client, (s) => s.status === 'listening', 'the agent to stop')
    const transcript = screen.getByRole('log', { name: 'Transcript' })
    await until(
      (notify) => client.stores.conversation.subscribe(notify),
      () => transcript.querySelector('[data-truncated]') !== null,
      { what: 'the answer cut where it was heard', timeoutMs: 10_000 },
    )
    await until(
      (notify) => graph.subscribe(notify),
      () => !graph.getSnapshot().playing,
      { what: 'the playback to be flushed', timeoutMs: 10_000 },
    )
  })

  it('the Start click is the gesture: audio runs at once, the microphone is granted, no tap is asked for', async () => {
    const client = demoClient()
    await userEvent.click(screen.getByRole('button', { name: 'Start conversation' }))
    await untilClient(client, (s) => s.status === 'listening', 'the conversation to start')
    await untilClient(client, (s) => s.audio === 'running', 'audio to run')
    const graph = client.audioGraph!
    expect(graph.context!.state).toBe('running')
    // The mock microphone was granted: it is listed, its track is live and no error is shown.
    await until(
      (notify) => graph.subscribe(notify),
      () => graph.inputStream !== null && graph.getSnapshot().devices.inputs.length > 0,
      { what: 'the microphone to open', timeoutMs: 10_000, seen: () => graph.getSnapshot().error?.code },
    )
    expect(graph.inputStream?.getAudioTracks()[0]?.readyState).toBe('live')
    expect(client.getSnapshot().error).toBeNull()
    expect(screen.queryByRole('button', { name: 'Tap to enable audio' })).toBeNull()
  })
})
