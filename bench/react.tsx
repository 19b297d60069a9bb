/**
 * Cost of one streaming transcript delta with 2,000 items on screen: the kit's TranscriptView next
 * to the common pattern (history array in useState, every row re-rendered), in jsdom, same run.
 */
import { JSDOM } from 'jsdom'
import type { ComponentType } from 'react'

const dom = new JSDOM('<!doctype html><html><body><div id="root"></div></body></html>', {
  pretendToBeVisual: true,
})
Object.assign(globalThis, {
  window: dom.window,
  document: dom.window.document,
  navigator: dom.window.navigator,
  HTMLElement: dom.window.HTMLElement,
  IS_REACT_ACT_ENVIRONMENT: true,
})

const { act, createElement, Profiler, useState, useEffect } = await import('react')
const { createRoot } = await import('react-dom/client')
const { RealtimeAgent, RealtimeClient, RealtimeProvider, TranscriptView, useRealtimeClient, useTranscript } =
  await import('../src')
type ServerEvent = { type: string; [key: string]: unknown }

const ITEMS = 2000
const DELTAS = 200

/** A transport that answers like the server and lets the benchmark push server events. */
function offlineTransport() {
  let push: (data: string) => void = () => {}
  return {
    transport: {
      async connect(_options: unknown, handlers: { onMessage(data: string): void }) {
        push = (data) => handlers.onMessage(data)
        queueMicrotask(() =>
          push(JSON.stringify({ type: 'session.created', event_id: 'e0', session: { type: 'realtime' } })),
        )
      },
      send() {},
      close() {},
    },
    push: (event: ServerEvent) => push(JSON.stringify(event)),
  }
}

/** The common pattern: copy the history into state on every update; rows are not memoised. */
function NaiveTranscript() {
  const client = useRealtimeClient()
  const [items, setItems] = useState(() => client.session?.history ?? [])
  useEffect(
    () =>
      client.onEvent((e) => {
        if (e.type === 'history_updated' || e.type === 'history_added')
          setItems([...(client.session?.history ?? [])])
      }),
    [client],
  )
  return (
    <div>
      {items.map((item) => (
        <p key={item.itemId}>{item.type === 'message' ? item.text : item.name}</p>
      ))}
    </div>
  )
}

/** A reader of the whole list through `useTranscript()`: re-renders on every delta, as it must. */
function ListReader() {
  const { items } = useTranscript()
  return (
    <div>
      {items.map((item) => (
        <p key={item.itemId}>{item.type === 'message' ? item.text : item.name}</p>
      ))}
    </div>
  )
}

type Kind = 'kit' | 'list' | 'naive'
const VIEWS: Record<Kind, ComponentType> = { kit: TranscriptView, list: ListReader, naive: NaiveTranscript }

async function run(kind: Kind) {
  const { transport, push } = offlineTransport()
  const client = new RealtimeClient({
    agent: new RealtimeAgent({ name: 'Bench' }),
    audio: false,
    auth: { clientSecret: 'ek_bench' },
    transport: () => transport as never,
  })
  await client.connect()
  for (let i = 0; i < ITEMS; i++) {
    push({
      type: 'conversation.item.added',
      event_id: `a${i}`,
      item: {
        id: `m${i}`,
        type: 'message',
        role: i % 2 ? 'assistant' : 'user',
        status: 'completed',
        content: [{ type: 'input_text', text: `Message ${i} of a long conversation.` }],
      },
    })
  }
  push({
    type: 'response.output_item.added',
    event_id: 'o',
    response_id: 'r',
    output_index: 0,
    item: { id: 'live', type: 'message', role: 'assistant', status: 'in_progress', content: [] },
  })
  let commits = 0
  let renderMs = 0
  const root = createRoot(document.getElementById('root') as HTMLElement)
  await act(async () => {
    root.render(
      <RealtimeProvider agent={client.getSnapshot().currentAgent} client={client}>
        <Profiler
          id="transcript"
          onRender={(_id, _phase, actual) => {
            commits++
            renderMs += actual
          }}
        >
          {createElement(VIEWS[kind])}
        </Profiler>
      </RealtimeProvider>,
    )
  })
  commits = 0
  renderMs = 0
  const start = performance.now()
  for (let i = 0; i < DELTAS; i++) {
    await act(async () =>
      push({
        type: 'response.output_audio_transcript.delta',
        event_id: `d${i}`,
        response_id: 'r',
        item_id: 'live',
        output_index: 0,
        content_index: 0,
        delta: 'word ',
      }),
    )
  }
  const wallMs = performance.now() - start
  act(() => root.unmount())
  client.dispose()
  return {
    commitsPerDelta: commits / DELTAS,
    renderMsPerDelta: renderMs / DELTAS,
    wallMsPerDelta: wallMs / DELTAS,
  }
}

export async function reactReport(): Promise<string> {
  await run('kit') // warm-up
  await run('list')
  await run('naive')
  const kit = await run('kit')
  const list = await run('list')
  const naive = await run('naive')
  const f = (n: number) => n.toFixed(3)
  return [
    '## React: one transcript delta with 2,000 items on screen',
    '',
    `jsdom, React ${(await import('react')).version}; ${DELTAS} transcript deltas into the last of ${ITEMS + 1} items, each flushed with act(). Render time is the Profiler's actualDuration; wall time includes the store update and the commit. The peer is the common pattern: the history array copied into useState on every update, rows not memoised. The list reader is an app's own component over \`useTranscript().items\` (rows not memoised either): it must see every delta, and does so without copying the history.`,
    '',
    '| | commits per delta | render ms per delta | wall ms per delta |',
    '| --- | --- | --- | --- |',
    `| TranscriptView (kit) | ${kit.commitsPerDelta.toFixed(2)} | ${f(kit.renderMsPerDelta)} | ${f(kit.wallMsPerDelta)} |`,
    `| useTranscript() list reader (kit) | ${list.commitsPerDelta.toFixed(2)} | ${f(list.renderMsPerDelta)} | ${f(list.wallMsPerDelta)} |`,
    `| useState + map (peer) | ${naive.commitsPerDelta.toFixed(2)} | ${f(naive.renderMsPerDelta)} | ${f(naive.wallMsPerDelta)} |`,
    `| ratio (peer / kit) | | ${(naive.renderMsPerDelta / kit.renderMsPerDelta).toFixed(1)}x | ${(naive.wallMsPerDelta / kit.wallMsPerDelta).toFixed(1)}x |`,
    '',
  ].join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await reactReport())
  process.exit(0)
}
