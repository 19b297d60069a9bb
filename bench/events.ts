/**
 * Event processing next to @openai/agents-realtime: a generated long conversation (bench/conversation.ts)
 * through each session on the same fake socket, each run in a fresh process with --expose-gc.
 */
import { execFileSync } from 'node:child_process'

interface Run {
  eventsPerSecond: number
  lastOverFirst: number
  retainedMiB: number
  events: number
}

function run(impl: 'kit' | 'peer', turns: number): Run {
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'bench/eventsRun.ts', impl, String(turns)],
    { encoding: 'utf8' },
  )
  return JSON.parse(out.trim().split('\n').at(-1) as string) as Run
}

/** Median of three runs, by events per second. */
function median(impl: 'kit' | 'peer', turns: number): Run {
  const runs = [run(impl, turns), run(impl, turns), run(impl, turns)].sort(
    (a, b) => a.eventsPerSecond - b.eventsPerSecond,
  )
  return runs[1] as Run
}

export function eventsReport(): string {
  const rows: string[] = []
  for (const turns of [200, 1000]) {
    const kit = median('kit', turns)
    const peer = median('peer', turns)
    const f = (n: number) => Math.round(n).toLocaleString('en')
    rows.push(
      `| ${turns} (${kit.events.toLocaleString('en')} events) | ${f(kit.eventsPerSecond)} | ${f(peer.eventsPerSecond)} | **${(kit.eventsPerSecond / peer.eventsPerSecond).toFixed(1)}x** | ${kit.lastOverFirst.toFixed(2)} / ${peer.lastOverFirst.toFixed(2)} | ${kit.retainedMiB.toFixed(1)} / ${peer.retainedMiB.toFixed(1)} |`,
    )
  }
  return [
    '## Event processing',
    '',
    'A generated conversation in GA wire events (per turn: speech, 6 transcription deltas, an answer with 50 audio deltas of 100 ms and transcript deltas; every fourth turn a tool call, its output and a second response) fed through `RealtimeSession` of the kit and of `@openai/agents-realtime` on the same fake socket. Both sessions have the same tool, both hand every audio chunk to a listener that reads the decoded bytes, and both warm up on 200 turns in a throwaway session first. Median of 3 runs, each in a fresh process. Cost per event is compared between the last and the first 10% of turns; retained heap is measured after two forced GCs.',
    '',
    '| turns | kit events/s | agents-realtime events/s | ratio | last/first 10% cost (kit / peer) | retained MiB (kit / peer) |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    'Targets: at least 5x the events/s of `@openai/agents-realtime`; last/first at or below 1.1 at 1000 turns.',
    '',
  ].join('\n')
}
