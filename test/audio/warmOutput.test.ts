import { afterEach, describe, expect, it, vi } from 'vitest'

/** A page's media element stand-in that records which speakers were asked for. */
function stubMediaElements() {
  const asked: string[] = []
  class FakeMedia {
    setSinkId(id: string): Promise<void> {
      asked.push(id)
      return Promise.resolve()
    }
  }
  vi.stubGlobal('HTMLMediaElement', FakeMedia)
  vi.stubGlobal('Audio', FakeMedia)
  return asked
}

// The warm-up is once per page: each test loads the audio layer afresh.
async function freshAudioGraph() {
  vi.resetModules()
  return (await import('../../src/audio')).AudioGraph
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('the default speaker is looked up before the first AudioContext', () => {
  it('a new graph asks for the default speaker once per page, without waiting for it', async () => {
    const asked = stubMediaElements()
    const AudioGraph = await freshAudioGraph()
    new AudioGraph()
    new AudioGraph()
    expect(asked).toEqual([''])
  })

  it('a graph handed its own AudioContext constructor leaves the page alone', async () => {
    const asked = stubMediaElements()
    const AudioGraph = await freshAudioGraph()
    new AudioGraph({ AudioContext: class {} as unknown as typeof AudioContext })
    expect(asked).toEqual([])
  })

  it('does nothing where media elements cannot choose a speaker (or outside a browser)', async () => {
    const AudioGraph = await freshAudioGraph()
    expect(() => new AudioGraph()).not.toThrow()
  })
})
