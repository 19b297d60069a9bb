import { resolve } from 'node:path'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import react from '@vitejs/plugin-react'
import { playwright } from '@vitest/browser-playwright'
// The WebdriverIO provider's browser names ('safari') for the webkit project's instances.
import type {} from '@vitest/browser-webdriverio'
import { defineConfig } from 'vitest/config'
import { findChromium } from './scripts/chromium.mjs'
import { findWebKit, webkitProvider } from './scripts/webkit.mjs'

const root = import.meta.dirname
export const alias = [
  { find: /^realtime-agent-kit\/core$/, replacement: resolve(root, 'src/core/index.ts') },
  { find: /^realtime-agent-kit\/testing$/, replacement: resolve(root, 'src/testing/index.ts') },
  { find: /^realtime-agent-kit\/client$/, replacement: resolve(root, 'src/client/index.ts') },
  { find: /^realtime-agent-kit\/server$/, replacement: resolve(root, 'src/server/index.ts') },
  { find: /^realtime-agent-kit$/, replacement: resolve(root, 'src/index.ts') },
]

/** The node project (core, testing, server, audio codecs); the mutation config reuses it. */
export const nodeTests = {
  name: 'node',
  environment: 'node',
  include: ['test/**/*.test.ts'],
  exclude: ['test/browser/**', 'test/react/**'],
  // Node 20 has no global WebSocket; msw intercepts the experimental one.
  execArgv: ['--experimental-websocket'],
  // A bound for hangs: protocol tests run on a manual clock, real-socket tests set their own.
  testTimeout: 15_000,
}

// The dom suite runs again against React 18, installed in the test/react18 workspace.
const react18 = resolve(root, 'test/react18/node_modules')
const react18Alias = [
  { find: /^react$/, replacement: `${react18}/react/index.js` },
  { find: /^react\/(.*)$/, replacement: `${react18}/react/$1` },
  { find: /^react-dom$/, replacement: `${react18}/react-dom/index.js` },
  { find: /^react-dom\/(.*)$/, replacement: `${react18}/react-dom/$1` },
  // Its CommonJS main would require() the root React 19; its ES build goes through these aliases.
  {
    find: /^@testing-library\/react$/,
    replacement: resolve(root, 'node_modules/@testing-library/react/dist/@testing-library/react.esm.js'),
  },
]

// Debian's Chromium, headless, with a fake microphone that plays a spoken WAV in a loop.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--autoplay-policy=no-user-gesture-required',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  `--use-file-for-fake-audio-capture=${resolve(root, 'test/fixtures/speech.wav')}`,
]
// A factory, not a shared object: Vitest mutates `instances`, and projects must not share one.
// `still`: the page asks for reduced motion, so animations hold still for screenshots.
const browser = ({ still = false } = {}) => ({
  enabled: true,
  headless: true,
  screenshotFailures: false,
  provider: playwright({
    launchOptions: { executablePath: findChromium(), args: chromiumArgs },
    // A window larger than any test viewport: the test frame is never scaled down, so layout
    // checks and screenshots see real CSS pixels.
    contextOptions: {
      viewport: { width: 1920, height: 2000 },
      ...(still ? { reducedMotion: 'reduce' as const } : {}),
    },
  }),
  instances: [{ browser: 'chromium' as const }],
})

// Safari's engine: WebKitGTK's MiniBrowser over WebDriver, under Xvfb (started by the global setup).
// It runs when installed, and always in CI, where a missing WebKit must fail rather than skip.
// Only Vitest needs it: a library build does not load the WebDriver provider.
const webkit = Boolean(process.env.VITEST) && (Boolean(findWebKit()) || process.env.CI === 'true')

// Library build: one entry per public subpath; React and Node-only modules stay external.
export default defineConfig({
  // Examples, tests and stories import the kit by its package name, as apps do.
  resolve: { alias },
  build: {
    lib: {
      entry: {
        index: resolve(root, 'src/index.ts'),
        core: resolve(root, 'src/core/index.ts'),
        audio: resolve(root, 'src/audio/index.ts'),
        client: resolve(root, 'src/client/index.ts'),
        testing: resolve(root, 'src/testing/index.ts'),
        server: resolve(root, 'src/server/index.ts'),
      },
      formats: ['es'],
    },
    target: 'es2022',
    sourcemap: true,
    copyPublicDir: false,
    rolldownOptions: {
      external: [
        /^react($|\/)/,
        /^react-dom($|\/)/,
        'msw',
        'ajv',
        /^ajv\//,
        'ws',
        'standardwebhooks',
        /^node:/,
        '@cfworker/json-schema',
      ],
      // One file per source module, as the source is laid out: an app's bundler then drops every
      // module the app does not use (the package declares no side effects), which it cannot do
      // inside a file that holds many; and lazily loaded parts stay chunks of their own.
      output: { preserveModules: true, preserveModulesRoot: 'src' },
    },
  },
  test: {
    projects: [
      { extends: true, test: nodeTests },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'dom',
          environment: 'jsdom',
          env: { EXPECTED_REACT_MAJOR: '19' },
          include: ['test/react/**/*.test.{ts,tsx}'],
          setupFiles: ['test/react/setup.ts'],
        },
      },
      {
        plugins: [react()],
        resolve: { alias: [...react18Alias, ...alias] },
        test: {
          name: 'dom-react18',
          environment: 'jsdom',
          env: { EXPECTED_REACT_MAJOR: '18' },
          include: ['test/react/**/*.test.{ts,tsx}'],
          setupFiles: ['test/react/setup.ts'],
          // Testing Library must resolve React through the alias too.
          server: { deps: { inline: [/@testing-library\/react/] } },
        },
      },
      {
        extends: true,
        // Every story runs as a test, in the same Chromium, on the simulator through msw.
        plugins: [storybookTest({ configDir: resolve(root, '.storybook') })],
        test: {
          name: 'storybook',
          browser: browser({ still: true }),
          setupFiles: [resolve(root, '.storybook/screenshots.ts')],
          // Stories wait for events (STORY_WAIT), never for a fixed time; this bound only catches a hang.
          testTimeout: 90_000,
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.{ts,tsx}'],
          exclude: ['test/browser/webkit/**'],
          globalSetup: ['test/browser/globalSetup.ts'],
          browser: browser(),
          // A bound, not a wait: tests end on events; a loaded machine only makes them slower.
          testTimeout: 90_000,
        },
      },
      ...(webkit
        ? [
            {
              extends: true as const,
              plugins: [react()],
              test: {
                name: 'webkit',
                // The audio graph, the flows where WebKit differs (audio suspended until a gesture) and
                // windowed lists.
                include: [
                  'test/browser/audioGraph.test.ts',
                  'test/browser/audioGraphMore.test.ts',
                  // Push-to-talk: WebKit delivers frames late, the race a release must win.
                  'test/browser/pushToTalk.test.ts',
                  // Windowing corrects the scroll position itself: WebKit has no CSS scroll anchoring.
                  'test/browser/windowing.test.tsx',
                  'test/browser/webkit/**/*.test.{ts,tsx}',
                ],
                globalSetup: ['test/browser/webkit/globalSetup.ts', 'test/browser/globalSetup.ts'],
                browser: {
                  enabled: true,
                  // MiniBrowser has no headless mode: it draws into the setup's Xvfb.
                  headless: false,
                  screenshotFailures: false,
                  provider: await webkitProvider(),
                  instances: [{ browser: 'safari' as const }],
                },
                // After every other project, not beside them: MiniBrowser, Xvfb and Chromium together
                // starve two cores. (`npm test` runs it in a process of its own, again if WebKitGTK crashed.)
                sequence: { groupOrder: 1 },
                testTimeout: 90_000,
              },
            },
          ]
        : []),
      // Audio latencies, only for `npm run bench` (speed is measured in benchmarks, not in tests).
      ...(process.env.RAK_BENCH
        ? [
            {
              extends: true as const,
              plugins: [react()],
              test: {
                name: 'bench-ui',
                include: ['bench/ui.browser.tsx'],
                browser: browser(),
                testTimeout: 120_000,
              },
            },
            {
              extends: true as const,
              test: {
                name: 'bench-audio',
                include: ['bench/audio.browser.ts'],
                globalSetup: ['test/browser/globalSetup.ts'],
                browser: browser(),
                testTimeout: 60_000,
              },
            },
          ]
        : []),
    ],
  },
})
