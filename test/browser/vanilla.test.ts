import { describe, expect, inject, it, vi } from 'vitest'
import { mountVoiceWidget, RealtimeClient } from '../../examples/vanilla/widget.js'
import { RealtimeAgent } from '../../src/core'

/** Waits for a condition the page reaches through events, bounded so a failure names what was awaited. */
const until = (condition: () => boolean, what: string) =>
  vi.waitFor(() => expect(condition(), what).toBe(true), { timeout: 15_000, interval: 20 })

describe('the plain-JavaScript example', () => {
  it('connects, sends a message and shows the streamed answer, in plain JavaScript', async () => {
    const root = document.createElement('main')
    document.body.append(root)
    const client = new RealtimeClient({
      agent: new RealtimeAgent({ name: 'Vanilla' }),
      auth: { clientSecret: 'ek_browser', url: inject('simulatorUrl') },
      audio: false,
    })
    const unmount = mountVoiceWidget(root, client)
    const talk = root.querySelector<HTMLButtonElement>('[data-part="talk"]')!
    talk.click()
    await until(() => talk.dataset.state === 'listening', 'the widget shows the session listening')
    const input = root.querySelector<HTMLInputElement>('input[name="text"]')!
    input.value = 'What is the weather in Tokyo?'
    root.querySelector('form')!.requestSubmit()
    const transcript = root.querySelector('[aria-label="Transcript"]')!
    await until(
      () => /assistant: .*Tokyo/.test(transcript.textContent ?? ''),
      'the answer streams into the transcript',
    )
    expect(transcript.querySelector('[data-role="user"]')?.textContent).toBe(
      'user: What is the weather in Tokyo?',
    )
    talk.click()
    await until(() => talk.dataset.state === 'idle', 'the widget ends the session')
    unmount()
    root.remove()
  })
})
