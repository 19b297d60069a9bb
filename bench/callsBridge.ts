/**
 * The bridge process of the phone-call benchmark: Twilio Media Streams on a local HTTP server, one
 * realtime session per call against the simulator's URL. Reports event-loop lag, CPU and memory.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { RealtimeAgent } from 'realtime-agent-kit/core'
import { attachTwilioMediaStream, createTwilioBridge } from 'realtime-agent-kit/server'

const simulatorUrl = process.argv[2]!
const agent = new RealtimeAgent({ name: 'Phone', instructions: 'Answer the phone.' })
let failures = 0
const bridge = createTwilioBridge({
  agent,
  config: { modelSettings: { turnDetection: { type: 'server_vad', silenceDurationMs: 500 } } },
  run: () => ({ apiKey: 'bench', url: simulatorUrl }),
  log: (line) => {
    if (!line.endsWith('ended: stop') && line.includes('ended')) failures++
  },
})
const server = createServer()
const route = await attachTwilioMediaStream(server, { bridge, allowAnonymous: true })
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const lag = monitorEventLoopDelay({ resolution: 10 })
lag.enable()
let cpu = process.cpuUsage()
let since = performance.now()
process.send?.({
  type: 'ready',
  port: (server.address() as AddressInfo).port,
  rss: process.memoryUsage().rss,
})
process.on('message', (message: { type: string }) => {
  if (message.type === 'window') {
    lag.reset()
    cpu = process.cpuUsage()
    since = performance.now()
    process.send?.({ type: 'window', rss: process.memoryUsage().rss })
  }
  if (message.type === 'report') {
    const used = process.cpuUsage(cpu)
    process.send?.({
      type: 'report',
      calls: bridge.calls.size,
      failures,
      // The histogram holds whole timer periods: the lag is what exceeds the sampling period.
      lagP99Ms: Math.max(0, lag.percentile(99) / 1e6 - 10),
      lagMaxMs: Math.max(0, lag.max / 1e6 - 10),
      cpuShare: (used.user + used.system) / 1000 / (performance.now() - since),
      rss: process.memoryUsage().rss,
    })
  }
  if (message.type === 'exit') {
    bridge.close()
    void route.close().then(() => process.exit(0))
  }
})
