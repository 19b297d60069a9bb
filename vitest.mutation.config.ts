import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

const root = import.meta.dirname

// The `node` project of vite.config.ts on its own, for Stryker: no plugins, no browser projects.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^realtime-agent-kit\/core$/, replacement: resolve(root, 'src/core/index.ts') },
      { find: /^realtime-agent-kit\/testing$/, replacement: resolve(root, 'src/testing/index.ts') },
      { find: /^realtime-agent-kit\/client$/, replacement: resolve(root, 'src/client/index.ts') },
      { find: /^realtime-agent-kit$/, replacement: resolve(root, 'src/index.ts') },
    ],
  },
  test: {
    name: 'node',
    environment: 'node',
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**', 'test/react/**'],
    // Node 20 has no global WebSocket; msw intercepts the experimental one.
    execArgv: ['--experimental-websocket'],
    testTimeout: 15_000,
    // Every covering test runs once per mutant: the fuzz tests take fewer sequences here.
    env: { FUZZ_RUNS: '300' },
  },
})
