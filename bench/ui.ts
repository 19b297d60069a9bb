/** Runs bench/ui.browser.tsx in headless Chromium through Vitest and formats what it measured. */
import { execFileSync } from 'node:child_process'

export function uiReport(): string {
  const out = execFileSync('npx', ['vitest', 'run', '--project', 'bench-ui'], {
    encoding: 'utf8',
    env: { ...process.env, RAK_BENCH: '1' },
  })
  const line = out.split('\n').find((l) => l.includes('BENCH_UI '))
  if (!line) return '## Windowed transcript (browser)\n\nThe browser benchmark printed no result.\n'
  const r = JSON.parse(line.slice(line.indexOf('BENCH_UI ') + 9)) as Record<string, number>
  const ms = (n: number | undefined) => `${(n ?? Number.NaN).toFixed(1)} ms`
  return [
    '## Windowed transcript (browser)',
    '',
    `Headless Chromium, \`TranscriptView\` over ${r.items} items (only the rows in view are in the DOM; the windowing core's chunk loaded first); render, commit and layout included. Targets: mount ≤ 100 ms, one streaming delta ≤ 2 ms (medians). Command: \`RAK_BENCH=1 npx vitest run --project bench-ui\`.`,
    '',
    '| measure | median | worst |',
    '| --- | --- | --- |',
    `| mount with ${r.items} items (7 runs) | ${ms(r.mountMedianMs)} | ${ms(r.mountMaxMs)} |`,
    `| one streaming delta at ${r.items} items (55 deltas) | ${ms(r.deltaMedianMs)} | ${ms(r.deltaMaxMs)} |`,
    '',
  ].join('\n')
}
