import { resolve } from 'node:path'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')

describe('realtime-agent-kit/client', () => {
  it('bundles without React: nothing it imports, directly or not, is React', async () => {
    const result = await build({
      entryPoints: [resolve(root, 'src/client/index.ts')],
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      platform: 'browser',
      logLevel: 'silent',
      // Whatever is left external shows up as an import of the bundle.
      external: ['react', 'react-dom', 'react/*', 'react-dom/*', 'ws', '@cfworker/json-schema'],
    })
    const inputs = Object.keys(result.metafile.inputs)
    const imports = Object.values(result.metafile.outputs).flatMap((o) => o.imports.map((i) => i.path))
    expect(inputs.some((path) => path.startsWith('src/client/'))).toBe(true)
    expect(inputs.filter((path) => /(^|\/)src\/(react|components)\//.test(path))).toEqual([])
    expect(imports.filter((path) => /^react(-dom)?($|\/)/.test(path))).toEqual([])
  })
})
