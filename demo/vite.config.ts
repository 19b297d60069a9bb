import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

const root = resolve(import.meta.dirname, '..')
const apiKey = process.env.OPENAI_API_KEY
const port = 5173

/** With a key, the dev server mints ephemeral secrets for the demo's agent; the key stays here. */
function clientSecrets(): Plugin {
  return {
    name: 'realtime-agent-kit-client-secrets',
    async configureServer(server) {
      if (!apiKey) return
      // Loaded through Vite, not imported by this file: the config stays free of the kit's sources.
      const { triageAgent, modelSettings } = await server.ssrLoadModule(
        resolve(import.meta.dirname, 'agents.ts'),
      )
      const { createClientSecretHandler, sessionConfigForAgent, toNodeHandler } = (await server.ssrLoadModule(
        resolve(root, 'src/server/index.ts'),
      )) as typeof import('../src/server')
      const handler = toNodeHandler(
        createClientSecretHandler({
          apiKey,
          // A local dev server: anyone on this machine is the user, but only its own pages may ask,
          // and not more often than a person starts conversations.
          allowAnonymous: true,
          allowedOrigins: [`http://127.0.0.1:${port}`, `http://localhost:${port}`],
          rateLimit: { limit: 20, windowMs: 60_000 },
          session: () => sessionConfigForAgent(triageAgent, modelSettings),
        }),
      )
      server.middlewares.use('/session', (req, res, next) => {
        // The browser only sees "could not connect": say here what went wrong with minting a secret.
        const end = res.end.bind(res) as (...args: unknown[]) => typeof res
        res.end = ((...args: unknown[]) => {
          if (res.statusCode >= 400) {
            const body = typeof args[0] === 'string' || args[0] instanceof Uint8Array ? String(args[0]) : ''
            server.config.logger.error(`[demo] POST /session failed (${res.statusCode}): ${body}`, {
              timestamp: true,
            })
          }
          return end(...args)
        }) as typeof res.end
        void handler(req, res).catch(next)
      })
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
