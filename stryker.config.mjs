// @ts-check
/**
 * StrykerJS configuration for `npm run mutation` (scripts/mutation.js). One run mutates one
 * scope: the files it changes and the tests that may kill those changes, so that a scope's
 * first run stays within an afternoon on two cores and each later run, incremental, pays only
 * for the mutants whose code or covering tests changed.
 *
 * The scope comes from `SSE_MUTATION_SCOPE`; scripts/mutation.js sets it and explains the scopes.
 */
import { scopeNamed } from './tests/mutation/scopes.js';

const scope = scopeNamed(process.env.SSE_MUTATION_SCOPE ?? 'sse');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'tests/mutation/vitest.config.ts', related: true },
  mutate: scope.mutate,
  // perTest coverage lets each mutant rerun only the tests that reach its code.
  coverageAnalysis: 'perTest',
  ignoreStatic: scope.ignoreStatic,
  // Stryker would add `// @ts-nocheck` atop TypeScript files, fixtures included, which moves the
  // lines that typed rule tests quote; vitest strips types without checking them anyway.
  disableTypeChecks: false,
  incremental: true,
  incrementalFile: `tests/mutation/incremental/${scope.name}.json`,
  reporters: ['json', 'clear-text', 'progress'],
  jsonReporter: { fileName: `reports/mutation/${scope.name}.json` },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  concurrency: Number(process.env.SSE_MUTATION_CONCURRENCY ?? 2),
  // A mutant that makes a loop endless is killed by the timeout; the test suite's own 30 s is far above what one covered test needs.
  timeoutMS: 10_000,
  thresholds: { high: scope.target, low: scope.target - 10, break: null },
};
