// Where the WebKit tests find a WebKit engine: WebKitGTK's WebDriver, its MiniBrowser and an X
// server to show it (MiniBrowser has no headless mode). Shared by `npm test` (to decide whether
// the webkit project runs) and by the project's global setup (which starts and stops them).
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'

function onPath(name, env) {
  try {
    return (
      execFileSync('/bin/sh', ['-c', `command -v ${name}`], { encoding: 'utf8', env }).trim() || undefined
    )
  } catch {
    return undefined
  }
}

function miniBrowser(env) {
  if (env.WEBKIT_MINIBROWSER_PATH)
    return existsSync(env.WEBKIT_MINIBROWSER_PATH) ? env.WEBKIT_MINIBROWSER_PATH : undefined
  // Debian installs it beside the WebKitGTK libraries: /usr/lib/<triplet>/webkit2gtk-4.x/MiniBrowser.
  for (const root of ['/usr/lib', '/usr/libexec', '/usr/local/lib']) {
    if (!existsSync(root)) continue
    const dirs = [root, ...readdirSync(root).map((d) => `${root}/${d}`)]
    for (const dir of dirs) {
      for (const version of ['webkit2gtk-4.1', 'webkit2gtk-4.0', 'webkitgtk-6.0']) {
        const path = `${dir}/${version}/MiniBrowser`
        if (existsSync(path)) return path
      }
    }
  }
  return undefined
}

/**
 * The WebKit tools to launch, or undefined when one is missing: `driver` (WebKitWebDriver),
 * `browser` (MiniBrowser), `xvfb` (a private X server, so no window opens on a desktop; without
 * it, the DISPLAY already set is used) and `pulseaudio` (a private sound server with a null sink, so
 * WebKitGTK plays to a real, silent output instead of failing to open one).
 */
export function findWebKit(env = process.env) {
  const driver = env.WEBKIT_DRIVER_PATH ?? onPath('WebKitWebDriver', env)
  const browser = miniBrowser(env)
  const xvfb = onPath('Xvfb', env)
  const pulseaudio = onPath('pulseaudio', env)
  if (!driver || !existsSync(driver) || !browser || (!env.DISPLAY && !xvfb) || !pulseaudio) return undefined
  return { driver, browser, xvfb, pulseaudio }
}

/** The apt packages that hold what `findWebKit()` looks for. */
export const WEBKIT_PACKAGES = 'webkit2gtk-driver xvfb pulseaudio'

/** One line saying how to get WebKit, for when `findWebKit()` found none. */
export function missingWebKitMessage() {
  return `WebKit tests need WebKitGTK's WebDriver, MiniBrowser, Xvfb and PulseAudio: apt-get install -y ${WEBKIT_PACKAGES} (or set WEBKIT_DRIVER_PATH and WEBKIT_MINIBROWSER_PATH).`
}

/** What MiniBrowser prints when its web process crashed (the page and the test run go with it). */
export const WEBKIT_CRASH = 'WebProcess CRASHED'

/** Where the webkit project's provider finds the WebKitWebDriver that its global setup started. */
export const DRIVER_PORT_ENV = 'RAK_WEBKIT_DRIVER_PORT'

/**
 * Vitest's WebdriverIO provider pointed at MiniBrowser through the WebKitWebDriver of the global
 * setup. The provider knows Safari only by name; WebKitWebDriver answers to "MiniBrowser", so the
 * name is swapped when the session opens. BiDi is off: WebKitWebDriver speaks classic WebDriver.
 */
export async function webkitProvider() {
  const { webdriverio } = await import('@vitest/browser-webdriverio')
  const base = webdriverio({
    logLevel: 'silent',
    hostname: '127.0.0.1',
    path: '/',
    capabilities: {
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': {
        binary: findWebKit()?.browser ?? 'MiniBrowser',
        // A mock microphone (it plays a tone), granted as Safari grants one after its prompt.
        args: ['--automation', '--enable-mock-capture-devices=true'],
      },
    },
  })
  return {
    ...base,
    providerFactory(project) {
      const provider = base.providerFactory(project)
      const build = provider.buildCapabilities.bind(provider)
      provider.buildCapabilities = () => ({ ...build(), browserName: 'MiniBrowser' })
      const open = provider.openBrowser.bind(provider)
      // The port is known only once the global setup ran, after the config was read.
      provider.openBrowser = () => {
        const port = Number(process.env[DRIVER_PORT_ENV])
        if (!port)
          throw new Error('WebKitWebDriver is not running: the webkit project needs its global setup.')
        provider.options = { ...provider.options, port }
        return open()
      }
      const close = provider.close.bind(provider)
      // Vitest ends global setups before providers: once the driver is gone, so is MiniBrowser.
      provider.close = () => (process.env[DRIVER_PORT_ENV] ? close() : Promise.resolve())
      return provider
    },
  }
}
