/**
 * Every benchmark, each measured as ratios against peers in the same run; writes bench/RESULTS.md.
 *   npm run bench
 */
import { writeFileSync } from 'node:fs'
import { audioReport } from './audio'
import { bundleReport } from './bundle'
import { callsReport } from './calls'
import { codecReport } from './codec'
import { eventsReport } from './events'
import { longTaskReport } from './longtasks'
import { machine } from './measure'
import { reactReport } from './react'
import { uiReport } from './ui'

const sections = [
  eventsReport(),
  await bundleReport(),
  await reactReport(),
  uiReport(),
  await longTaskReport(),
  audioReport(),
  codecReport(),
  await callsReport(),
]
const report = [
  '# Benchmark results',
  '',
  `Machine: ${machine()}. Date: ${new Date().toISOString().slice(0, 10)}. Command: \`npm run bench\`.`,
  '',
  ...sections,
].join('\n')
writeFileSync(new URL('./RESULTS.md', import.meta.url), report)
console.log(report)
process.exit(0)
