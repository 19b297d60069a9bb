/**
 * One measured run in a fresh process: `tsx --expose-gc bench/eventsRun.ts <kit|peer> <turns>`.
 * Prints JSON: events/s, per-event cost in the first and last 10% of turns, retained heap.
 */
import { generateConversation } from './conversation'
import { FakeSocket } from './fakeSocket'

const [impl = 'kit', turnsArg = '200'] = process.argv.slice(2)
let audioBytes = 0
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})

async function connectKit(): Promise<{ socket: FakeSocket; keep: unknown }> {
  const { RealtimeAgent, RealtimeSession, tool, WebSocketTransport } = await import('../src/core')
  const { engineOf } = await import('../src/core/session')
  const lookup = tool({
    name: 'lookup',
    description: 'look up',
    parameters: { type: 'object', properties: { query: { type: 'string' } } },
    execute: () => 'sunny',
  })
  const transport = new WebSocketTransport({ WebSocket: FakeSocket as never })
  const session = new RealtimeSession({
    agent: new RealtimeAgent({ name: 'Bench', tools: [lookup] }),
    transport,
  })
  // A player reads every chunk: both implementations must hand over decoded bytes.
  session.on('audio', (e) => {
    audioBytes += e.data.byteLength
  })
  await transport.connect(
    { url: 'wss://fake', auth: { kind: 'apiKey', value: 'sk' } },
    engineOf(session).handlers,
  )
  return { socket: FakeSocket.instances.at(-1)!, keep: session }
}

async function connectPeer(): Promise<{ socket: FakeSocket; keep: unknown }> {
  const { RealtimeAgent, RealtimeSession, OpenAIRealtimeWebSocket, tool } = await import(
    '@openai/agents-realtime'
  )
  const { z } = await import('zod')
  const lookup = tool({
    name: 'lookup',
    description: 'look up',
    parameters: z.object({ query: z.string() }),
    execute: async () => 'sunny',
  })
  const transport = new OpenAIRealtimeWebSocket({
    createWebSocket: async () => new FakeSocket() as never,
    skipOpenEventListeners: true,
  })
  const session = new RealtimeSession(new RealtimeAgent({ name: 'Bench', tools: [lookup] }), { transport })
  session.on('audio', (e) => {
    audioBytes += e.data.byteLength
  })
  await session.connect({ apiKey: 'sk-bench' })
  return { socket: FakeSocket.instances.at(-1)!, keep: session }
}

const connect = impl === 'kit' ? connectKit : connectPeer

async function feed(socket: FakeSocket, turns: number, perTurn: { ms: number; events: number }[]) {
  for (const turn of generateConversation(turns)) {
    const t0 = performance.now()
    for (const data of turn.events) socket.deliver(data)
    // Let tool calls settle between turns, as the network would.
    await new Promise((resolve) => setImmediate(resolve))
    perTurn.push({ ms: performance.now() - t0, events: turn.events.length })
  }
}

// Warm the JIT on a throwaway session, so "first 10%" measures the session, not compilation.
await feed((await connect()).socket, 200, [])
const { socket, keep } = await connect()
gc()
gc()
const heapBefore = process.memoryUsage().heapUsed
const perTurn: { ms: number; events: number }[] = []
await feed(socket, Number(turnsArg), perTurn)
const total = perTurn.reduce((sum, t) => sum + t.events, 0)
const elapsed = perTurn.reduce((sum, t) => sum + t.ms, 0)
gc()
gc()
const heapAfter = process.memoryUsage().heapUsed
const tenth = Math.max(1, Math.floor(perTurn.length / 10))
const cost = (slice: typeof perTurn) =>
  (slice.reduce((s, t) => s + t.ms, 0) * 1000) / slice.reduce((s, t) => s + t.events, 0)
const first = cost(perTurn.slice(0, tenth))
const last = cost(perTurn.slice(-tenth))
console.log(
  JSON.stringify({
    impl,
    audioMiB: audioBytes / 2 ** 20,
    turns: perTurn.length,
    events: total,
    eventsPerSecond: (total / elapsed) * 1000,
    firstUsPerEvent: first,
    lastUsPerEvent: last,
    lastOverFirst: last / first,
    retainedMiB: (heapAfter - heapBefore) / 2 ** 20,
  }),
)
void keep
process.exit(0)
