// Installs the packed kit into each consumer project (in a temporary folder, as a user would) and
// checks it there: type-check, build, run, server render and a render in Chromium. Needs `npm run
// build` first. Prints one plain closing line; exits 1 when any check failed.
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium } from 'playwright'
import { findChromium, missingChromiumMessage } from '../scripts/chromium.mjs'

const root = resolve(import.meta.dirname, '..')
const version = (name, from = root) =>
  JSON.parse(readFileSync(join(from, 'node_modules', name, 'package.json'), 'utf8')).version
const react18 = join(root, 'test/react18')

if (!existsSync(join(root, 'dist/index.js'))) {
  console.error('consumers: dist/ is missing; run npm run build first.')
  process.exit(1)
}
const work = mkdtempSync(join(tmpdir(), 'rak-consumers-'))
const sh = (cwd, command, args) =>
  execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' })
const npm = (cwd, ...args) => sh(cwd, 'npm', args)

const packed = JSON.parse(npm(root, 'pack', '--json', '--pack-destination', work))[0]
const tarball = join(work, packed.filename)
console.log(`consumers: packed ${packed.filename} (${packed.entryCount} files)`)

/** Copies a consumer project and installs the tarball and the given packages into it. */
function setUp(name, as, packages) {
  const dir = join(work, as)
  cpSync(join(root, 'consumers', name), dir, { recursive: true })
  // Versions match the repo's lock file, so npm finds them in its cache after `npm ci`.
  npm(dir, 'install', '--no-audit', '--no-fund', '--prefer-offline', tarball, ...packages)
  return dir
}

let passed = 0
let failed = 0
async function check(name, fn) {
  try {
    const detail = await fn()
    passed += 1
    console.log(`  ✓ ${name}${detail ? `: ${detail.trim()}` : ''}`)
  } catch (error) {
    failed += 1
    const output = [error.stdout, error.stderr].filter(Boolean).join('\n').trim()
    console.log(`  ✗ ${name}\n${(output || error.message).replace(/^/gm, '      ')}`)
  }
}

const typescript = `typescript@${version('typescript')}`
const typesNode = `@types/node@${version('@types/node')}`

console.log('consumers: Node ESM TypeScript project (nodenext and bundler, skipLibCheck false)')
// `realtime-agent-kit/testing` needs msw and ajv, and its local server needs ws (all optional peers);
// the server entry's WebSocket route hands out ws sockets, whose types come from @types/ws. `names.ts`
// names types from the React entry too, whose declarations need React's.
const nodeDir = setUp('node', 'node', [
  typescript,
  typesNode,
  `ws@${version('ws')}`,
  `@types/ws@${version('@types/ws')}`,
  `@types/react@${version('@types/react')}`,
  `msw@${version('msw')}`,
  `ajv@${version('ajv')}`,
])
await check(
  'type-checks under nodenext, bundler, and without the DOM library; names the public types',
  () => {
    npm(nodeDir, 'run', 'typecheck')
  },
)
await check('compiles with tsc and runs a session on startSimulatorServer', () => {
  npm(nodeDir, 'run', 'build')
  return sh(nodeDir, process.execPath, ['dist/main.js'])
})

const executablePath = findChromium()
for (const [major, from] of [
  ['19', root],
  ['18', react18],
]) {
  console.log(`consumers: Vite React app on React ${major}`)
  const reactVersion = version('react', from)
  const dir = setUp('react', `react${major}`, [
    `react@${reactVersion}`,
    `react-dom@${reactVersion}`,
    `@types/react@${major === '19' ? version('@types/react') : '^18'}`,
    `@types/react-dom@${major === '19' ? version('@types/react-dom') : '^18'}`,
    `vite@${version('vite')}`,
    `@vitejs/plugin-react@${version('@vitejs/plugin-react')}`,
    typescript,
    typesNode,
  ])
  await check(`React ${major}: type-checks (bundler resolution, skipLibCheck false)`, () => {
    npm(dir, 'run', 'typecheck')
  })
  await check(`React ${major}: vite build (client and SSR)`, () => {
    npm(dir, 'run', 'build')
  })
  await check(`React ${major}: the app's bundle leaves out the components it does not import`, () => {
    const assets = join(dir, 'dist/assets')
    const js = readdirSync(assets)
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(join(assets, file), 'utf8'))
      .join('\n')
    // Class names each component renders: the imported ones must be there, the others not.
    // The minifier may quote them with any quote mark.
    const inBundle = (name) => ['"', "'", '`'].some((quote) => js.includes(`${quote}${name}`))
    const present = ['rak-talk-button', 'rak-transcript'].filter((name) => !inBundle(name))
    const unused = ['rak-console', 'rak-event-log', 'rak-tool-calls', 'rak-tabs', 'rak-message-input']
    const shipped = unused.filter(inBundle)
    if (present.length) throw new Error(`missing from the bundle: ${present.join(', ')}`)
    if (shipped.length)
      throw new Error(`components the app does not import are in its bundle: ${shipped.join(', ')}`)
    return `${unused.length} unused components left out`
  })
  await check(`React ${major}: react-dom/server renders without window`, () =>
    npm(dir, 'run', 'ssr').split('\n').at(-2),
  )
  await check(`React ${major}: renders provider, TalkButton and TranscriptView in Chromium`, async () => {
    if (!executablePath) throw new Error(missingChromiumMessage())
    const vite = await import(pathToFileURL(join(dir, 'node_modules/vite/dist/node/index.js')).href)
    const server = await vite.preview({
      root: dir,
      logLevel: 'silent',
      preview: { host: '127.0.0.1', port: 0 },
    })
    const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] })
    try {
      const page = await browser.newPage()
      const errors = []
      page.on('pageerror', (error) => errors.push(error.message))
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
      await page.goto(server.resolvedUrls.local[0])
      const button = page.getByRole('button')
      await button.waitFor()
      const state = await button.getAttribute('data-state')
      const status = await page.getByTestId('status').textContent()
      const log = await page.getByRole('log').count()
      if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`)
      if (!state || status !== 'idle' || log !== 1)
        throw new Error(`button data-state=${state}, status=${status}, transcript logs=${log}`)
      return `button data-state="${state}", status "${status}", transcript log present`
    } finally {
      await browser.close()
      await new Promise((done) => server.httpServer.close(done))
    }
  })
}

rmSync(work, { recursive: true, force: true })
console.log(`\n${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
