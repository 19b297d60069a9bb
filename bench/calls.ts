/**
 * Concurrent phone calls: simulated Twilio callers against one bridge process, the simulator in a
 * third process, audio at real-time pace both ways. For each number of calls: event-loop lag of the
 * bridge, frames lost either way, late frames, CPU and memory per call.
 *   npm run bench:calls          (this section only; npm run bench runs it with the rest)
 */
import { type ChildProcess, fork } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { getPriority, loadavg, setPriority } from 'node:os'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { TWILIO_FRAME_MS, TwilioPhone } from 'realtime-agent-kit/testing'
import WebSocket from 'ws'
import { machine } from './measure'

const LEVELS = (process.env.RAK_CALL_LEVELS ?? '50,100,200,300').split(',').map(Number)
const WINDOW_MS = Number(process.env.RAK_CALL_WINDOW_MS ?? 10_000)
const CHUNK_MS = 100
/** An answer chunk this much later than the previous one plus its length is an audible gap. */
const LATE_MS = 40

type Message = Record<string, unknown> & { type: string }

function child(file: string, args: string[] = []): ChildProcess {
  return fork(new URL(file, import.meta.url).pathname, args, {
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.RAK_CALL_PROFILE && file.includes(process.env.RAK_CALL_PROFILE)
        ? ['--cpu-prof', '--cpu-prof-dir=/tmp/callprof']
        : []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
}
function next(proc: ChildProcess, type: string): Promise<Message> {
  return new Promise((resolve) => {
    const on = (message: Message) => {
      if (message.type !== type) return
      proc.off('message', on)
      resolve(message)
    }
    proc.on('message', on)
  })
}
async function ask(proc: ChildProcess, type: string): Promise<Message> {
  const answer = next(proc, type)
  proc.send({ type })
  return answer
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** One caller: listens, then speaks a sentence once the agent is quiet, again and again. */
class Caller {
  readonly phone: TwilioPhone
  readonly socket: WebSocket
  started = false
  framesSent = 0
  mediaReceived = 0
  late = 0
  worstGapMs = 0
  lastMediaAt = 0
  #speakUntil = 0
  #quietSince = 0
  #pauseMs: number

  constructor(url: string, index: number) {
    this.socket = new WebSocket(url)
    this.phone = new TwilioPhone((data) => this.socket.send(data), `MZ${String(index).padStart(32, '0')}`)
    this.#pauseMs = 400 + ((index * 137) % 800)
    this.socket.on('message', (data) => {
      const text = String(data)
      this.phone.receive(text)
      if (!text.includes('"media"')) return
      const now = performance.now()
      this.mediaReceived++
      const gap = now - this.lastMediaAt
      // Within an answer, each chunk is due one chunk length after the previous one.
      if (this.lastMediaAt > 0 && gap < 400) {
        this.worstGapMs = Math.max(this.worstGapMs, gap - CHUNK_MS)
        if (gap > CHUNK_MS + LATE_MS) this.late++
      }
      this.lastMediaAt = now
      this.started = true
    })
    this.socket.on('open', () => this.phone.connect())
  }

  /** One 20 ms frame of the line; `talk` false keeps the caller silent (the quiet phase). */
  tick(now: number, talk: boolean): void {
    if (!this.started || this.socket.readyState !== WebSocket.OPEN) return
    const agentQuiet = this.phone.queuedMs === 0 && now - this.lastMediaAt > 300
    if (!agentQuiet) this.#quietSince = 0
    else if (this.#quietSince === 0) this.#quietSince = now
    if (talk && this.#speakUntil < now && this.#quietSince > 0 && now - this.#quietSince > this.#pauseMs)
      this.#speakUntil = now + 800
    this.phone.frame(now < this.#speakUntil)
    this.framesSent++
    this.phone.play(TWILIO_FRAME_MS)
  }
}

interface Level {
  calls: number
  held: number
  failures: number
  lagP99Ms: number
  lagMaxMs: number
  cpuPerCall: number
  mibPerCall: number
  inboundLost: number
  outboundLost: number
  late: number
  worstGapMs: number
  driverLagP99Ms: number
  framesSent: number
  /** The machine's 1-minute load average before and after: other work shares these 2 cores. */
  load: string
}

async function runLevel(count: number): Promise<Level> {
  const loadBefore = loadavg()[0]!
  const simulator = child('./callsSimulator.ts')
  // The callers and the API stand for the outside world (Twilio, OpenAI): they yield the CPU to the
  // bridge, the process under test, which runs at normal priority.
  if (simulator.pid) setPriority(simulator.pid, 10)
  const { url } = await next(simulator, 'ready')
  const bridge = child('./callsBridge.ts', [String(url)])
  const ready = await next(bridge, 'ready')
  const baseRss = Number(ready.rss)
  const streamUrl = `ws://127.0.0.1:${ready.port}/media-stream`
  const callers: Caller[] = []
  const driverLag = monitorEventLoopDelay({ resolution: 10 })
  driverLag.enable()
  let talk = true
  let running = true
  // One timer for every line, scheduled against the start so the pace does not drift.
  let due = performance.now()
  const tick = () => {
    if (!running) return
    const now = performance.now()
    for (const caller of callers) caller.tick(now, talk)
    due += TWILIO_FRAME_MS
    setTimeout(tick, Math.max(0, due - performance.now()))
  }
  tick()
  for (let i = 0; i < count; i++) {
    callers.push(new Caller(streamUrl, i))
    await sleep(15)
  }
  while (callers.some((c) => !c.started)) await sleep(100)
  await ask(bridge, 'window')
  driverLag.reset()
  await sleep(WINDOW_MS)
  const report = await ask(bridge, 'report')
  const driverLagP99Ms = Math.max(0, driverLag.percentile(99) / 1e6 - 10)
  // Quiet phase: callers stop talking and every answer plays out, so the counts can be compared.
  talk = false
  const quietFrom = performance.now()
  while (
    performance.now() - quietFrom < 15_000 &&
    callers.some((c) => performance.now() - c.lastMediaAt < 1_000)
  )
    await sleep(200)
  running = false
  // A caller that stopped on an odd frame leaves half a batch in the bridge: one more silent frame.
  for (const caller of callers)
    if (caller.framesSent % 2 === 1 && caller.socket.readyState === WebSocket.OPEN) {
      caller.phone.frame(false)
      caller.framesSent++
    }
  await sleep(300)
  const counts = await ask(simulator, 'counts')
  const framesSent = callers.reduce((sum, c) => sum + c.framesSent, 0)
  const mediaReceived = callers.reduce((sum, c) => sum + c.mediaReceived, 0)
  for (const caller of callers) caller.socket.close()
  bridge.send({ type: 'exit' })
  simulator.send({ type: 'exit' })
  await Promise.all([bridge, simulator].map((p) => new Promise((resolve) => p.once('exit', resolve))))
  return {
    calls: count,
    held: Number(report.calls),
    failures: Number(report.failures),
    lagP99Ms: Number(report.lagP99Ms),
    lagMaxMs: Number(report.lagMaxMs),
    cpuPerCall: (Number(report.cpuShare) * 100) / count,
    mibPerCall: (Number(report.rss) - baseRss) / 2 ** 20 / count,
    inboundLost: framesSent - Number(counts.appends),
    outboundLost: Number(counts.deltas) - mediaReceived,
    late: callers.reduce((sum, c) => sum + c.late, 0),
    worstGapMs: Math.max(...callers.map((c) => c.worstGapMs)),
    driverLagP99Ms,
    framesSent,
    load: `${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`,
  }
}

const ok = (l: Level) =>
  l.held === l.calls &&
  l.failures === 0 &&
  l.lagP99Ms < 20 &&
  l.inboundLost === 0 &&
  l.outboundLost === 0 &&
  l.late === 0

export async function callsReport(): Promise<string> {
  const levels: Level[] = []
  const priority = getPriority()
  setPriority(10)
  try {
    for (const count of LEVELS) {
      const level = await runLevel(count)
      console.error(`calls ${count}: ${JSON.stringify(level)}`)
      levels.push(level)
    }
  } finally {
    setPriority(priority)
  }
  const held = levels.filter(ok).map((l) => l.calls)
  const figure = held.length ? Math.max(...held) : 0
  const whole = levels.filter(
    (l) => l.held === l.calls && l.failures === 0 && l.inboundLost === 0 && l.outboundLost === 0,
  )
  const wholeFigure = whole.length ? Math.max(...whole.map((l) => l.calls)) : 0
  const loads = levels.map((l) => l.load).join(', ')
  const rows = levels.map(
    (l) =>
      `| ${l.calls} | ${l.held} | ${l.lagP99Ms.toFixed(1)} / ${l.lagMaxMs.toFixed(1)} | ${l.inboundLost} / ${l.framesSent.toLocaleString('en-US')} | ${l.outboundLost} | ${l.late} (${l.worstGapMs.toFixed(0)} ms) | ${l.cpuPerCall.toFixed(2)} % | ${l.mibPerCall.toFixed(2)} | ${l.driverLagP99Ms.toFixed(1)} | ${l.load} | ${ok(l) ? 'yes' : 'no'} |`,
  )
  return [
    '## Phone calls: concurrent Twilio calls on one bridge process',
    '',
    `Simulated Twilio callers (one process) against one bridge process (\`createTwilioBridge\` + \`attachTwilioMediaStream\`, one realtime session per call over a real WebSocket), the simulator in a third process, audio at real-time pace both ways: each caller sends a 20 ms u-law frame every 20 ms and plays what it receives in real time (echoing marks), listens to the greeting, then speaks a sentence (800 ms) each time the agent has been quiet for a moment; each answer is about 5.5 s of audio in 100 ms chunks. Calls ramp up 15 ms apart, then a ${WINDOW_MS / 1000} s window is measured in the bridge: event-loop lag (\`monitorEventLoopDelay\`), CPU (\`process.cpuUsage\`) and RSS over the baseline. Afterwards callers fall silent until every answer has played out, and the frames counted at each end are compared. A late frame is an answer chunk arriving more than ${LATE_MS} ms after the previous chunk had played (an audible gap). All three processes share this machine's 2 cores (and so does whatever else runs: the load column is the 1-minute load average before and after each level); the callers and the simulator run at lower priority (nice 10), as stand-ins for Twilio and OpenAI, the bridge at normal priority. Command: \`npm run bench:calls\`.`,
    '',
    '| calls | held | bridge lag p99 / max, ms | caller frames lost / sent | agent chunks lost | late chunks (worst gap) | bridge CPU per call | bridge MiB per call | caller-process lag p99, ms | machine load | within target |',
    '| ----- | ---- | ------------------------ | ------------------------- | ----------------- | ----------------------- | ------------------- | ------------------- | -------------------------- | ------------ | ------------- |',
    ...rows,
    '',
    `**Within every target (bridge lag p99 under 20 ms, no frame lost either way, no late chunk, every call up): ${figure} concurrent calls**; goal at least 200. Every call up with no frame lost either way: ${wholeFigure} calls. Machine load during the levels (1-minute average; 2 cores): ${loads}.`,
    '',
    "Reading it: the bridge's CPU per call (the share of one core it used during the window, over the calls) times the calls is what the bridge needed; when that stays far below one core while the lag grows, the bridge was waiting for a CPU, not busy (a load average well above 2 means other processes held both cores).",
    '',
    'Calls hold no state outside their process, so capacity grows by adding processes behind a load balancer.',
    '',
  ].join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const section = await callsReport()
  const path = new URL('./RESULTS.md', import.meta.url)
  const results = readFileSync(path, 'utf8')
  const start = results.indexOf('## Phone calls')
  const updated =
    start === -1
      ? `${results.trimEnd()}\n\n${section}`
      : results.slice(0, start) +
        section +
        results.slice(results.indexOf('\n## ', start + 1) + 1 || results.length)
  writeFileSync(path, updated.endsWith('\n') ? updated : `${updated}\n`)
  console.log(section)
  console.log(`Machine: ${machine()}`)
  process.exit(0)
}
