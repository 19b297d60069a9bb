/**
 * Main-thread long tasks in the production build of the demo, in headless Chromium with a fake
 * microphone: from the Start click through connecting and a spoken and a typed turn. Reports click ->
 * "listening" and every task over 50 ms (PerformanceObserver `longtask`), over three page loads.
 *   npx tsx bench/longtasks.ts   (also part of `npm run bench`)
 */
import { execFileSync } from 'node:child_process'
import { loadavg } from 'node:os'
import { resolve } from 'node:path'
import { chromium, type Page } from 'playwright'
import { preview } from 'vite'
import { cpuOfTasks, describeTasks, startTrace } from './longtaskProfile'

const root = resolve(import.meta.dirname, '..')

interface Run {
  clickToListeningMs: number
  /**
   * Each long task after the click: when it started (ms after the click), how long it took, and how
   * much of that the main thread spent on the CPU (the rest it waited, for the OS on a loaded machine).
   */
  longTasks: { at: number; ms: number; cpuMs: number | undefined }[]
  /** The 1-minute load average when the run started: other work on the machine stretches tasks. */
  load: number
  /** The three tasks after the click with the most CPU time on the main thread, from a trace. */
  mostCpu: { at: number; ms: number; cpuMs: number }[]
}

/** Polls the page every 50 ms until `check` returns something other than null (30 s at most). */
async function until<T>(page: Page, what: string, check: () => T | null): Promise<T> {
  const deadline = Date.now() + 30_000
  for (;;) {
    const value = (await page.evaluate(check)) as T | null
    if (value !== null) return value
    if (Date.now() > deadline) {
      const transcript = await page.evaluate(() => document.querySelector('.rak-transcript')?.textContent)
      throw new Error(`Timed out waiting for ${what}; the transcript reads: ${transcript}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** With `--profile`: an unminified build, traced, and what is inside each long task printed. */
const profile = process.argv.includes('--profile')

async function measureOnce(url: string): Promise<Run> {
  const load = loadavg()[0] ?? 0
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-dev-shm-usage',
      '--disable-gpu',
      '--autoplay-policy=no-user-gesture-required',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${resolve(root, 'test/fixtures/speech.wav')}`,
    ],
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.addInitScript(() => {
      const w = window as unknown as {
        __tasks: { start: number; duration: number }[]
        __click: number
        __mark: number
      }
      w.__tasks = []
      w.__click = -1
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__tasks.push({ start: e.startTime, duration: e.duration })
      }).observe({ type: 'longtask', buffered: true })
      // "Listening": the talk button becomes the microphone's mute button; noted when it happens.
      new MutationObserver(() => {
        const w2 = window as { __listening?: number }
        if (
          w2.__listening === undefined &&
          document.querySelector('.rak-talk-button[aria-label="Mute microphone"]')
        )
          w2.__listening = performance.now()
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['aria-label'] })
      addEventListener(
        'click',
        (e) => {
          if (w.__click < 0) {
            w.__click = e.timeStamp
            // The trace's marker of the click; it runs later than the event's time stamp.
            w.__mark = performance.now()
            performance.mark('rak-click')
          }
        },
        true,
      )
    })
    await page.goto(url)
    const talk = page.getByRole('button', { name: 'Start conversation' })
    await talk.waitFor()
    // Let the page settle after load (load-time work, the simulator's idle warm-up): a user does not
    // click in the first instant, and load-time tasks are not the click's.
    await page.waitForTimeout(500)
    // A string, not a function: tsx would wrap a named inner function in a helper the page lacks.
    await page.evaluate(`new Promise((resolve) => {
      let left = 20
      requestIdleCallback(function next() {
        if (--left <= 0) resolve()
        else requestIdleCallback(next)
      })
    })`)
    const stopTrace = await startTrace(page, profile)
    await talk.click()
    // Waits poll with plain evaluations, each a tiny task: Playwright's locators and waitForFunction
    // would run its injected script in the page after the click, as work of their own.
    const listening = await until(
      page,
      'listening',
      () => (window as { __listening?: number }).__listening ?? null,
    )
    // A spoken turn (the fake microphone) and a typed one. The microphone's file loops, so its next
    // pass may interrupt the spoken answer: its start is enough.
    await until(
      page,
      'the spoken answer',
      () =>
        [...document.querySelectorAll('.rak-transcript__row[data-role="assistant"]')].some((r) =>
          r.textContent?.includes('It is'),
        ) || null,
    )
    await page.evaluate(() => document.querySelector<HTMLElement>('[aria-label="Message"]')?.focus())
    await page.keyboard.type('And tomorrow?')
    await page.keyboard.press('Enter')
    // The answer to the typed turn has started: an assistant row after the typed one.
    // The measured window ends here: the looping microphone goes on talking while the trace is read.
    const end = await until(page, 'the typed answer', () => {
      const rows = [...document.querySelectorAll('.rak-transcript__row')]
      const typed = rows.findIndex((r) => r.textContent?.includes('And tomorrow?'))
      const answered =
        typed >= 0 && rows.slice(typed + 1).some((r) => r.getAttribute('data-role') === 'assistant')
      return answered ? performance.now() : null
    })
    const trace = await stopTrace()
    if (profile) console.error(describeTasks(trace))
    const { tasks, click, mark } = await page.evaluate(() => {
      const w = window as unknown as {
        __tasks: { start: number; duration: number }[]
        __click: number
        __mark: number
      }
      return { tasks: w.__tasks, click: w.__click, mark: w.__mark }
    })
    const traced = cpuOfTasks(trace).map((t) => ({ ...t, at: Math.round(t.at + mark - click) }))
    // The same task in the trace: the longest one that starts within a few ms (the clocks differ slightly).
    const cpuAt = (at: number) =>
      traced.filter((t) => Math.abs(t.at - at) <= 5).sort((a, b) => b.ms - a.ms)[0]?.cpuMs
    return {
      load,
      clickToListeningMs: listening - click,
      longTasks: tasks
        .filter((t) => t.start >= click && t.start < end)
        .map((t) => ({ at: Math.round(t.start - click), ms: Math.round(t.duration) }))
        .map((t) => ({ ...t, cpuMs: cpuAt(t.at) })),
      mostCpu: traced
        .filter((t) => t.at < end - click)
        .sort((a, b) => b.cpuMs - a.cpuMs)
        .slice(0, 3),
    }
  } finally {
    await browser.close()
  }
}

export async function longTaskReport(): Promise<string> {
  execFileSync('npm', ['run', 'demo:build', '--silent', ...(profile ? ['--', '--minify', 'false'] : [])], {
    cwd: root,
    stdio: 'ignore',
  })
  const server = await preview({
    configFile: resolve(root, 'demo/vite.config.ts'),
    build: { outDir: resolve(root, 'demo-dist') },
    preview: { port: 4174, host: '127.0.0.1', strictPort: true },
    logLevel: 'silent',
  })
  const runs: Run[] = []
  try {
    for (let i = 0; i < 3; i++) runs.push(await measureOnce('http://127.0.0.1:4174/'))
  } finally {
    await server.close()
  }
  const rows = runs.map((r, i) => {
    const longest = r.longTasks.length ? `${Math.max(...r.longTasks.map((t) => t.ms))} ms` : '–'
    const each =
      r.longTasks.map((t) => `${t.ms} ms (CPU ${t.cpuMs ?? '?'} ms) at +${t.at} ms`).join(', ') || '–'
    const cpu = r.mostCpu.map((t) => `${t.cpuMs} ms (${t.ms} ms wall) at +${t.at} ms`).join(', ') || '–'
    return `| ${i + 1} | ${r.load.toFixed(1)} | ${Math.round(r.clickToListeningMs)} ms | ${r.longTasks.length} | ${longest} | ${each} | ${cpu} |`
  })
  return [
    '## Long tasks after Start (browser)',
    '',
    "Production build of the demo (`npm run demo:build`, served by `vite preview`), headless Chromium, fake microphone playing `test/fixtures/speech.wav`. From the Start click through connecting, one spoken turn and one typed turn, until the typed answer starts; long tasks from `PerformanceObserver` (`longtask`, over 50 ms), each with the main thread's CPU time in it from a Chromium trace (wall time minus CPU time is time the thread waited: for the CPU on a loaded machine, or on another process). Command: `npx tsx bench/longtasks.ts` (`--profile` prints what is inside each task).",
    '',
    '| run | load average | click -> listening | long tasks after the click | longest | each (duration, CPU time, start after the click) | the 3 tasks with the most CPU time (wall time, start) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await longTaskReport())
  process.exit(0)
}
