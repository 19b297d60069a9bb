import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

// Library build: one entry per public subpath; React and Node-only modules stay external.
const alias = [
  { find: /^realtime-agent-kit\/core$/, replacement: resolve(import.meta.dirname, 'src/core/index.ts') },
  {
    find: /^realtime-agent-kit\/testing$/,
    replacement: resolve(import.meta.dirname, 'src/testing/index.ts'),
  },
  { find: /^realtime-agent-kit$/, replacement: resolve(import.meta.dirname, 'src/index.ts') },
]

export default defineConfig({
  // Examples, tests and stories import the kit by its package name, as apps do.
  resolve: { alias },
  build: {
    lib: {
      entry: {
        index: resolve(import.meta.dirname, 'src/index.ts'),
        core: resolve(import.meta.dirname, 'src/core/index.ts'),
        testing: resolve(import.meta.dirname, 'src/testing/index.ts'),
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
        /^node:/,
        '@cfworker/json-schema',
      ],
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          // Node 20 has no global WebSocket; msw intercepts the experimental one.
          execArgv: ['--experimental-websocket'],
        },
      },
    ],
  },
})
