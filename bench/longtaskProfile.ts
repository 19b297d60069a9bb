/**
 * What is inside each long task of a page: a Chromium trace (CDP `Tracing`, with V8's sampling
 * profiler) cut at the renderer's top-level tasks over 50 ms, each summarised as its largest trace
 * events (layout, style, GC, compiles, script entries) and the functions with the most self time.
 * Used by `npx tsx bench/longtasks.ts --profile`.
 */
import type { CDPSession, Page } from 'playwright'

export interface TraceEvent {
  name: string
  cat: string
  ph: string
  ts: number
  dur?: number
  /** CPU time of the thread, for complete events. */
  tdur?: number
  pid: number
  tid: number
  id?: string
  args?: {
    name?: string
    data?: {
      functionName?: string
      url?: string
      type?: string
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }
      timeDeltas?: number[]
    }
  }
}
interface ProfileNode {
  id: number
  parent?: number
  callFrame: { functionName: string; url?: string; lineNumber: number; columnNumber: number }
}

/** Top-level tasks and user timing marks: cheap enough to leave on while measuring. */
const LIGHT = ['toplevel', 'blink.user_timing']
/** What the report needs to say what is inside a task: timeline events and V8's samples. */
const DETAIL = [
  ...LIGHT,
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
]

/** Starts tracing the page's process; call the result to stop and get the trace's events. */
export async function startTrace(page: Page, detail: boolean): Promise<() => Promise<TraceEvent[]>> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: detail ? DETAIL : LIGHT,
      recordMode: 'recordAsMuchAsPossible',
      traceBufferSizeInKb: 400_000,
    },
    transferMode: 'ReturnAsStream',
  })
  return () => stop(cdp)
}

/** The renderer's main thread and the `rak-click` mark's time on it (the trace's clock, µs). */
function mainThread(events: TraceEvent[]) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  if (!main) throw new Error('no renderer main thread in the trace')
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid)
  const mark = onMain.find((e) => e.name === 'rak-click' && e.cat.includes('user_timing'))
  if (!mark) throw new Error('no rak-click mark in the trace')
  const tasks = onMain.filter(
    (e) => e.name === 'ThreadControllerImpl::RunTask' && e.ph === 'X' && e.ts + (e.dur ?? 0) >= mark.ts,
  )
  return { main, onMain, click: mark.ts, tasks }
}

/** The main thread's tasks after the click: start (ms after it), wall time and the thread's CPU time. */
export function cpuOfTasks(events: TraceEvent[]): { at: number; ms: number; cpuMs: number }[] {
  const { click, tasks } = mainThread(events)
  return tasks.map((t) => ({
    at: Math.round((t.ts - click) / 1000),
    ms: Math.round((t.dur ?? 0) / 1000),
    cpuMs: Math.round((t.tdur ?? 0) / 1000),
  }))
}

async function stop(cdp: CDPSession): Promise<TraceEvent[]> {
  const done = new Promise<string>((resolve) =>
    cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream ?? '')),
  )
  await cdp.send('Tracing.end')
  const stream = await done
  let text = ''
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 20 })
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data
    if (chunk.eof) break
  }
  await cdp.send('IO.close', { handle: stream })
  const parsed = JSON.parse(text) as { traceEvents: TraceEvent[] } | TraceEvent[]
  return Array.isArray(parsed) ? parsed : parsed.traceEvents
}

/** Self time of each function from V8's profile chunks on the main thread, as [ts, name] samples. */
function samplesOf(events: TraceEvent[], pid: number, tid: number): [number, string][] {
  const nodes = new Map<number, string>()
  const out: [number, string][] = []
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid)
  let ts = (profile?.args as { data?: { startTime?: number } } | undefined)?.data?.startTime ?? 0
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.pid !== pid || e.id !== profile?.id) continue
    const data = e.args?.data
    for (const node of data?.cpuProfile?.nodes ?? []) {
      const f = node.callFrame
      const file = (f.url ?? '').split('/').at(-1) ?? ''
      nodes.set(
        node.id,
        f.functionName || file
          ? `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`
          : '(native)',
      )
    }
    const samples = data?.cpuProfile?.samples ?? []
    const deltas = data?.timeDeltas ?? []
    samples.forEach((node, i) => {
      ts += deltas[i] ?? 0
      out.push([ts, nodes.get(node) ?? `node ${node}`])
    })
  }
  return out
}

const INTERESTING = new Set([
  'Layout',
  'UpdateLayoutTree',
  'RecalculateStyles',
  'ScheduleStyleRecalculation',
  'InvalidateLayout',
  'MajorGC',
  'MinorGC',
  'V8.GC_SCAVENGER',
  'V8.GCFinalizeMC',
  'v8.compile',
  'V8.CompileCode',
  'v8.parseOnBackground',
  'V8.ParseFunction',
  'EvaluateScript',
  'v8.evaluateModule',
  'FunctionCall',
  'EventDispatch',
  'TimerFire',
  'FireAnimationFrame',
  'RunMicrotasks',
  'Paint',
  'PrePaint',
  'Commit',
])

/** What is inside each task after the click over 50 ms of wall time or 8 ms of CPU time. */
export function describeTasks(events: TraceEvent[]): string {
  const { main, onMain, click: from, tasks: all } = mainThread(events)
  const tasks = all.filter((e) => (e.dur ?? 0) > 50_000 || (e.tdur ?? 0) > 8_000)
  const samples = samplesOf(events, main.pid, main.tid)
  const lines: string[] = []
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0)
    lines.push(
      `task ${((task.dur ?? 0) / 1000).toFixed(1)} ms (CPU ${((task.tdur ?? 0) / 1000).toFixed(1)} ms) at +${((task.ts - from) / 1000).toFixed(0)} ms`,
    )
    const inside = onMain.filter(
      (e) => e !== task && e.ph === 'X' && e.ts >= task.ts && e.ts < end && INTERESTING.has(e.name),
    )
    const byName = new Map<string, { ms: number; n: number; max: number }>()
    for (const e of inside) {
      const label =
        e.name === 'FunctionCall' || e.name === 'EvaluateScript'
          ? `${e.name} ${e.args?.data?.functionName ?? ''} ${(e.args?.data?.url ?? '').split('/').at(-1)}`
          : e.name === 'EventDispatch'
            ? `EventDispatch ${e.args?.data?.type}`
            : e.name
      const s = byName.get(label) ?? { ms: 0, n: 0, max: 0 }
      s.ms += (e.tdur ?? e.dur ?? 0) / 1000
      s.n += 1
      s.max = Math.max(s.max, (e.tdur ?? e.dur ?? 0) / 1000)
      byName.set(label, s)
    }
    for (const [label, s] of [...byName].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12))
      lines.push(`    ${s.ms.toFixed(1).padStart(6)} ms  x${s.n}  (max ${s.max.toFixed(1)})  ${label}`)
    const self = new Map<string, number>()
    const inTask = samples.filter(([ts]) => ts >= task.ts && ts < end)
    for (let i = 0; i < inTask.length; i++) {
      const [ts, name] = inTask[i] as [number, string]
      const next = inTask[i + 1]?.[0] ?? end
      self.set(name, (self.get(name) ?? 0) + (next - ts) / 1000)
    }
    lines.push('  self time:')
    for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15))
      lines.push(`    ${ms.toFixed(1).padStart(6)} ms  ${name}`)
  }
  return lines.join('\n') || 'no task over 50 ms after the click'
}
