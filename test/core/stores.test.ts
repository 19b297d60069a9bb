import { describe, expect, it, vi } from 'vitest'
import { RealtimeAgent, RealtimeError } from '../../src/core'
import {
  ConversationStore,
  LatencyStore,
  Listeners,
  type RealtimeItem,
  type RealtimeMessageItem,
  SessionStores,
  ToolCallStore,
  ValueStore,
} from '../../src/core/stores'
import { ManualClock } from '../../src/testing'

const message = (itemId: string, text = '', previousItemId: string | null = null): RealtimeMessageItem => ({
  type: 'message',
  itemId,
  previousItemId,
  role: 'user',
  status: 'completed',
  text,
  modality: 'text',
  agentName: null,
  truncated: null,
  transcriptionFailed: false,
})
const call = (itemId: string, callId: string): RealtimeItem => ({
  type: 'function_call',
  itemId,
  previousItemId: null,
  status: 'completed',
  callId,
  name: 'lookup',
  arguments: '{}',
  output: null,
  agentName: null,
  serverLabel: null,
})

describe('Listeners and ValueStore', () => {
  it('notifies each subscription once per change, and never after unsubscribing', () => {
    const listeners = new Listeners()
    const fn = vi.fn()
    const off1 = listeners.add(fn)
    listeners.add(fn) // the same function twice is two subscriptions
    expect(listeners.size).toBe(2)
    listeners.notify()
    expect(fn).toHaveBeenCalledTimes(2)
    off1()
    off1() // unsubscribing twice removes only one
    expect(listeners.size).toBe(1)
    listeners.notify()
    expect(fn).toHaveBeenCalledTimes(3)
  })

  it('replaces its value and notifies only when it changed', () => {
    const store = new ValueStore({ n: 1 })
    const fn = vi.fn()
    const off = store.subscribe(fn)
    const first = store.getSnapshot()
    store.set(first)
    expect(fn).not.toHaveBeenCalled()
    store.update((v) => ({ n: v.n + 1 }))
    expect(store.getSnapshot()).toEqual({ n: 2 })
    expect(fn).toHaveBeenCalledTimes(1)
    store.update((v) => v)
    expect(fn).toHaveBeenCalledTimes(1)
    off()
    store.set({ n: 3 })
    expect(fn).toHaveBeenCalledTimes(1)
    expect(store.getSnapshot().n).toBe(3)
  })
})

describe('ConversationStore', () => {
  it('appends in order, inserts after a known previous item, and keeps ids in step', () => {
    const store = new ConversationStore()
    expect(store.lastItemId).toBeNull()
    store.add(message('a'))
    store.add(message('c', '', 'a'))
    store.add(message('b', '', 'a')) // mid-conversation
    store.add(message('d', '', 'unknown')) // unknown previous: at the end
    expect(store.getSnapshot().ids).toEqual(['a', 'b', 'c', 'd'])
    expect(store.items.map((i) => i.itemId)).toEqual(['a', 'b', 'c', 'd'])
    expect(store.size).toBe(4)
    expect(store.lastItemId).toBe('d')
    expect(store.get('c')?.itemId).toBe('c')
    // After an insertion the index still finds every item where it is.
    store.update('d', (i) => ({ ...i, status: 'incomplete' }))
    expect(store.items[3]).toMatchObject({ itemId: 'd', status: 'incomplete' })
    store.update('c', (i) => ({ ...i, status: 'incomplete' }))
    expect(store.items[2]).toMatchObject({ itemId: 'c', status: 'incomplete' })
  })

  it('gives a new snapshot on every change, the same ids array until items come or go', () => {
    const store = new ConversationStore()
    store.add(message('a', 'x'))
    const s1 = store.getSnapshot()
    expect(store.getSnapshot()).toBe(s1)
    expect(s1.items).toBe(s1.items)
    expect(Object.isFrozen(s1.items)).toBe(true)
    expect(Object.isFrozen(s1.ids)).toBe(true)
    store.update('a', (i) => (i.type === 'message' ? { ...i, text: 'xy' } : null))
    const s2 = store.getSnapshot()
    expect(s2).not.toBe(s1)
    expect(s2.version).toBeGreaterThan(s1.version)
    expect(s2.ids).toBe(s1.ids)
    expect(s2.items).not.toBe(s1.items)
    expect(s1.items[0]).toMatchObject({ text: 'x' }) // an old snapshot does not change
    store.add(message('b'))
    expect(store.getSnapshot().ids).not.toBe(s1.ids)
  })

  it('counts versions per item, and a null or identical update changes nothing', () => {
    const store = new ConversationStore()
    const fn = vi.fn()
    store.subscribe(fn)
    store.add(message('a'))
    expect(store.versionOf('a')).toBe(0)
    expect(store.versionOf('zzz')).toBeUndefined()
    expect(store.update('a', () => null)).toBeNull()
    expect(store.update('a', (i) => i)).toBeNull()
    expect(store.update('missing', (i) => i)).toBeNull()
    expect(fn).toHaveBeenCalledTimes(1)
    expect(store.update('a', (i) => ({ ...i, status: 'incomplete' }))).toMatchObject({ kind: 'updated' })
    expect(store.update('a', (i) => ({ ...i, status: 'completed' }))).toMatchObject({ kind: 'updated' })
    expect(store.versionOf('a')).toBe(2)
    expect(fn).toHaveBeenCalledTimes(3)
  })

  it('notifies an item subscriber for its own item only, and stops when unsubscribed', () => {
    const store = new ConversationStore()
    store.add(message('a'))
    store.add(message('b'))
    const onA = vi.fn()
    const onB = vi.fn()
    const offA = store.subscribeItem('a', onA)
    store.subscribeItem('b', onB)
    store.update('b', (i) => ({ ...i, status: 'incomplete' }))
    expect(onA).not.toHaveBeenCalled()
    expect(onB).toHaveBeenCalledTimes(1)
    store.update('a', (i) => ({ ...i, status: 'incomplete' }))
    expect(onA).toHaveBeenCalledTimes(1)
    offA()
    store.update('a', (i) => ({ ...i, status: 'completed' }))
    expect(onA).toHaveBeenCalledTimes(1)
    // A second subscriber of the same item keeps hearing it after the first one left.
    const again = vi.fn()
    const offAgain = store.subscribeItem('b', again)
    const other = vi.fn()
    store.subscribeItem('b', other)
    offAgain()
    store.remove('b')
    expect(other).toHaveBeenCalledTimes(1)
    expect(again).not.toHaveBeenCalled()
  })

  it('removes items, re-indexes the rest and forgets their call ids', () => {
    const store = new ConversationStore()
    store.add(message('a'))
    store.add(call('f', 'call_1'))
    store.add(message('c'))
    expect(store.getByCallId('call_1')?.itemId).toBe('f')
    expect(store.getByCallId('nope')).toBeUndefined()
    expect(store.remove('zzz')).toBeNull()
    expect(store.remove('f')).toMatchObject({ kind: 'removed', item: { itemId: 'f' } })
    expect(store.getByCallId('call_1')).toBeUndefined()
    expect(store.versionOf('f')).toBeUndefined()
    expect(store.getSnapshot().ids).toEqual(['a', 'c'])
    store.update('c', (i) => ({ ...i, status: 'incomplete' }))
    expect(store.get('c')).toMatchObject({ status: 'incomplete' })
    expect(store.remove('a')).not.toBeNull()
    expect(store.get('c')?.itemId).toBe('c')
    // A call item on a message's id is not reachable by call id.
    store.add(message('m'))
    expect(store.getByCallId('')).toBeUndefined()
  })

  it('reset empties the conversation and tells list and item readers', () => {
    const store = new ConversationStore()
    const list = vi.fn()
    const item = vi.fn()
    store.subscribe(list)
    store.reset() // nothing to reset: no notification
    expect(list).not.toHaveBeenCalled()
    store.add(call('f', 'call_1'))
    store.subscribeItem('f', item)
    const before = store.getSnapshot()
    store.reset()
    expect(list).toHaveBeenCalledTimes(2)
    expect(item).toHaveBeenCalledTimes(1)
    const after = store.getSnapshot()
    expect(after.ids).toEqual([])
    expect(after.items).toEqual([])
    expect(after.version).toBeGreaterThan(before.version)
    expect(store.get('f')).toBeUndefined()
    expect(store.getByCallId('call_1')).toBeUndefined()
    expect(store.versionOf('f')).toBeUndefined()
    store.add(message('n'))
    expect(store.items.map((i) => i.itemId)).toEqual(['n'])
  })
})

describe('ToolCallStore', () => {
  it('adds calls in order and advances one without touching the others', () => {
    const store = new ToolCallStore()
    const empty = store.getSnapshot()
    expect(empty).toEqual([])
    store.put('c1', { name: 'a', agentName: 'A', status: 'awaiting_approval', arguments: { x: 1 } })
    store.put('c2', { name: 'b', agentName: 'A', status: 'running' })
    const before = store.getSnapshot()
    store.put('c1', { name: 'a', agentName: 'A', status: 'done', output: 'ok' })
    const after = store.getSnapshot()
    expect(after).toEqual([
      {
        callId: 'c1',
        name: 'a',
        agentName: 'A',
        serverLabel: null,
        status: 'done',
        arguments: { x: 1 },
        output: 'ok',
        error: null,
      },
      {
        callId: 'c2',
        name: 'b',
        agentName: 'A',
        serverLabel: null,
        status: 'running',
        arguments: null,
        output: null,
        error: null,
      },
    ])
    expect(after[1]).toBe(before[1])
    expect(Object.isFrozen(after)).toBe(true)
    expect(Object.isFrozen(after[0])).toBe(true)
    store.clear()
    expect(store.getSnapshot()).toBe(empty)
  })
})

describe('LatencyStore', () => {
  it('records the time from the end of a turn to the first output, once per turn', async () => {
    const clock = new ManualClock()
    const store = new LatencyStore()
    store.outputStarted(clock) // no turn ended: nothing
    expect(store.getSnapshot()).toEqual([])
    store.turnEnded(clock)
    await clock.advance(420)
    store.outputStarted(clock)
    await clock.advance(50)
    store.outputStarted(clock) // later output of the same answer
    expect(store.getSnapshot()).toEqual([{ turn: 1, latencyMs: 420 }])
    store.turnEnded(clock)
    await clock.advance(300)
    store.outputStarted(clock)
    expect(store.getSnapshot()).toEqual([
      { turn: 1, latencyMs: 420 },
      { turn: 2, latencyMs: 300 },
    ])
    store.turnEnded(clock)
    store.clear()
    expect(store.getSnapshot()).toEqual([])
    store.outputStarted(clock) // the cleared turn does not count
    expect(store.getSnapshot()).toEqual([])
  })
})

describe('SessionStores', () => {
  it('starts closed with its agent; reset starts a new conversation; subscribe hears every store', () => {
    const first = new RealtimeAgent({ name: 'First' })
    const second = new RealtimeAgent({ name: 'Second' })
    const stores = new SessionStores(first)
    expect(stores.status.getSnapshot()).toEqual({ status: 'closed', error: null })
    expect(stores.agent.getSnapshot()).toEqual({ agent: first, lastHandoff: null })
    const fn = vi.fn()
    const off = stores.subscribe(fn)
    stores.status.set({ status: 'error', error: new RealtimeError('server_error', 'x') })
    stores.agent.set({ agent: first, lastHandoff: { from: 'First', to: 'Second' } })
    stores.conversation.add(message('a'))
    stores.toolCalls.put('c', { name: 't', agentName: 'First', status: 'running' })
    stores.usage.set({ requests: 1, inputTokens: 1, outputTokens: 1, totalTokens: 2 })
    stores.latency.update((turns) => [...turns, { turn: 1, latencyMs: 5 }])
    expect(fn).toHaveBeenCalledTimes(6)
    stores.reset(second)
    expect(stores.status.getSnapshot()).toEqual({ status: 'connecting', error: null })
    expect(stores.agent.getSnapshot()).toEqual({ agent: second, lastHandoff: null })
    expect(stores.conversation.size).toBe(0)
    expect(stores.toolCalls.getSnapshot()).toEqual([])
    expect(stores.usage.getSnapshot().totalTokens).toBe(0)
    expect(stores.latency.getSnapshot()).toEqual([])
    off()
    const calls = fn.mock.calls.length
    stores.usage.set({ requests: 2, inputTokens: 1, outputTokens: 1, totalTokens: 2 })
    expect(fn).toHaveBeenCalledTimes(calls)
  })
})

describe('ConversationStore edges', () => {
  it('finds a call by call id only for function calls with one, and keeps inserts in place', () => {
    const store = new ConversationStore()
    store.add(call('f0', ''))
    expect(store.getByCallId('')).toBeUndefined()
    store.add(message('a'))
    store.add(message('b', '', 'a')) // after the last item: appended
    store.add(message('x', '', 'a')) // mid-conversation
    expect(store.getSnapshot().ids).toEqual(['f0', 'a', 'x', 'b'])
    store.add(call('f1', 'c1'))
    store.update('f1', (i) => ({ ...i, status: 'incomplete' }))
    expect(store.getByCallId('c1')).toMatchObject({ itemId: 'f1', status: 'incomplete' })
    store.remove('a')
    expect(store.getByCallId('c1')?.itemId).toBe('f1')
    expect(store.get('x')?.itemId).toBe('x')
    expect(store.get('b')?.itemId).toBe('b')
    // A message that takes over a call's id is not returned as a call.
    store.update('f1', () => message('f1'))
    expect(store.getByCallId('c1')).toBeUndefined()
  })

  it('builds the ids array once per change of membership and never for an update', () => {
    const store = new ConversationStore()
    store.add(message('a'))
    const ids = store.getSnapshot().ids
    store.update('a', (i) => ({ ...i, status: 'incomplete' }))
    store.update('a', (i) => ({ ...i, status: 'completed' }))
    expect(store.getSnapshot().ids).toBe(ids)
    expect(store.getSnapshot().ids).toEqual(['a'])
  })

  it('notifies every subscriber of an item', () => {
    const store = new ConversationStore()
    store.add(message('a'))
    const one = vi.fn()
    const two = vi.fn()
    store.subscribeItem('a', one)
    store.subscribeItem('a', two)
    store.update('a', (i) => ({ ...i, status: 'incomplete' }))
    expect(one).toHaveBeenCalledTimes(1)
    expect(two).toHaveBeenCalledTimes(1)
  })

  it('appends an item whose previous item is null', () => {
    const store = new ConversationStore()
    store.add(message('a'))
    store.add(message('b'))
    expect(store.getSnapshot().ids).toEqual(['a', 'b'])
  })

  it('drops an item listener set when its last listener leaves, and a new one works', () => {
    const store = new ConversationStore()
    store.add(message('a'))
    const first = vi.fn()
    store.subscribeItem('a', first)()
    const second = vi.fn()
    store.subscribeItem('a', second)
    store.update('a', (i) => ({ ...i, status: 'incomplete' }))
    expect(first).not.toHaveBeenCalled()
    expect(second).toHaveBeenCalledTimes(1)
  })
})
