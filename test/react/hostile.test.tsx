import { act, render, screen, within } from '@testing-library/react'
import { beforeAll, describe, expect, it } from 'vitest'
import { EventLog, RealtimeAgent, ToolCallList, TranscriptView, tool } from '../../src'
import { callTool, say } from '../../src/testing'
import { connected, loadJsonSchemaValidator, simulator } from './helpers'

const sim = simulator()
beforeAll(loadJsonSchemaValidator)
const PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script><b>bold</b>'

describe('hostile text', () => {
  it('in tool arguments, tool output, transcripts and the event log renders as text', async () => {
    const echo = tool({
      name: 'echo',
      description: 'e',
      parameters: { type: 'object', properties: { html: { type: 'string' } } },
      execute: (args: { html: string }) => args.html,
    })
    const { client, server, wrapper } = await connected(
      sim,
      new RealtimeAgent({ name: 'H', tools: [echo] }),
      {
        scenario: { turns: [{ replies: [callTool('echo', { html: PAYLOAD }), say(PAYLOAD)] }] },
      },
    )
    const { container } = render(
      <>
        <TranscriptView />
        <ToolCallList />
        <EventLog
          schedule={(flush) => {
            queueMicrotask(flush)
            return () => {}
          }}
        />
      </>,
      { wrapper },
    )
    act(() => client.sendMessage(PAYLOAD))
    await server.runAll()
    // The user's message, the tool's output (after its arguments) and the answer, each as text.
    const rows = within(screen.getByRole('log', { name: 'Transcript' })).getAllByText((_, el) =>
      Boolean(el?.classList.contains('rak-transcript__text')),
    )
    expect(rows.map((row) => row.textContent)).toEqual([PAYLOAD, `echo returned: ${PAYLOAD}`, PAYLOAD])
    expect(container.querySelector('img, script, b')).toBeNull()
    expect((window as { __pwned?: number }).__pwned).toBeUndefined()
    expect(screen.getByRole('region', { name: 'Tool calls' })).toHaveTextContent(PAYLOAD) // the output, as text
    // Expand every entry of the event log: each shows its JSON as text.
    for (const summary of container.querySelectorAll<HTMLButtonElement>('.rak-event-log__summary'))
      act(() => summary.click())
    const json = [...container.querySelectorAll('.rak-event-log__json')]
      .map((pre) => pre.textContent)
      .join('')
    expect(json).toContain('<img src=x') // shown as text inside <pre>, not parsed
  })
})
