import { act, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, inject, it } from 'vitest'
import {
  RealtimeAgent,
  type RealtimeClient,
  RealtimeProvider,
  TalkButton,
  useRealtimeClient,
} from '../../src'
import { RecordingTransport } from '../helpers/session'

/** Counts listeners added and removed on a target, by event type. */
function countListeners(target: EventTarget) {
  const live = new Map<string, number>()
  const add = target.addEventListener.bind(target)
  const remove = target.removeEventListener.bind(target)
  target.addEventListener = (
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ) => {
    live.set(type, (live.get(type) ?? 0) + 1)
    add(type, listener, options)
  }
  target.removeEventListener = (
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ) => {
    live.set(type, (live.get(type) ?? 0) - 1)
    remove(type, listener, options)
  }
  return {
    live: () => Object.fromEntries([...live].filter(([, n]) => n !== 0)),
    restore: () => {
      target.addEventListener = add
      target.removeEventListener = remove
    },
  }
}

/** Hands the provider's own client to the test. */
function Grab({ onClient }: { onClient: (client: RealtimeClient) => void }) {
  onClient(useRealtimeClient())
  return null
}

describe('mounting and unmounting the provider 100 times', () => {
  it('leaves no socket, track, AudioContext or listener behind, also when unmounted while connecting', async () => {
    // Every socket the page opens, to check that each one ends closed.
    const sockets: WebSocket[] = []
    const NativeWebSocket = window.WebSocket
    window.WebSocket = class extends NativeWebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols)
        sockets.push(this)
      }
    }
    const documentListeners = countListeners(document)
    const deviceListeners = countListeners(navigator.mediaDevices)
    const transports: RecordingTransport[] = []
    const clients: RealtimeClient[] = []
    const contexts: AudioContext[] = []
    const tracks: MediaStreamTrack[] = []
    try {
      for (let i = 0; i < 100; i++) {
        // The provider creates (and so owns and disposes) each client.
        const grabbed: { client: RealtimeClient | null } = { client: null }
        const { unmount } = render(
          <RealtimeProvider
            agent={new RealtimeAgent({ name: `Cycle ${i}` })}
            auth={{ clientSecret: 'ek_cycle', url: inject('simulatorUrl') }}
            transport={() => {
              const t = new RecordingTransport()
              transports.push(t)
              return t
            }}
          >
            <Grab
              onClient={(c) => {
                grabbed.client = c
              }}
            />
            <TalkButton />
          </RealtimeProvider>,
        )
        const client = grabbed.client
        if (!client) throw new Error('the provider gave no client')
        clients.push(client)
        await act(async () => screen.getByRole('button', { name: 'Start conversation' }).click())
        if (i % 2 === 0) {
          // Fully connected, microphone live.
          await waitFor(() => expect(client.session && client.audioGraph?.inputStream).toBeTruthy(), {
            timeout: 30_000,
          })
          contexts.push(client.audioGraph!.context!)
          tracks.push(...client.audioGraph!.inputStream!.getTracks())
        }
        // Odd cycles unmount while the socket and the microphone are still opening.
        unmount()
      }
      // A graph stopped while still starting finishes its stop once the start is done: wait for all.
      const busy = (c: RealtimeClient) =>
        !['closed', 'idle', 'error'].includes(c.audioGraph?.getSnapshot().state ?? 'idle')
      await waitFor(() => expect(clients.filter(busy)).toHaveLength(0), { timeout: 10_000 })
      await waitFor(() => expect(contexts.filter((c) => c.state !== 'closed')).toHaveLength(0), {
        timeout: 10_000,
      })
      await waitFor(() => expect(sockets.filter((s) => s.readyState !== WebSocket.CLOSED)).toHaveLength(0), {
        timeout: 10_000,
      })
      expect(sockets.length).toBeGreaterThanOrEqual(50)
      expect(transports).toHaveLength(100)
      expect(tracks.filter((t) => t.readyState !== 'ended')).toHaveLength(0)
      // React DOM keeps one selectionchange listener per document; nothing may grow per cycle.
      const left = documentListeners.live()
      expect(left.pointerdown ?? 0).toBe(0)
      expect(left.keydown ?? 0).toBe(0)
      expect(Object.values(left).every((n) => n <= 1)).toBe(true)
      expect(deviceListeners.live()).toEqual({})
    } finally {
      window.WebSocket = NativeWebSocket
      documentListeners.restore()
      deviceListeners.restore()
    }
  }, 120_000)
})
