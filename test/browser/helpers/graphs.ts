import { afterEach } from 'vitest'
import { userEvent } from 'vitest/browser'
import {
  AudioGraph,
  type AudioGraphEvents,
  type AudioGraphOptions,
  type AudioGraphSnapshot,
} from '../../../src/audio'
import { until, untilEvent, type WaitOptions } from './wait'

/** A graph factory for one test file; every graph it made is stopped after each test. */
export function graphFactory(): (options?: AudioGraphOptions) => AudioGraph {
  const graphs: AudioGraph[] = []
  afterEach(async () => {
    for (const graph of graphs.splice(0)) await graph.stop()
  })
  return (options = {}) => {
    const graph = new AudioGraph(options)
    graphs.push(graph)
    return graph
  }
}

/** One microphone frame and the audio-clock time (seconds) at which its last sample was captured. */
export interface TimedFrame {
  data: ArrayBuffer
  time: number
}

/** Records every frame the graph sends, with its capture time, and waits on what was recorded. */
export function recordFrames(graph: AudioGraph) {
  const frames: TimedFrame[] = []
  const listeners = new Set<() => void>()
  graph.on('frame', (data) => {
    frames.push({ data, time: graph.lastFrameTime })
    for (const listener of listeners) listener()
  })
  return {
    frames,
    /** Resolves once `check(frames)` passes, checked at every frame. */
    until(check: (frames: readonly TimedFrame[]) => boolean, options: WaitOptions): Promise<void> {
      return until(
        (notify) => {
          listeners.add(notify)
          return () => listeners.delete(notify)
        },
        () => check(frames),
        { seen: () => `${frames.length} frames, the last at ${frames.at(-1)?.time ?? '-'} s`, ...options },
      )
    },
    /** Frames captured after `time` on the audio clock. */
    after(time: number): TimedFrame[] {
      return frames.filter((f) => f.time > time)
    },
  }
}

/** The snapshot without the device list, for failure messages. */
const brief = ({ devices: _, ...rest }: AudioGraphSnapshot) => rest

/** Resolves once the graph's snapshot satisfies `check`, checked at every snapshot change. */
export function untilSnapshot(
  graph: AudioGraph,
  check: (snapshot: AudioGraphSnapshot) => boolean,
  options: WaitOptions,
): Promise<void> {
  return until(
    (notify) => graph.subscribe(notify),
    () => check(graph.getSnapshot()),
    { seen: () => brief(graph.getSnapshot()), ...options },
  )
}

/**
 * Resolves with the next `drained` report for `itemId` (all of its audio was rendered). Call it
 * before playing, so the report cannot come first.
 */
export function nextDrained(graph: AudioGraph, itemId: string): Promise<AudioGraphEvents['drained']> {
  const drained = untilEvent<AudioGraphEvents['drained']>(
    (listener) => graph.on('drained', listener),
    (report) => report.itemId === itemId,
    { what: `${itemId} to drain`, seen: () => brief(graph.getSnapshot()) },
  )
  // A test that failed before awaiting it should report that failure, not this one as unhandled.
  drained.catch(() => {})
  return drained
}

/**
 * A real tap on the page, through the browser's automation (a trusted gesture): WebKit, like
 * Safari, keeps an AudioContext suspended until one.
 */
export async function tapPage(): Promise<void> {
  const target = document.createElement('button')
  target.textContent = 'Tap'
  target.style.cssText = 'position:fixed;inset:0 auto auto 0;width:80px;height:40px;z-index:2147483647'
  document.body.append(target)
  try {
    await userEvent.click(target)
  } finally {
    target.remove()
  }
}

/** Resolves once the graph's audio runs, tapping the page first if the browser wants a gesture. */
export async function untilRunning(graph: AudioGraph): Promise<void> {
  if (graph.getSnapshot().state === 'suspended') await tapPage()
  await untilSnapshot(graph, (s) => s.state === 'running', { what: 'the audio to run' })
}

/** Starts the graph and waits until its audio runs (after a tap where the browser wants one). */
export async function startRunning(graph: AudioGraph): Promise<void> {
  await graph.start()
  await untilRunning(graph)
}
