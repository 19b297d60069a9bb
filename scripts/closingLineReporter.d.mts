/** A Vitest reporter that counts what really ran, per project, for the closing line of `npm test`. */
export default class ClosingLineReporter {
  outputFile: string
  checkProjects: boolean
  onInit(vitest: unknown): void
  onTestRunEnd(testModules: readonly unknown[], unhandledErrors: readonly unknown[]): void
}
