// @ts-check
/**
 * Mutation testing of the core (`npm run test:mutation`). Slow: not part of CI.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  // Files under mutation; extend this list one module at a time.
  mutate: [
    'src/core/stores/*.ts',
    'src/core/history.ts',
    'src/core/toolCalls.ts',
    'src/core/eventHub.ts',
    'src/core/guardrailMonitor.ts',
    'src/core/config.ts',
  ],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  // TypeScript 7 has no JavaScript API for Stryker to load the project's tsconfig or run a type
  // checker through: point at a file that does not exist, so neither is attempted.
  tsconfigFile: 'tsconfig.stryker-none.json',
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  // progress-append-only: plain lines a log file can be followed with.
  reporters: ['clear-text', 'html', 'json', 'progress-append-only'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
}
