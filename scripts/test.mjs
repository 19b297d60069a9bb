// Runs every Vitest project, then prints one plain closing line that CI can read:
// "N passed, N failed, N skipped". Fails when a test failed, when a project did not start, or when
// no test ran. Stops before running when the browser projects would have no Chromium to launch.
// Without WebKit (WebKitGTK's WebDriver and Xvfb) the webkit project cannot run: CI (CI=true) and
// `--project webkit` stop with one line saying how to install it; elsewhere everything else runs
// and the closing line says that WebKit did not. The whole suite runs WebKit last, in a process of
// its own; the closing line adds both runs up.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findChromium, missingChromiumMessage } from './chromium.mjs'
import { findWebKit, missingWebKitMessage, WEBKIT_CRASH, WEBKIT_PACKAGES } from './webkit.mjs'

const args = process.argv.slice(2)
const browserProjects = new Set(['storybook', 'browser', 'bench-audio'])
const projects = args.flatMap((arg, i) =>
  arg === '--project' ? [args[i + 1]] : arg.startsWith('--project=') ? [arg.slice(10)] : [],
)
const needsBrowser = projects.length === 0 || projects.some((name) => browserProjects.has(name))
const chromium = needsBrowser ? findChromium() : undefined
if (needsBrowser && !chromium) {
  console.error(missingChromiumMessage())
  process.exit(1)
}

const wantsWebKit = projects.length === 0 || projects.includes('webkit')
const webkitMissing = wantsWebKit && !findWebKit()
if (webkitMissing && (process.env.CI === 'true' || projects.includes('webkit'))) {
  console.error(missingWebKitMessage())
  process.exit(1)
}

// A file filter (`npm test -- test/x.test.ts`) leaves other projects empty on purpose.
const filtersFiles = args.some((arg, i) => !arg.startsWith('-') && args[i - 1] !== '--project')

/** One Vitest process over `extra` projects; its counts, read from the closing-line reporter. */
function runVitest(extra, env = {}) {
  const output = '.vitest-closing.json'
  rmSync(output, { force: true })
  const run = spawnSync(
    'npx',
    [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=./scripts/closingLineReporter.mjs',
      ...args,
      ...extra,
    ],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        ...(chromium ? { CHROMIUM_PATH: chromium } : {}),
        RAK_TEST_SUMMARY: output,
        RAK_TEST_FILES_FILTERED: filtersFiles ? '1' : '0',
        PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
        STORYBOOK_DISABLE_TELEMETRY: '1',
        ...env,
      },
    },
  )
  let counts = { passed: 0, failed: 0, skipped: 0, problems: [] }
  try {
    counts = JSON.parse(readFileSync(output, 'utf8'))
  } catch (error) {
    console.error(`Could not read the test results (${error.message}).`)
    counts.failed += 1
  }
  // Vitest failed for a reason no test or project shows (a config error, say): that is a failure too.
  if (run.status !== 0 && counts.failed === 0) {
    counts.failed += 1
    counts.problems.push(`vitest exited with status ${run.status} outside any test`)
  }
  return counts
}

// WebKitGTK 2.50's audio thread crashes now and then (AudioDestinationGStreamer::notifyIsPlaying
// called on a destination that is gone), taking the page and the run with it. Only that crash, read
// in MiniBrowser's own output, runs the webkit project again, at most three times (about one run in
// ten crashed here), and the closing line says so; a test that fails is never run again.
const WEBKIT_ATTEMPTS = 4
let webkitCrashes = 0
function runWebKit(extra) {
  const dir = mkdtempSync(join(tmpdir(), 'rak-webkit-'))
  const log = join(dir, 'minibrowser.log')
  try {
    for (let attempt = 1; ; attempt++) {
      rmSync(log, { force: true })
      const counts = runVitest(extra, { RAK_WEBKIT_LOG: log })
      const crashed = counts.failed > 0 && existsSync(log) && readFileSync(log, 'utf8').includes(WEBKIT_CRASH)
      if (!crashed || attempt === WEBKIT_ATTEMPTS) return counts
      webkitCrashes++
      console.error(
        `\nWebKitGTK's web process crashed (${WEBKIT_CRASH}); running the webkit project again.\n`,
      )
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

// The whole suite runs WebKit in a process of its own, after the rest, so that a WebKitGTK crash
// runs only the webkit project again.
const splitWebKit = projects.length === 0 && !webkitMissing
const onlyWebKit = projects.length === 1 && projects[0] === 'webkit'
const runs = splitWebKit
  ? [runVitest(['--project', '!webkit']), runWebKit(['--project', 'webkit'])]
  : [onlyWebKit ? runWebKit([]) : runVitest([])]
const summary = runs.reduce((all, counts) => ({
  passed: all.passed + counts.passed,
  failed: all.failed + counts.failed,
  skipped: all.skipped + counts.skipped,
  problems: [...all.problems, ...counts.problems],
}))
for (const problem of summary.problems) console.error(`Failure: ${problem}`)
const notRun = webkitMissing ? `; WebKit did not run (apt-get install -y ${WEBKIT_PACKAGES})` : ''
const reran = webkitCrashes ? `; WebKitGTK crashed ${webkitCrashes}x and the webkit project ran again` : ''
console.log(
  `\n${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped${notRun}${reran}`,
)
if (summary.passed === 0) console.error('No test ran.')
process.exit(summary.failed > 0 || summary.passed === 0 ? 1 : 0)
