/** WebKitWebDriver, MiniBrowser, Xvfb (undefined without it: the DISPLAY set is used) and PulseAudio. */
export interface WebKitTools {
  driver: string
  browser: string
  xvfb: string | undefined
  pulseaudio: string
}
/** The WebKit tools to launch, or undefined when one is missing. */
export function findWebKit(env?: NodeJS.ProcessEnv): WebKitTools | undefined
/** The apt packages that hold what `findWebKit()` looks for. */
export const WEBKIT_PACKAGES: string
/** One line saying how to get WebKit, for when `findWebKit()` found none. */
export function missingWebKitMessage(): string
/** What MiniBrowser prints when its web process crashed. */
export const WEBKIT_CRASH: string
/** The environment variable holding the port of the WebKitWebDriver the global setup started. */
export const DRIVER_PORT_ENV: string
/** Vitest's WebdriverIO provider for MiniBrowser (browser name `safari` in the project's instances). */
export function webkitProvider(): Promise<import('vitest/node').BrowserProviderOption>
