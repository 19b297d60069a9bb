/**
 * Ends the current task and resumes in a new one, ahead of other queued work, where the browser
 * offers `scheduler.yield()` (Chromium); elsewhere it resumes at once. It splits a long click
 * handler so the browser can paint and handle input in between.
 */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler
  return typeof scheduler?.yield === 'function' ? scheduler.yield() : Promise.resolve()
}
