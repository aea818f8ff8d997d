/**
 * The real code the lint benchmarks read, as globs from the project root. A module of its own, so
 * that the benchmarks that only need the file list (oxlint, lint concurrency) do not load what
 * `lint-cost.js` compares with (the React plugins, the built plugin).
 */

/** Real code written by others, available offline: ESLint's, typescript-eslint's and Vitest's own sources (no React). */
export const REAL_CODE = [
  'node_modules/eslint/lib/**/*.js',
  'node_modules/@typescript-eslint/*/dist/**/*.js',
  'node_modules/@vitest/*/dist/**/*.js',
];
/** Real React code: react-admin's core, a dev dependency kept for this. */
export const REACT_CODE = ['node_modules/ra-core/src/**/*.ts', 'node_modules/ra-core/src/**/*.tsx'];
export const CORPUS = [...REAL_CODE, ...REACT_CODE];
