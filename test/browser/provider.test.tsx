import { act, render, screen, waitFor } from '@testing-library/react'
import { StrictMode } from 'react'
import { describe, expect, inject, it } from 'vitest'
import { RealtimeAgent, RealtimeClient, RealtimeProvider, TalkButton } from '../../src'
import { RecordingTransport } from '../helpers/session'

describe('RealtimeProvider in a real browser, with audio', () => {
  it('a click connects with the microphone; a client of the app outlives the provider, and dispose() leaves nothing behind', async () => {
    const transports: RecordingTransport[] = []
    const client = new RealtimeClient({
      agent: new RealtimeAgent({ name: 'Leak check' }),
      auth: { clientSecret: 'ek_browser', url: inject('simulatorUrl') },
      transport: () => {
        const t = new RecordingTransport()
        transports.push(t)
        return t
      },
    })
    const { unmount } = render(
      <StrictMode>
        <RealtimeProvider agent={client.getSnapshot().currentAgent} client={client}>
          <TalkButton />
        </RealtimeProvider>
      </StrictMode>,
    )
    await act(async () => screen.getByRole('button', { name: 'Start conversation' }).click())
    await waitFor(() => expect(screen.getByRole('button')).toHaveAttribute('data-state', 'listening'), {
      timeout: 30_000,
    })
    const graph = client.audioGraph!
    await waitFor(() => expect(graph.inputStream).not.toBeNull())
    const tracks = graph.inputStream!.getTracks()
    const context = graph.context!
    expect(tracks.every((t) => t.readyState === 'live')).toBe(true)
    // Microphone frames reach the socket.
    await waitFor(() =>
      expect(
        transports[0]!.sent.filter((e) => e.type === 'input_audio_buffer.append').length,
      ).toBeGreaterThan(5),
    )

    // The provider was given this client: unmounting it leaves the conversation to its owner.
    unmount()
    expect(client.session?.status).toBe('listening')
    expect(tracks.every((t) => t.readyState === 'live')).toBe(true)
    expect(transports[0]!.closes).toBe(0)
    client.dispose()
    await waitFor(() => expect(context.state).toBe('closed'))
    expect(transports).toHaveLength(1)
    expect(transports[0]!.closes).toBe(1)
    expect(tracks.every((t) => t.readyState === 'ended')).toBe(true)
    expect(client.session).toBeNull()
  })
})
