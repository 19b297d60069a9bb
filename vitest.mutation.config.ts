import { defineConfig } from 'vitest/config'
import { alias, nodeTests } from './vite.config'

// The `node` project of vite.config.ts on its own, for Stryker: no plugins, no browser projects.
export default defineConfig({
  resolve: { alias },
  test: {
    ...nodeTests,
    // Every covering test runs once per mutant: the fuzz tests take fewer sequences here.
    env: { FUZZ_RUNS: '300' },
  },
})
