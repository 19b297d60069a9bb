/** The Chromium executable to launch, or undefined when there is none (or CHROMIUM_PATH is wrong). */
export function findChromium(env?: NodeJS.ProcessEnv): string | undefined
/** One line saying how to get a Chromium, for when `findChromium()` found none. */
export function missingChromiumMessage(env?: NodeJS.ProcessEnv): string
