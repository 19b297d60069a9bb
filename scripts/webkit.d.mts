/** WebKitWebDriver, MiniBrowser and Xvfb (undefined without Xvfb: the DISPLAY set is used). */
export interface WebKitTools {
  driver: string
  browser: string
  xvfb: string | undefined
}
/** The WebKit tools to launch, or undefined when one is missing. */
export function findWebKit(env?: NodeJS.ProcessEnv): WebKitTools | undefined
/** One line saying how to get WebKit, for when `findWebKit()` found none. */
export function missingWebKitMessage(): string
/** The environment variable holding the port of the WebKitWebDriver the global setup started. */
export const DRIVER_PORT_ENV: string
/** Vitest's WebdriverIO provider for MiniBrowser (browser name `safari` in the project's instances). */
export function webkitProvider(): Promise<import('vitest/node').BrowserProviderOption>
