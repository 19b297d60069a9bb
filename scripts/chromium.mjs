// Where the browser tests find Chromium: CHROMIUM_PATH when set, else Playwright's own download,
// else the system's. Shared by `npm test` (to stop early with a clear line) and vite.config.ts.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

const systemNames = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome']

function playwrightChromium() {
  try {
    const { chromium } = createRequire(import.meta.url)('playwright')
    const path = chromium.executablePath()
    return existsSync(path) ? path : undefined
  } catch {
    return undefined
  }
}

function systemChromium() {
  for (const name of systemNames) {
    try {
      const path = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim()
      if (path) return path
    } catch {
      // not on PATH; try the next name
    }
  }
  return undefined
}

/** The Chromium executable to launch, or undefined when there is none (or CHROMIUM_PATH is wrong). */
export function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined
  return playwrightChromium() ?? systemChromium()
}

/** One line saying how to get a Chromium, for when `findChromium()` found none. */
export function missingChromiumMessage(env = process.env) {
  const where = env.CHROMIUM_PATH
    ? `CHROMIUM_PATH=${env.CHROMIUM_PATH} does not exist`
    : `no Chromium found (CHROMIUM_PATH unset, no Playwright download, none of ${systemNames.join(', ')} on PATH)`
  return `Browser tests need Chromium: ${where}. Install one (apt-get install chromium, or npx playwright install chromium) or set CHROMIUM_PATH to its executable; run only the node and dom projects with npm test -- --project node --project dom.`
}
