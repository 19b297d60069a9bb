/**
 * Bundle size of the kit's typical import, lazily loaded chunks included, React external, minified,
 * next to peers; also the size budgets CI enforces (`tsx bench/bundle.ts --budget`). The kit is
 * measured as users install it: the library build with the package's manifest (exports, side
 * effects), imported by its name.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { build, type Metafile } from 'esbuild'
import { build as buildLibrary } from 'vite'

const root = new URL('..', import.meta.url).pathname
// Inside the project (in its git-ignored temp folder), so the package's dependencies resolve from
// the project's node_modules, as an app's would.
const app = join(root, 'temp/size-app')
let installed: Promise<void> | undefined

/** Builds the library and lays it out as an installed package, `node_modules/realtime-agent-kit`. */
function installKit(): Promise<void> {
  installed ??= (async () => {
    const pkg = join(app, 'node_modules/realtime-agent-kit')
    mkdirSync(pkg, { recursive: true })
    // The app's own manifest: without it, the project's would make the kit's name a self-reference.
    writeFileSync(join(app, 'package.json'), '{ "name": "size-app", "private": true }\n')
    copyFileSync(join(root, 'package.json'), join(pkg, 'package.json'))
    await buildLibrary({
      root,
      configFile: join(root, 'vite.config.ts'),
      logLevel: 'silent',
      build: { outDir: join(pkg, 'dist'), emptyOutDir: true, sourcemap: false },
    })
  })()
  return installed
}
// The budget counts what a default session downloads (WebSocket transport, browser audio graph,
// function-calling JSON-schema tools, a transcript under 100 rows); other modes are measured beside
// it. It is the aim itself, 25 KiB, so growth must be paid for (bench/RESULTS.md has the figure).
// The figure moves by up to about 40 B with any change besides its own effect, because the app's
// chunk names carry content hashes that its import() strings repeat.
export const BUDGET_BROTLI_KIB = 25
export const VOICE_CONSOLE_BUDGET_BROTLI_KIB = 32.5

/** A typical app's import of each library. */
export const CASES: { name: string; code: string }[] = [
  {
    name: 'realtime-agent-kit (provider, hooks, TalkButton, TranscriptView, core)',
    code: `export { RealtimeProvider, useRealtimeSession, useTranscript, useAgentEvents, useToolCalls, TalkButton, TranscriptView, RealtimeAgent, tool, handoff } from 'realtime-agent-kit'`,
  },
  {
    name: '@openai/agents-realtime (RealtimeAgent, RealtimeSession; no UI)',
    code: `export { RealtimeAgent, RealtimeSession, tool } from '@openai/agents-realtime'`,
  },
  {
    name: '@livekit/components-react + livekit-client',
    code: `export { LiveKitRoom, RoomAudioRenderer, useVoiceAssistant, BarVisualizer, VoiceAssistantControlBar } from '@livekit/components-react'; export { Room } from 'livekit-client'`,
  },
  { name: '@elevenlabs/react', code: `export { useConversation } from '@elevenlabs/react'` },
  {
    name: '@pipecat-ai/client-react + client-js',
    code: `export { PipecatClientProvider, PipecatClientAudio, usePipecatClient } from '@pipecat-ai/client-react'; export { PipecatClient } from '@pipecat-ai/client-js'`,
  },
  { name: '@humeai/voice-react', code: `export { VoiceProvider, useVoice } from '@humeai/voice-react'` },
]

export interface Size {
  raw: number
  gzip: number
  brotli: number
}

/** Which lazily loaded chunks a measurement counts, by the source files in them. */
export type LazyChunks = 'all' | ((inputs: string[]) => boolean)

/**
 * Minified ESM of what the entry loads up front plus the lazily loaded chunks it reaches (all of
 * them unless `lazy` picks some), React external.
 */
export async function measure(code: string, lazy: LazyChunks = 'all'): Promise<Size> {
  await installKit()
  const result = await build({
    stdin: { contents: code, resolveDir: app, loader: 'ts' },
    // As in an app: the project's tsconfig maps the kit's name to its source.
    tsconfigRaw: {},
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    splitting: true,
    outdir: '/virtual',
    write: false,
    metafile: true,
    logLevel: 'silent',
    external: ['react', 'react-dom', 'react/*', 'react-dom/*'],
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.css': 'empty', '.svg': 'empty' },
  })
  const meta = result.metafile as Metafile
  const entry = Object.keys(meta.outputs).find(
    (file) => meta.outputs[file]?.entryPoint === '<stdin>',
  ) as string
  // Downloads: what the entry loads up front (esbuild may split it into chunks; an app's bundler
  // emits it as one file), then each lazily loaded chunk with what it needs beyond that.
  const downloads: Set<string>[] = []
  const seen = new Set<string>()
  const collect = (file: string, into: Set<string>, lazyQueue: string[]) => {
    if (seen.has(file)) return
    seen.add(file)
    into.add(file)
    for (const imported of meta.outputs[file]?.imports ?? []) {
      if (imported.external) continue
      const inputs = Object.keys(meta.outputs[imported.path]?.inputs ?? {})
      if (imported.kind === 'import-statement') collect(imported.path, into, lazyQueue)
      else if (imported.kind === 'dynamic-import' && (lazy === 'all' || lazy(inputs)))
        lazyQueue.push(imported.path)
    }
  }
  const queue: string[] = []
  const initial = new Set<string>()
  collect(entry, initial, queue)
  downloads.push(initial)
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const chunk = new Set<string>()
    collect(next, chunk, queue)
    if (chunk.size) downloads.push(chunk)
  }
  // Metafile paths are relative to the working directory; output paths are absolute. Each download
  // is compressed on its own, as a server sends it.
  const byPath = new Map(result.outputFiles.map((f) => [f.path, f.contents]))
  const size: Size = { raw: 0, gzip: 0, brotli: 0 }
  for (const download of downloads) {
    const bytes = Buffer.concat([...download].map((file) => byPath.get(resolve(file)) ?? new Uint8Array()))
    size.raw += bytes.length
    size.gzip += gzipSync(bytes, { level: 9 }).length
    size.brotli += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length
  }
  return size
}

/**
 * Code a session downloads only in some modes, by the files (or folders) of its lazily loaded
 * chunks: the kit's by their module path in the build, as laid out in `src`.
 */
const OPTIONAL = {
  /** The full JSON Schema validator: a tool schema with keywords beyond function calling's. */
  fullValidator: 'node_modules/@cfworker/json-schema/',
  /** The WebRTC call: `transport: 'webrtc'`. */
  webrtc: '/dist/core/transport/webrtcCall.js',
  /** Hosted MCP call handling: an agent with a hosted MCP tool. */
  mcp: '/dist/core/mcpCalls.js',
  /** Output guardrail checks: a run or an agent with output guardrails; loaded before connecting. */
  guardrails: ['/dist/core/session/guardrails.js', '/dist/core/guardrailMonitor.js'],
  /** The windowing core: a transcript (or event log) past `WINDOW_FROM` rows. */
  windowing: '/dist/components/windowLayout.js',
  /** The `ws` package: only where no global WebSocket exists (older Node), never in a browser. */
  nodeWebSocket: 'node_modules/ws/',
} satisfies Record<string, string | string[]>
type Optional = keyof typeof OPTIONAL

/**
 * The lazy chunks a session downloads when it uses the given optional parts: every chunk that holds
 * anything else (a chunk of the default path) counts, whatever it also holds.
 */
function downloads(...used: Optional[]): LazyChunks {
  const part = (input: string) =>
    (Object.keys(OPTIONAL) as Optional[]).find((key) =>
      [OPTIONAL[key]].flat().some((path) => input.includes(path)),
    )
  return (inputs) =>
    inputs.some((input) => {
      const key = part(input)
      return key === undefined || used.includes(key)
    })
}

const typicalImport = `export { RealtimeProvider, useRealtimeSession, useTranscript, useAgentEvents, useToolCalls, TalkButton, TranscriptView, RealtimeAgent, tool, handoff } from 'realtime-agent-kit'`

/** The kit's own measurements; those with a budget fail `npm run size` above it. */
export const KIT_CASES: { name: string; code: string; lazy: LazyChunks; budgetKiB?: number }[] = [
  {
    name: 'typical import (provider, hooks, TalkButton, TranscriptView, core) with a JSON-schema tool, WebSocket transport and audio graph, lazy chunks included',
    code: typicalImport,
    lazy: downloads(),
    budgetKiB: BUDGET_BROTLI_KIB,
  },
  {
    name: "typical import in WebRTC mode (`transport: 'webrtc'`)",
    code: typicalImport,
    lazy: downloads('webrtc'),
  },
  {
    name: 'typical import with a hosted MCP tool',
    code: `${typicalImport}; export { hostedMcpTool } from 'realtime-agent-kit'`,
    lazy: downloads('mcp'),
  },
  {
    name: 'typical import with output guardrails (their checks load before connecting)',
    code: typicalImport,
    lazy: downloads('guardrails'),
  },
  {
    name: 'typical import with a transcript past 100 rows (loads the windowing core)',
    code: typicalImport,
    lazy: downloads('windowing'),
  },
  {
    name: 'typical import with a JSON-schema tool beyond function-calling keywords (loads the full validator)',
    code: typicalImport,
    lazy: downloads('fullValidator'),
  },
  {
    name: 'every lazy chunk (WebRTC, hosted MCP, output guardrails, full validator, windowing)',
    code: typicalImport,
    lazy: 'all',
  },
  {
    name: 'VoiceConsole (every component) with the provider, lazy chunks included (windowing too: its event log passes 100 entries within a few turns)',
    code: `export { RealtimeProvider, VoiceConsole, RealtimeAgent, tool } from 'realtime-agent-kit'`,
    lazy: downloads('windowing'),
    budgetKiB: VOICE_CONSOLE_BUDGET_BROTLI_KIB,
  },
  {
    name: 'typical import with a zod tool (zod counted)',
    code: `${typicalImport}; import { z } from 'zod'; import { tool as t } from 'realtime-agent-kit'; export const weather = t({ name: 'w', description: 'w', parameters: z.object({ city: z.string() }), execute: ({ city }) => city })`,
    lazy: downloads(),
  },
  {
    name: 'typical import with a zod/mini tool (zod/mini counted)',
    code: `${typicalImport}; import * as z from 'zod/mini'; import { tool as t } from 'realtime-agent-kit'; export const weather = t({ name: 'w', description: 'w', parameters: z.object({ city: z.string() }), execute: ({ city }) => city })`,
    lazy: downloads(),
  },
]

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`

export async function bundleReport(): Promise<string> {
  const rows: string[] = []
  for (const c of KIT_CASES) {
    const s = await measure(c.code, c.lazy)
    const budget = c.budgetKiB === undefined ? '' : ` (budget ${c.budgetKiB} KiB)`
    rows.push(
      `| realtime-agent-kit: ${c.name}${budget} | ${kib(s.raw)} | ${kib(s.gzip)} | ${kib(s.brotli)} |`,
    )
  }
  for (const c of CASES.slice(1)) {
    try {
      const s = await measure(c.code)
      rows.push(`| ${c.name} | ${kib(s.raw)} | ${kib(s.gzip)} | ${kib(s.brotli)} |`)
    } catch (error) {
      rows.push(`| ${c.name} | could not bundle: ${(error as Error).message.split('\n')[0]} | | |`)
    }
  }
  return [
    '## Bundle size',
    '',
    "A typical app import of each library, bundled with esbuild (minified ESM, browser, React external), with its lazily loaded chunks (for the kit, those its session downloads; for the peers, all of them). Each library is measured as installed: the kit's library build laid out as a package (its manifest included) and imported by name, the peers from node_modules. Command: `npm run bench`; the budget check is `npm run size`.",
    '',
    '| import | minified | gzip | brotli |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    `Budgets (checked in CI): at most ${BUDGET_BROTLI_KIB} KiB brotli for the kit's typical import with a JSON-schema tool in a WebSocket session, ${VOICE_CONSOLE_BUDGET_BROTLI_KIB} KiB for VoiceConsole.`,
    '',
  ].join('\n')
}

if (process.argv.includes('--budget')) {
  let over = false
  for (const c of KIT_CASES) {
    const size = await measure(c.code, c.lazy)
    const budget = c.budgetKiB === undefined ? '' : ` (budget ${c.budgetKiB} KiB brotli)`
    console.log(
      `${c.name}: ${kib(size.raw)} minified, ${kib(size.gzip)} gzip, ${kib(size.brotli)} (${size.brotli} B) brotli${budget}`,
    )
    if (c.budgetKiB !== undefined && size.brotli > c.budgetKiB * 1024) over = true
  }
  if (over) {
    console.error('Over the size budget: find what grew (npm run bench lists the peers) before raising it.')
    process.exit(1)
  }
}
