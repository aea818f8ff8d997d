/**
 * The scopes of the mutation run: what each mutates and which test files may kill its mutants.
 * Issue 17 sets the bar per folder: 80% for the analysis and the rules, 90% for the wire format.
 *
 * The test lists are the tests that exercise the scope's code; the browser, packaging, proof and
 * node_modules runs are left out, since each takes minutes and none is the first to notice a
 * wrong branch in these files.
 */

/**
 * `ignoreStatic`: leave out mutants of code that runs once, when the module loads (a rule's
 * `meta`, its messages and schema, module-level tables). Stryker must rerun every test of the
 * scope for each of them; in the rules scope they were 719 of 1,616 mutants and, by Stryker's
 * estimate, 98% of the time (over 80 hours on one core). The page counts them as not run.
 * @typedef {{ name: string, mutate: string[], tests: string[], target: number, describe: string, ignoreStatic: boolean }} MutationScope
 */

const ANALYSIS_TESTS = ['tests/analysis/**/*.test.ts', 'tests/rules/**/*.test.ts', 'tests/frameworks/**/*.test.ts'];
/** @type {[string, string, string[]][]} */
const ANALYSIS_PARTS = [
  ['core', 'what counts as a stream, a loop, a component, a per-key store, a consumer, a URL', ['src/analysis/*.ts']],
  ['reconnect', 'reconnect paths, delays, attempt limits and their safeguards', ['src/analysis/reconnect/**/*.ts']],
  ['lifecycle', 'where a stream is held, and whether a lifecycle closes it', ['src/analysis/lifecycle/**/*.ts']],
  ['templates', 'Vue, Svelte and Angular templates and components', ['src/analysis/templates/**/*.ts']],
  ['typed', 'type-aware mode: declarations across files, summaries, the program index', ['src/analysis/typed/**/*.ts']],
];

/** @type {MutationScope[]} */
export const MUTATION_SCOPES = [
  {
    name: 'sse',
    describe: 'the wire format: the SSE parser, event formatting, Last-Event-ID, backoff, the multiplex protocol',
    mutate: ['packages/sse-hub/src/sse/**/*.ts'],
    tests: ['packages/sse-hub/tests/sse/**/*.test.ts'],
    target: 90,
    ignoreStatic: false,
  },
  // src/analysis/ in five parts, ~1,500-3,500 lines each: as one scope its mutants (about seven
  // times the rules scope's 1,472) take longer than a working session on two cores, and Stryker
  // keeps nothing of a run it does not finish. `npm run mutation -- analysis` runs all five.
  ...ANALYSIS_PARTS.map(([part, describe, mutate]) => ({
    name: `analysis-${part}`,
    describe,
    mutate,
    tests: ANALYSIS_TESTS,
    target: 80,
    ignoreStatic: true,
  })),
  {
    name: 'rules',
    describe: 'the five rules: options, messages, fixes and suggestions',
    mutate: ['rules/**/*.ts', 'src/fixes/**/*.ts'],
    tests: ['tests/rules/**/*.test.ts', 'tests/frameworks/**/*.test.ts'],
    target: 80,
    ignoreStatic: true,
  },
];

/**
 * @param {string} name
 * @returns {MutationScope}
 */
export function scopeNamed(name) {
  const scope = MUTATION_SCOPES.find((candidate) => candidate.name === name);
  if (!scope) throw new Error(`unknown mutation scope "${name}"; the scopes are ${MUTATION_SCOPES.map((s) => s.name).join(', ')}`);
  return scope;
}

/**
 * The scopes a name on the command line stands for: the scope of that name, or every scope of
 * that group (`analysis` for `analysis-core`, `analysis-reconnect`, …).
 * @param {string} name
 * @returns {MutationScope[]}
 */
export function scopesNamed(name) {
  const group = MUTATION_SCOPES.filter((scope) => scope.name.startsWith(`${name}-`));
  return group.length > 0 ? group : [scopeNamed(name)];
}
