import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import ClosingLineReporter from '../../scripts/closingLineReporter.mjs'

const root = resolve(import.meta.dirname, '../..')
const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

describe('npm test without Chromium', () => {
  it('stops before running with one line saying how to get one, and exit code 1', () => {
    const run = spawnSync(process.execPath, ['scripts/test.mjs'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, CHROMIUM_PATH: join(tmpdir(), 'no-such-chromium') },
      timeout: 10_000,
    })
    expect(run.status).toBe(1)
    expect(run.stdout).toBe('')
    const lines = run.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^Browser tests need Chromium: CHROMIUM_PATH=.* does not exist\. Install one/)
  })
})

describe('npm test without WebKit', () => {
  const noWebKit = { ...process.env, WEBKIT_DRIVER_PATH: join(tmpdir(), 'no-such-webkit-driver') }
  it.each([
    ['in CI', [], { CI: 'true' }],
    ['when the webkit project is asked for', ['--project', 'webkit'], { CI: '' }],
  ])('stops %s with one line saying how to install it, and exit code 1', (_, args, env) => {
    const run = spawnSync(process.execPath, ['scripts/test.mjs', ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...noWebKit, ...env },
      timeout: 10_000,
    })
    expect(run.status).toBe(1)
    expect(run.stdout).toBe('')
    const lines = run.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^WebKit tests need .*apt-get install -y webkit2gtk-driver xvfb pulseaudio/)
  })
})

type Fake = { name: string; tests: ('passed' | 'failed' | 'skipped')[]; loadFailed?: boolean }
function report(
  projects: string[],
  modules: Fake[],
  options: { filtered?: boolean; errors?: unknown[] } = {},
) {
  const folder = mkdtempSync(join(tmpdir(), 'closing-line-'))
  folders.push(folder)
  const reporter = new ClosingLineReporter()
  reporter.outputFile = join(folder, 'summary.json')
  reporter.checkProjects = !options.filtered
  reporter.onInit({ projects: projects.map((name) => ({ name })) })
  const testModules = modules.map((m, i) => ({
    moduleId: `file${i}.test.ts`,
    project: { name: m.name },
    state: () => (m.loadFailed ? 'failed' : 'passed'),
    children: { allTests: () => m.tests.map((state) => ({ result: () => ({ state }) })) },
  }))
  reporter.onTestRunEnd(testModules, options.errors ?? [])
  return JSON.parse(readFileSync(reporter.outputFile, 'utf8'))
}

describe('the closing line', () => {
  it('counts passed, failed and skipped tests across projects', () => {
    const summary = report(
      ['node', 'browser'],
      [
        { name: 'node', tests: ['passed', 'passed', 'skipped'] },
        { name: 'browser', tests: ['failed', 'passed'] },
      ],
    )
    expect(summary).toMatchObject({ passed: 3, failed: 1, skipped: 1, problems: [] })
  })

  it('counts a project that started no test file as a failure', () => {
    const summary = report(['node', 'browser'], [{ name: 'node', tests: ['passed'] }])
    expect(summary.failed).toBe(1)
    expect(summary.problems).toEqual(['project "browser" ran no test file: it failed to start'])
  })

  it('leaves empty projects alone when a file filter chose the tests', () => {
    expect(
      report(['node', 'browser'], [{ name: 'node', tests: ['passed'] }], { filtered: true }).failed,
    ).toBe(0)
  })

  it('counts a file that failed to load and an error outside any test', () => {
    const summary = report(['node'], [{ name: 'node', tests: [], loadFailed: true }], {
      errors: [{ message: 'browserType.launch failed' }],
    })
    expect(summary.failed).toBe(2)
  })
})
