// The public API report: API Extractor reads the published declarations of each entry point and
// writes `api/<entry>.api.md`. `--check` (CI) fails when a report differs from the checked-in one
// or an exported symbol has no TSDoc; without it the reports are rewritten for review.
// It also writes the doc model that `npm run docs` turns into the API reference.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor'
import { ApiItemKind, ApiModel } from '@microsoft/api-extractor-model'

const root = resolve(import.meta.dirname, '..')
const packageJson = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'))
const check = process.argv.includes('--check')
const allEntries = {
  'realtime-agent-kit': 'index',
  core: 'core',
  audio: 'audio',
  client: 'client',
  testing: 'testing',
  server: 'server',
}
// `--entry core` (repeatable) checks or updates only the named reports, for a quicker loop while editing.
const only = process.argv.flatMap((arg, i) => (process.argv[i - 1] === '--entry' ? [arg] : []))
const entries = Object.fromEntries(
  Object.entries(allEntries).filter(([name]) => only.length === 0 || only.includes(name)),
)
const types = (entry) => resolve(root, 'dist/types', entry === 'index' ? 'index.d.ts' : `${entry}/index.d.ts`)

const hasSummary = (item) => {
  const summary = item.tsdocComment?.summarySection
  return !!summary && !summary.nodes.every((node) => node.kind === 'Paragraph' && node.nodes.length === 0)
}

/**
 * The entry's exported symbols whose doc comment has no summary. API Extractor keeps no doc comment
 * for a namespace re-export (`export type * as wire from ...`), so such a namespace counts as
 * documented when every one of its members is.
 */
function undocumentedExports(docModelPath) {
  const entryPoint = new ApiModel().loadPackage(docModelPath).entryPoints[0]
  return entryPoint.members.flatMap((item) => {
    if (hasSummary(item)) return []
    if (item.kind === ApiItemKind.Namespace && item.members.length > 0)
      return item.members
        .filter((member) => !hasSummary(member))
        .map((member) => `${item.displayName}.${member.displayName}`)
    return [item.displayName]
  })
}

mkdirSync(resolve(root, 'temp/api'), { recursive: true })
let failed = false
for (const [name, entry] of Object.entries(entries)) {
  const config = ExtractorConfig.prepare({
    configObject: {
      projectFolder: root,
      mainEntryPointFilePath: types(entry),
      compiler: {
        overrideTsconfig: {
          compilerOptions: {
            target: 'ES2022',
            lib: ['ES2023', 'DOM', 'DOM.Iterable', 'ESNext.Disposable'],
            module: 'nodenext',
            moduleResolution: 'nodenext',
            strict: true,
            types: ['node'],
          },
          files: [types(entry)],
        },
      },
      apiReport: {
        enabled: true,
        reportFileName: `${name}.api.md`,
        reportFolder: resolve(root, 'api'),
        reportTempFolder: resolve(root, 'temp/api'),
      },
      docModel: { enabled: true, apiJsonFilePath: resolve(root, `temp/api/${name}.api.json`) },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        compilerMessageReporting: { default: { logLevel: 'warning' } },
        extractorMessageReporting: {
          default: { logLevel: 'warning' },
          // Release tags (@public, @beta) are not used: everything exported is public.
          'ae-missing-release-tag': { logLevel: 'none' },
          // Checked below for every exported symbol; members' docs are not required.
          'ae-undocumented': { logLevel: 'none' },
          // Every type an entry's API uses must be importable from that entry: a forgotten export fails.
          'ae-forgotten-export': { logLevel: 'warning', addToApiReportFile: false },
        },
        // Examples in doc comments hold code with braces, which strict TSDoc wants escaped.
        tsdocMessageReporting: { default: { logLevel: 'none' } },
      },
    },
    configObjectFullPath: resolve(root, 'api/api-extractor.json'),
    packageJsonFullPath: resolve(root, 'package.json'),
  })
  const result = Extractor.invoke(config, { localBuild: !check, showVerboseMessages: false })
  const docModel = resolve(root, `temp/api/${name}.api.json`)
  const undocumented = undocumentedExports(docModel)
  // The reference shows each entry as its own package (api-documenter takes no "/" in a name).
  const model = JSON.parse(readFileSync(docModel, 'utf8'))
  if (name !== packageJson.name) model.name = `${packageJson.name}-${name}`
  writeFileSync(docModel, JSON.stringify(model))
  for (const symbol of undocumented) console.error(`${name}: ${symbol} is exported without TSDoc`)
  // Outside CI, the report being rewritten is itself reported as a warning.
  const warnings = result.warningCount - (!check && result.apiReportChanged ? 1 : 0)
  const ok = result.succeeded && warnings === 0 && undocumented.length === 0
  console.log(
    `${name}: ${ok ? 'ok' : `${result.errorCount} errors, ${warnings} warnings, ${undocumented.length} undocumented`}${result.apiReportChanged ? ' (report changed)' : ''}`,
  )
  if (!ok || (check && result.apiReportChanged)) failed = true
}
if (failed) {
  console.error(
    check
      ? 'The public API differs from api/*.api.md or lacks TSDoc: run npm run api:update, review the diff and commit it.'
      : 'Fix the messages above (missing TSDoc, unexported types), then run npm run api:update again.',
  )
  process.exit(1)
}
