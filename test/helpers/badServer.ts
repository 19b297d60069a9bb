import { ws } from 'msw'
import { REALTIME_WS_URL } from '../../src/testing'

const api = ws.link(REALTIME_WS_URL)
const created = { type: 'session.created', event_id: 'e0', session: { type: 'realtime', id: 'sess_bad' } }

/** A server that answers each response request with garbage first, then a valid assistant item. */
export const garbageServer = api.addEventListener('connection', ({ client }) => {
  client.send(JSON.stringify(created))
  client.addEventListener('message', (event) => {
    const data = JSON.parse(String(event.data))
    if (data.type === 'session.update')
      return client.send(JSON.stringify({ type: 'session.updated', event_id: 'e1', session: data.session }))
    if (data.type !== 'response.create') return
    client.send('{not json')
    client.send(JSON.stringify({ type: 'response.output_audio.delta', event_id: 'e2', delta: 42 }))
    client.send(JSON.stringify(['an', 'array']))
    client.send(JSON.stringify({ type: 'some.future_event', event_id: 'e3', payload: {} }))
    client.send(
      JSON.stringify({
        type: 'response.output_item.added',
        event_id: 'e4',
        response_id: 'r1',
        output_index: 0,
        item: {
          id: 'a1',
          type: 'message',
          role: 'assistant',
          status: 'completed',
          content: [{ type: 'output_text', text: 'still fine' }],
        },
      }),
    )
  })
})

/** A server that closes the socket with 1011 as soon as a response is asked for. */
export const droppingServer = api.addEventListener('connection', ({ client }) => {
  client.send(JSON.stringify(created))
  client.addEventListener('message', (event) => {
    if (JSON.parse(String(event.data)).type === 'response.create') client.close(1011, 'upstream failure')
  })
})
