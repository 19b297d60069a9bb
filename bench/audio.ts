/** Runs bench/audio.browser.ts in headless Chromium through Vitest and formats what it measured. */
import { execFileSync } from 'node:child_process'

export function audioReport(): string {
  const out = execFileSync('npx', ['vitest', 'run', '--project', 'bench-audio'], {
    encoding: 'utf8',
    env: { ...process.env, RAK_BENCH: '1' },
  })
  const line = out.split('\n').find((l) => l.includes('BENCH_AUDIO '))
  if (!line) return '## Audio (browser)\n\nThe browser benchmark printed no result.\n'
  const r = JSON.parse(line.slice(line.indexOf('BENCH_AUDIO ') + 12)) as Record<string, number>
  const ms = (n: number | undefined) => `${(n ?? Number.NaN).toFixed(1)} ms`
  return [
    '## Audio (browser)',
    '',
    "Headless Chromium, fake microphone, the simulator's local WebSocket server; times on the audio clock (one render quantum, 2.7 ms, is the resolution). No peer: `@openai/agents-realtime` captures and plays no audio on its WebSocket path.",
    '',
    '| measure | median | worst |',
    '| --- | --- | --- |',
    `| microphone frame captured -> \`input_audio_buffer.append\` sent (${r.frames} frames; p95 as worst) | ${ms(r.frameToSendMedianMs)} | ${ms(r.frameToSendP95Ms)} |`,
    `| \`interrupt()\` -> silence at the output (20 trials) | ${ms(r.interruptToSilenceMedianMs)} | ${ms(r.interruptToSilenceMaxMs)} |`,
    '',
  ].join('\n')
}
