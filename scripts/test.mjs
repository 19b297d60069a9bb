// Runs every Vitest project, then prints one plain closing line that CI can read:
// "N passed, N failed, N skipped". Fails when a test failed or when no test ran.
import { spawnSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'

const output = '.vitest-results.json'
rmSync(output, { force: true })
const run = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${output}`,
    ...process.argv.slice(2),
  ],
  {
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', STORYBOOK_DISABLE_TELEMETRY: '1' },
  },
)

let passed = 0
let failed = 0
let skipped = 0
try {
  const results = JSON.parse(readFileSync(output, 'utf8'))
  passed = results.numPassedTests
  failed = results.numFailedTests
  skipped = results.numPendingTests + results.numTodoTests
  // A suite that fails to load has no failed tests but must fail the run.
  failed += results.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length
} catch (error) {
  console.error(`Could not read Vitest's results (${error.message}).`)
  failed += 1
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`)
if (passed === 0) console.error('No test ran.')
process.exit(run.status !== 0 || failed > 0 || passed === 0 ? 1 : 0)
