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
 *
 * `exclude` and `leftOut`: test files the scope does not run although they reach its code, and
 * the page's sentence on why.
 * @typedef {{ name: string, mutate: string[], tests: string[], exclude?: string[], leftOut?: string, target: number, describe: string, ignoreStatic: boolean }} MutationScope
 */

const ANALYSIS_TESTS = ['tests/analysis/**/*.test.ts', 'tests/rules/**/*.test.ts', 'tests/frameworks/**/*.test.ts'];

// The type-aware tests build TypeScript programs: `npx vitest run tests/rules/typed
// tests/analysis/typed-` took 367 s for 282 tests, against 32 s for the 285 cases of the two
// largest syntactic rule files (2026-12-05, beside a mutation run). The core and lifecycle
// modules run under nearly every test, so each surviving mutant would pay for all of them; the
// typed scope keeps them, since they are the only tests of its code.
const TYPED_TESTS = ['tests/rules/typed/**', 'tests/analysis/typed-*.test.ts'];
const WITHOUT_TYPED = 'The type-aware tests (tests/rules/typed/, tests/analysis/typed-*) are left out: they reach this code too, but each would cost seconds per surviving mutant.';

// The tests that assert what `require-eventsource-close` reports, the only rule built on the
// lifecycle modules; the other rule tests run this code only when the plugin's configs turn the rule on.
const LIFECYCLE_TESTS = [
  'tests/rules/require-eventsource-close.test.ts',
  'tests/analysis/lifecycle.test.ts',
  'tests/frameworks/*-close.test.ts',
  'tests/frameworks/vue-vueuse.test.ts',
  'tests/frameworks/odd-components.test.ts',
  // The tests written for this part's survivors, which call the lifecycle modules directly.
  'tests/analysis/lifecycle-mutants-*.test.ts',
];
const LIFECYCLE_LEFT_OUT = 'Only the tests that assert `require-eventsource-close`\'s findings run: the other rule tests reach this code when a config turns the rule on, without asserting what it reports.';

/**
 * Module names under src/analysis/, space-separated, as the paths Stryker mutates. The parts list
 * their files by name; tests/mutation/scopes.test.ts fails when a file is in no part, or in two.
 * @param {...string} names
 */
function analysisFiles(...names) {
  return names.flatMap((line) => line.split(' ')).map((name) => `src/analysis/${name}.ts`);
}

/**
 * src/analysis/ in parts of ~800-1,700 lines: Stryker keeps nothing of a run it does not finish,
 * so each part must fit in a working session on two cores. `npm run mutation -- analysis` runs all.
 * @type {{ part: string, describe: string, mutate: string[], tests?: string[], exclude?: string[], leftOut?: string }[]}
 */
const ANALYSIS_PARTS = [
  {
    part: 'core-streams',
    describe: 'what counts as a stream, where it comes from and which URL it opens',
    mutate: analysisFiles(
      'stream-sources stream-subclasses stream-openers stream-urls stream-openings-by-url stream-mentions vueuse-event-source module-references',
      'wrappers-cache text-search test-files display-path identifiers eslint-utils set-parents',
    ),
    exclude: TYPED_TESTS,
    leftOut: WITHOUT_TYPED,
  },
  {
    part: 'core-repetition',
    describe: 'loops, iteration callbacks, per-key stores, one-shot and exclusive code',
    mutate: analysisFiles('repetition stream-storage functions one-shot exclusive-branches flagged-openings'),
    exclude: TYPED_TESTS,
    leftOut: WITHOUT_TYPED,
  },
  {
    part: 'core-components',
    describe: 'components rendered per item and the consumers of one stream',
    mutate: analysisFiles('components stream-consumers'),
    exclude: TYPED_TESTS,
    leftOut: WITHOUT_TYPED,
  },
  { part: 'reconnect', describe: 'reconnect paths, delays, attempt limits and their safeguards', mutate: ['src/analysis/reconnect/**/*.ts'] },
  {
    part: 'lifecycle-hooks',
    describe: 'lifecycle hooks, mount contexts and the local callers of a stream\'s opener',
    mutate: analysisFiles('lifecycle/lifecycle-hooks lifecycle/mount-context lifecycle/local-callers lifecycle/callees lifecycle/guards'),
    tests: LIFECYCLE_TESTS,
    leftOut: LIFECYCLE_LEFT_OUT,
  },
  {
    part: 'lifecycle-holders',
    describe: 'where a stream is held, and whether the code closes or replaces it',
    mutate: analysisFiles('lifecycle/stream-holders lifecycle/holder-paths lifecycle/replacements lifecycle/closing lifecycle/preceding-code lifecycle/error-reopens'),
    tests: LIFECYCLE_TESTS,
    leftOut: LIFECYCLE_LEFT_OUT,
  },
  { part: 'templates', describe: 'Vue, Svelte and Angular templates and components', mutate: ['src/analysis/templates/**/*.ts'] },
  { part: 'typed', describe: 'type-aware mode: declarations across files, summaries, the program index', mutate: ['src/analysis/typed/**/*.ts'] },
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
  ...ANALYSIS_PARTS.map(({ part, describe, mutate, tests = ANALYSIS_TESTS, exclude, leftOut }) => ({
    name: `analysis-${part}`,
    describe,
    mutate,
    tests,
    ...(exclude ? { exclude } : {}),
    ...(leftOut ? { leftOut } : {}),
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
