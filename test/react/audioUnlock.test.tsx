import { act, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AudioUnlockButton, RealtimeAgent, RealtimeClient, RealtimeProvider, VoiceConsole } from '../../src'
import { expectAccessible, simulator } from './helpers'

const GESTURES = new Set([
  'pointerdown',
  'pointerup',
  'mousedown',
  'mouseup',
  'click',
  'keydown',
  'keyup',
  'touchend',
])

// The gesture being dispatched, if any: set on the way down at the window, cleared on the way back
// up (React 18's development build leaves a stale `window.event` behind in jsdom, so that cannot tell).
let gesture: Event | null = null
for (const type of GESTURES) {
  window.addEventListener(type, (event) => (gesture = event), { capture: true })
  window.addEventListener(type, () => (gesture = null))
}

/**
 * An AudioContext as WebKit makes one: created suspended, and resume() runs it only when called
 * while the user's tap or key press is being handled; outside one it stays pending until then.
 * The audio hardware is the edge jsdom lacks; everything above it is the kit's.
 */
class GestureGatedContext extends EventTarget {
  static made: GestureGatedContext[] = []
  state: AudioContextState | 'interrupted' = 'suspended'
  readonly currentTime = 0
  readonly sampleRate = 48_000
  readonly destination = {}
  readonly audioWorklet = { addModule: async () => {} }
  readonly #pending: (() => void)[] = []

  constructor() {
    super()
    GestureGatedContext.made.push(this)
  }

  resume(): Promise<void> {
    if (this.state === 'running') return Promise.resolve()
    const inGesture = gesture !== null
    return new Promise((resolve) => {
      this.#pending.push(resolve)
      if (inGesture) this.#set('running')
    })
  }

  /** The platform takes the audio (an iOS phone call). */
  interrupt(): void {
    this.#set('interrupted')
  }

  #set(state: AudioContextState | 'interrupted'): void {
    this.state = state
    this.dispatchEvent(new Event('statechange'))
    if (state === 'running') for (const resolve of this.#pending.splice(0)) resolve()
  }

  createAnalyser() {
    return { connect() {}, disconnect() {}, getFloatTimeDomainData() {}, getByteFrequencyData() {} }
  }

  async close(): Promise<void> {
    this.state = 'closed'
  }
}

class FakeWorkletNode {
  readonly port = { onmessage: null, postMessage() {}, close() {} }
  connect() {}
  disconnect() {}
}

const sim = simulator()
beforeEach(() => {
  GestureGatedContext.made = []
  vi.stubGlobal('AudioWorkletNode', FakeWorkletNode)
})
afterEach(() => {
  vi.unstubAllGlobals()
})

function gatedClient() {
  const server = sim.start()
  const client = new RealtimeClient({
    agent: new RealtimeAgent({ name: 'Unlock' }),
    auth: { clientSecret: 'ek_test' },
    audio: {
      AudioContext: GestureGatedContext as unknown as typeof AudioContext,
      microphone: false,
      workletModuleUrl: '/worklet.js',
    },
    ...server.options,
  })
  return { server, client }
}

/** Connects as an app does outside a gesture (on mount, after an await): audio stays suspended. */
async function connectOutsideGesture(client: RealtimeClient, server: ReturnType<typeof sim.start>) {
  const connected = client.connect()
  await act(() => server.flush())
  await act(() => connected)
}

/** The whole console over a gated client, with a user to drive it. */
function renderConsole() {
  const user = userEvent.setup({ delay: null })
  const { server, client } = gatedClient()
  const { container } = render(
    <RealtimeProvider client={client}>
      <VoiceConsole />
    </RealtimeProvider>,
  )
  return { user, server, client, container }
}

describe('tap to enable audio (a browser that holds audio until a gesture)', () => {
  it('start does not wait for the tap; the console offers the tap, announced, and a click runs audio', async () => {
    const { user, server, client, container } = renderConsole()
    const region = container.querySelector('.rak-audio-unlock')!
    expect(region).toHaveAttribute('role', 'status') // present before it has anything to say
    expect(region).toBeEmptyDOMElement()
    await connectOutsideGesture(client, server)
    expect(client.getSnapshot()).toMatchObject({ status: 'listening', audio: 'suspended' })
    const tap = screen.getByRole('button', { name: 'Tap to enable audio' })
    expect(region).toContainElement(tap)
    await expectAccessible(container)
    await user.click(tap)
    await waitFor(() => expect(client.getSnapshot().audio).toBe('running'))
    expect(GestureGatedContext.made[0]!.state).toBe('running')
    expect(screen.queryByRole('button', { name: 'Tap to enable audio' })).toBeNull()
    client.disconnect()
  })

  it('from the keyboard: Enter runs audio and focus moves to the talk button, not the page', async () => {
    const { user, server, client } = renderConsole()
    await connectOutsideGesture(client, server)
    const tap = screen.getByRole('button', { name: 'Tap to enable audio' })
    tap.focus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Tap to enable audio' })).toBeNull())
    expect(client.getSnapshot().audio).toBe('running')
    expect(document.activeElement).not.toBe(document.body)
    expect(document.activeElement).toHaveClass('rak-talk-button')
    client.disconnect()
  })

  it('a Start click is the gesture: audio runs at once and no tap is asked for', async () => {
    const { user, server, client } = renderConsole()
    await user.click(screen.getByRole('button', { name: 'Start conversation' }))
    await act(() => server.flush())
    await waitFor(() => expect(client.getSnapshot().status).toBe('listening'))
    expect(client.getSnapshot().audio).toBe('running')
    expect(screen.queryByRole('button', { name: 'Tap to enable audio' })).toBeNull()
    client.disconnect()
  })

  it('audio the platform interrupts (a phone call on iOS) asks for a tap again, in a custom UI too', async () => {
    const user = userEvent.setup({ delay: null })
    const { server, client } = gatedClient()
    render(
      <RealtimeProvider client={client}>
        <AudioUnlockButton>Resume sound</AudioUnlockButton>
      </RealtimeProvider>,
    )
    await connectOutsideGesture(client, server)
    await user.click(screen.getByRole('button', { name: 'Resume sound' }))
    await waitFor(() => expect(client.getSnapshot().audio).toBe('running'))
    act(() => GestureGatedContext.made[0]!.interrupt())
    expect(client.getSnapshot().audio).toBe('suspended')
    await user.click(screen.getByRole('button', { name: 'Resume sound' }))
    await waitFor(() => expect(client.getSnapshot().audio).toBe('running'))
    client.disconnect()
  })
})
