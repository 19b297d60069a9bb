import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'
import { createClientSecretHandler, sessionConfigForAgent, toNodeHandler } from '../src/server'

const root = resolve(import.meta.dirname, '..')
const apiKey = process.env.OPENAI_API_KEY
const port = 5173

/** With a key, the dev server mints ephemeral secrets for the demo's agent; the key stays here. */
function clientSecrets(): Plugin {
  return {
    name: 'realtime-agent-kit-client-secrets',
    async configureServer(server) {
      if (!apiKey) return
      const { triageAgent, modelSettings } = await server.ssrLoadModule(
        resolve(import.meta.dirname, 'agents.ts'),
      )
      server.middlewares.use(
        '/session',
        toNodeHandler(
          createClientSecretHandler({
            apiKey,
            // A local dev server: anyone on this machine is the user, but only its own pages may ask,
            // and not more often than a person starts conversations.
            allowAnonymous: true,
            allowedOrigins: [`http://127.0.0.1:${port}`, `http://localhost:${port}`],
            rateLimit: { limit: 20, windowMs: 60_000 },
            session: () => sessionConfigForAgent(triageAgent, modelSettings),
          }),
        ),
      )
    },
  }
}

export default defineConfig({
  root: import.meta.dirname,
  publicDir: resolve(root, 'public'), // msw's worker script
  plugins: [react(), clientSecrets()],
  define: { __RAK_BACKEND__: JSON.stringify(apiKey ? 'openai' : 'simulator') },
  resolve: {
    alias: [
      { find: /^realtime-agent-kit\/core$/, replacement: resolve(root, 'src/core/index.ts') },
      { find: /^realtime-agent-kit\/testing$/, replacement: resolve(root, 'src/testing/index.ts') },
      { find: /^realtime-agent-kit\/styles\.css$/, replacement: resolve(root, 'src/components/styles.css') },
      { find: /^realtime-agent-kit$/, replacement: resolve(root, 'src/index.ts') },
    ],
  },
  server: { port, host: '127.0.0.1' },
})
