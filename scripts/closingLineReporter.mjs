// A Vitest reporter that counts what really ran, per project, for the closing line of `npm test`.
// A project that started no test file (its browser did not launch, say), a file that failed to
// load and an error outside any test each count as a failure: none of them may read as success.
import { writeFileSync } from 'node:fs'

export default class ClosingLineReporter {
  // Set by scripts/test.mjs: where to write the counts, and whether a file filter leaves projects empty.
  outputFile = process.env.RAK_TEST_SUMMARY ?? '.vitest-closing.json'
  checkProjects = process.env.RAK_TEST_FILES_FILTERED !== '1'

  onInit(vitest) {
    this.vitest = vitest
  }

  onTestRunEnd(testModules, unhandledErrors) {
    let passed = 0
    let failed = 0
    let skipped = 0
    const problems = []
    const modulesPerProject = new Map(this.vitest.projects.map((project) => [project.name, 0]))
    for (const testModule of testModules) {
      const name = testModule.project.name
      modulesPerProject.set(name, (modulesPerProject.get(name) ?? 0) + 1)
      let tests = 0
      for (const test of testModule.children.allTests()) {
        tests += 1
        const state = test.result().state
        if (state === 'passed') passed += 1
        else if (state === 'failed') failed += 1
        else skipped += 1
      }
      if (tests === 0 && testModule.state() === 'failed') {
        failed += 1
        problems.push(`${testModule.moduleId} (${name}) failed to load`)
      }
    }
    if (this.checkProjects) {
      for (const [name, count] of modulesPerProject) {
        if (count > 0) continue
        failed += 1
        problems.push(`project "${name}" ran no test file: it failed to start`)
      }
    }
    for (const error of unhandledErrors) {
      failed += 1
      problems.push(`error outside any test: ${error.message ?? error}`)
    }
    writeFileSync(this.outputFile, JSON.stringify({ passed, failed, skipped, problems }))
  }
}
