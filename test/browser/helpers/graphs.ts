import { afterEach } from 'vitest'
import { AudioGraph, type AudioGraphOptions } from '../../../src/audio'

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
