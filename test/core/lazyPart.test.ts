import { describe, expect, it } from 'vitest'
import { RealtimeError } from '../../src/core'
import { LazyPart } from '../../src/core/session/lazy'

describe('LazyPart: a session part in a chunk of its own', () => {
  it('loads once, and work handed over before it loaded runs afterwards, in order', async () => {
    let loads = 0
    const reported: RealtimeError[] = []
    const part = new LazyPart(
      async () => {
        loads++
        return { seen: [] as number[] }
      },
      'mcp_failed',
      'Could not load the part.',
      (error) => reported.push(error),
    )
    expect(part.requested).toBe(false)
    part.use((p) => p.seen.push(1))
    part.use((p) => p.seen.push(2))
    expect(part.requested).toBe(true)
    expect(part.loaded).toBeNull()
    const loaded = await part.load()
    part.use((p) => p.seen.push(3)) // loaded: runs at once
    expect(loaded.seen).toEqual([1, 2, 3])
    expect(part.loaded).toBe(loaded)
    expect(loads).toBe(1)
    expect(reported).toEqual([])
  })

  it('a failed download is a typed error: load() rejects with it, use() reports it', async () => {
    const reported: RealtimeError[] = []
    const offline = new Error('Failed to fetch dynamically imported module')
    const part = new LazyPart(
      () => Promise.reject(offline),
      'mcp_failed',
      'Could not load the part.',
      (error) => reported.push(error),
    )
    part.use(() => {
      throw new Error('must not run')
    })
    const error = await part.load().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RealtimeError)
    expect(error).toMatchObject({ code: 'mcp_failed', cause: offline })
    await Promise.resolve()
    expect(reported).toHaveLength(1)
    expect(reported[0]).toMatchObject({ code: 'mcp_failed', cause: offline })
    expect(part.loaded).toBeNull()
  })
})
