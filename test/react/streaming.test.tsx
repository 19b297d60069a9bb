import { act, render } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import {
  RealtimeAgent,
  RealtimeClient,
  RealtimeProvider,
  useTranscript,
  useTranscriptIds,
  useTranscriptItem,
} from '../../src'
import { PushTransport } from '../helpers/pushTransport'

const WORDS = 'one two three four five six seven eight nine ten eleven twelve'.split(' ')

async function connectedClient() {
  const transport = new PushTransport({ confirm: true })
  const client = new RealtimeClient({
    agent: new RealtimeAgent({ name: 'Talker' }),
    auth: { clientSecret: 'ek_test' },
    audio: false,
    transport: () => transport,
  })
  await act(() => client.connect())
  return { client, transport }
}

/** A 12-word answer streamed as text deltas, one `act` per delta, as a renderer would see it. */
function streamAnswer(transport: PushTransport, itemId = 'a1') {
  act(() => {
    transport.push({ type: 'response.created', response: { id: 'r1', status: 'in_progress' } })
    transport.push({
      type: 'response.output_item.added',
      response_id: 'r1',
      output_index: 0,
      item: { id: itemId, type: 'message', role: 'assistant', status: 'in_progress', content: [] },
    })
  })
  for (const word of WORDS)
    act(() =>
      transport.push({
        type: 'response.output_text.delta',
        response_id: 'r1',
        item_id: itemId,
        output_index: 0,
        content_index: 0,
        delta: `${word} `,
      }),
    )
  act(() => transport.push({ type: 'response.done', response: { id: 'r1', status: 'completed' } }))
}

const prefixes = WORDS.map((_, i) => `${WORDS.slice(0, i + 1).join(' ')} `)

function List({ onAnswer }: { onAnswer: (text: string) => void }) {
  const { items } = useTranscript()
  const answer = items.find((i) => i.itemId === 'a1')
  if (answer?.type === 'message') onAnswer(answer.text)
  return null
}

function Row({ id, onRender }: { id: string; onRender: () => void }) {
  useTranscriptItem(id)
  onRender()
  return null
}

function Ids({ onRender }: { onRender: () => void }) {
  useTranscriptIds()
  onRender()
  return null
}

describe('transcript hooks', () => {
  it('useTranscript().items sees every intermediate text of a streamed answer', async () => {
    const { client, transport } = await connectedClient()
    const seen: string[] = []
    render(
      <RealtimeProvider client={client}>
        <List
          onAnswer={(text) => {
            if (seen.at(-1) !== text) seen.push(text)
          }}
        />
      </RealtimeProvider>,
    )
    streamAnswer(transport)
    expect(seen).toEqual(['', ...prefixes])
    client.disconnect()
  })

  it('useTranscriptItem re-renders for its item only, useTranscriptIds only when items come or go', async () => {
    const { client, transport } = await connectedClient()
    act(() =>
      transport.push({
        type: 'conversation.item.added',
        item: { id: 'u1', type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hi' }] },
      }),
    )
    const renders = { user: 0, answer: 0, ids: 0 }
    const count = (which: keyof typeof renders) => renders[which]++
    render(
      <RealtimeProvider client={client}>
        <Row id="u1" onRender={() => count('user')} />
        <Row id="a1" onRender={() => count('answer')} />
        <Ids onRender={() => count('ids')} />
      </RealtimeProvider>,
    )
    const before = { ...renders }
    streamAnswer(transport)
    // The answer row: once when it appears, once per delta, once when it completes.
    expect(renders.answer - before.answer).toBe(1 + WORDS.length + 1)
    expect(renders.user - before.user).toBe(0)
    expect(renders.ids - before.ids).toBe(1)
    client.disconnect()
  })
})
