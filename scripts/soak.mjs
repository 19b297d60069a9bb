// Runs the full test suite N times and prints how many runs were green: the suite must not depend
// on how fast the machine is. With --busy, another process keeps one core busy the whole time.
//   npm run test:soak -- --runs 10 --busy
import { spawn, spawnSync } from 'node:child_process'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '10' }, busy: { type: 'boolean', default: false } },
})
const runs = Number(values.runs)
if (!Number.isInteger(runs) || runs < 1) {
  console.error('--runs must be a positive integer')
  process.exit(2)
}

const busy = values.busy ? spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }) : null
const stopBusy = () => busy?.kill('SIGKILL')
process.on('exit', stopBusy)
process.on('SIGINT', () => process.exit(130))

const results = []
for (let i = 1; i <= runs; i++) {
  const started = Date.now()
  const run = spawnSync('node', ['scripts/test.mjs'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
  const closing = (run.stdout ?? '')
    .trim()
    .split('\n')
    .findLast((line) => /\d+ passed, \d+ failed, \d+ skipped/.test(line))
  const green = run.status === 0
  const seconds = Math.round((Date.now() - started) / 1000)
  results.push({ green, closing, seconds })
  console.log(`run ${i}/${runs}: ${green ? 'green' : 'RED'} (${closing ?? 'no closing line'}, ${seconds} s)`)
  if (!green) {
    const failed = (run.stdout ?? '').split('\n').filter((line) => /FAIL|×/.test(line))
    for (const line of failed.slice(0, 20)) console.log(`    ${line}`)
  }
}
stopBusy()
const greens = results.filter((r) => r.green).length
console.log(`\n${greens}/${runs} runs green${values.busy ? ', one core kept busy by another process' : ''}`)
process.exit(greens === runs ? 0 : 1)
