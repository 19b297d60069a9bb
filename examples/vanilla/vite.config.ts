import { resolve } from 'node:path'
import { defineConfig } from 'vite'

const root = resolve(import.meta.dirname, '../..')

// `npm run example:vanilla`: the plain-JavaScript example on the in-page simulator.
export default defineConfig({
  root: import.meta.dirname,
  publicDir: resolve(root, 'public'), // msw's worker script
  resolve: {
    alias: [
      { find: /^realtime-agent-kit\/client$/, replacement: resolve(root, 'src/client/index.ts') },
      { find: /^realtime-agent-kit\/core$/, replacement: resolve(root, 'src/core/index.ts') },
      { find: /^realtime-agent-kit\/testing$/, replacement: resolve(root, 'src/testing/index.ts') },
    ],
  },
  server: { port: 5174, host: '127.0.0.1' },
})
