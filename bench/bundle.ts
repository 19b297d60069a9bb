/**
 * Bundle size of a typical app import, React external, minified, next to peers; also the size
 * budget CI enforces: `tsx bench/bundle.ts --budget` fails above 28 KiB brotli.
 */
import { resolve } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { build, type Metafile } from 'esbuild'

const root = new URL('..', import.meta.url).pathname
// 25 KiB until the windowed transcript: virtua (3.7 KiB brotli) keeps 10,000-row sessions smooth.
export const BUDGET_BROTLI_KIB = 28

/** A typical app's import of each library. */
export const CASES: { name: string; code: string }[] = [
  {
    name: 'realtime-agent-kit (provider, hooks, TalkButton, TranscriptView, core)',
    code: `export { RealtimeProvider, useRealtimeSession, useTranscript, useAgentEvents, useToolCalls, TalkButton, TranscriptView, RealtimeAgent, tool, handoff } from './src'`,
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

/** Minified ESM of what the entry loads up front (lazy chunks left out), React external. */
export async function measure(code: string): Promise<Size> {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: 'ts' },
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
  const files = new Set<string>()
  const visit = (file: string) => {
    if (files.has(file)) return
    files.add(file)
    for (const imported of meta.outputs[file]?.imports ?? [])
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path)
  }
  visit(entry)
  // Metafile paths are relative to the working directory; output paths are absolute.
  const wanted = new Set([...files].map((file) => resolve(file)))
  const bytes = Buffer.concat(
    result.outputFiles.filter((f) => wanted.has(f.path)).map((f) => Buffer.from(f.contents)),
  )
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  }
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`

export async function bundleReport(): Promise<string> {
  const rows: string[] = []
  for (const c of CASES) {
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
    'A typical app import of each library, bundled with esbuild (minified ESM, browser, React external); what loads up front, lazily loaded chunks left out. Command: `npm run bench`; the budget check is `npm run size`.',
    '',
    '| import | minified | gzip | brotli |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    `Budget: at most ${BUDGET_BROTLI_KIB} KiB brotli for the kit's typical import (checked in CI).`,
    '',
  ].join('\n')
}

if (process.argv.includes('--budget')) {
  const size = await measure(CASES[0]!.code)
  const over = size.brotli > BUDGET_BROTLI_KIB * 1024
  console.log(
    `typical import: ${kib(size.raw)} minified, ${kib(size.gzip)} gzip, ${kib(size.brotli)} brotli (budget ${BUDGET_BROTLI_KIB} KiB brotli)`,
  )
  if (over) {
    console.error('Over the size budget: find what grew (npm run bench lists the peers) before raising it.')
    process.exit(1)
  }
}
