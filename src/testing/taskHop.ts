/**
 * Runs callbacks in order, each in a task of its own, as a socket delivers each message in its own
 * task. Without it, msw hands a message across in a microtask, so a client event, the simulator's
 * answer and the page's handling of it all run as one long task, which no real connection does.
 */
export function createTaskHop(): (run: () => void) => void {
  const queue: (() => void)[] = []
  const next = () => queue.shift()?.()
  // Node (msw's setupServer) has setImmediate; in a page a MessageChannel message is a task with no
  // timer clamping; a timer is the last resort.
  if (typeof setImmediate === 'function')
    return (run) => {
      queue.push(run)
      setImmediate(next)
    }
  if (typeof MessageChannel === 'function') {
    const channel = new MessageChannel()
    channel.port1.onmessage = next
    return (run) => {
      queue.push(run)
      channel.port2.postMessage(null)
    }
  }
  return (run) => {
    queue.push(run)
    setTimeout(next, 0)
  }
}
