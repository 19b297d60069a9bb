import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DRIVER_PORT_ENV, findWebKit, missingWebKitMessage } from '../../../scripts/webkit.mjs'

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as { port: number }
  server.close()
  await once(server, 'close')
  return port
}

/** Starts Xvfb on a free display and resolves with its number, once it accepts clients. */
async function startXvfb(path: string): Promise<{ process: ChildProcess; display: string }> {
  // -displayfd: Xvfb picks a free display and writes its number to fd 3 when ready.
  const xvfb = spawn(path, ['-displayfd', '3', '-screen', '0', '1920x1200x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  xvfb.stderr?.on('data', (chunk) => {
    stderr += chunk
  })
  const display = await new Promise<string>((resolve, reject) => {
    let out = ''
    xvfb.stdio[3]?.on('data', (chunk) => {
      out += chunk
      if (out.includes('\n')) resolve(`:${out.trim()}`)
    })
    xvfb.once('exit', (code) =>
      reject(new Error(`Xvfb exited (${code}) before it was ready: ${stderr.trim()}`)),
    )
    xvfb.once('error', reject)
  })
  return { process: xvfb, display }
}

/**
 * Starts a private PulseAudio with a null sink in `dir` and resolves once it accepts clients, with
 * the environment that points MiniBrowser at it.
 */
async function startPulseAudio(
  path: string,
  dir: string,
): Promise<{ process: ChildProcess; env: Record<string, string> }> {
  const socket = join(dir, 'native')
  const args = [
    '--daemonize=no',
    '--exit-idle-time=-1',
    '-n', // no default script: only the two modules below
    '--load=module-null-sink sink_name=silent',
    `--load=module-native-protocol-unix socket=${socket} auth-anonymous=1`,
    '--log-target=stderr',
    '--log-level=info', // for the line that says it is ready
  ]
  const pulse = spawn(path, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, XDG_RUNTIME_DIR: dir, HOME: dir },
  })
  let stderr = ''
  let ready = false
  await new Promise<void>((resolve, reject) => {
    pulse.stderr?.on('data', (chunk) => {
      if (ready) return // its log goes on; only the start matters
      stderr += chunk
      ready = stderr.includes('Daemon startup complete')
      if (ready) resolve()
    })
    pulse.once('exit', (code) =>
      reject(new Error(`PulseAudio exited (${code}) before it was ready: ${stderr.trim().slice(-500)}`)),
    )
    pulse.once('error', reject)
  })
  return { process: pulse, env: { PULSE_SERVER: `unix:${socket}` } }
}

/** Resolves once the driver answers `/status` as ready; fails if it exits first. */
async function untilReady(driver: ChildProcess, port: number, log: () => string): Promise<void> {
  let exited = false
  driver.once('exit', () => {
    exited = true
  })
  // Polling is the only signal a WebDriver server gives; the bound catches a driver that never listens.
  for (const started = Date.now(); Date.now() - started < 30_000; ) {
    if (exited) throw new Error(`WebKitWebDriver exited before it was ready: ${log()}`)
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`)
      const { value } = (await response.json()) as { value?: { ready?: boolean } }
      if (value?.ready) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`WebKitWebDriver did not answer on port ${port} within 30 s: ${log()}`)
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return
  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  await exited
}

/**
 * The webkit project's X server, sound server and WebKitWebDriver: started before its tests,
 * stopped after them (the provider opens and closes MiniBrowser through the driver). Set
 * `RAK_WEBKIT_LOG` to a file to keep MiniBrowser's own output (a crashed web process says so there).
 */
export default async function setup() {
  const tools = findWebKit()
  if (!tools) throw new Error(missingWebKitMessage())
  let xvfb: ChildProcess | undefined
  let pulse: ChildProcess | undefined
  const soundDir = mkdtempSync(join(tmpdir(), 'rak-pulse-'))
  let driver: ChildProcess | undefined
  // Vitest may exit without calling the teardown (a close that timed out): the children go too.
  const killAll = () => {
    driver?.kill('SIGTERM')
    xvfb?.kill('SIGTERM')
    pulse?.kill('SIGTERM')
  }
  process.once('exit', killAll)
  const teardown = async () => {
    process.off('exit', killAll)
    await stop(driver)
    await stop(xvfb)
    await stop(pulse)
    rmSync(soundDir, { recursive: true, force: true })
    delete process.env[DRIVER_PORT_ENV]
  }
  try {
    let display = process.env.DISPLAY ?? ''
    if (tools.xvfb) ({ process: xvfb, display } = await startXvfb(tools.xvfb))
    const sound = await startPulseAudio(tools.pulseaudio, soundDir)
    pulse = sound.process
    const port = await freePort()
    driver = spawn(tools.driver, [`--port=${port}`, '--host=127.0.0.1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DISPLAY: display, ...sound.env },
    })
    // The tail names a driver that failed to start; RAK_WEBKIT_LOG keeps everything.
    let log = ''
    const keep = process.env.RAK_WEBKIT_LOG
    const record = (chunk: Buffer) => {
      log = (log + chunk).slice(-500)
      if (keep) appendFileSync(keep, chunk)
    }
    driver.stdout?.on('data', record)
    driver.stderr?.on('data', record)
    await untilReady(driver, port, () => log.trim())
    process.env[DRIVER_PORT_ENV] = String(port)
  } catch (error) {
    await teardown()
    throw error
  }
  return teardown
}
