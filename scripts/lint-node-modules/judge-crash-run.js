/**
 * The crash run's verdict, as a pure function of its counts, so that a run that linted
 * nothing cannot pass: no crash in zero files proves nothing.
 */

/**
 * Files that must parse, per language, for the run to count. This project's node_modules has
 * held 2,945 JavaScript and 2,651 TypeScript files (2026-11-22, when TypeScript was added to
 * the run) and 7,799 and 3,262 (2026-12-04, with the package-check and editor tools); all of
 * them parse. The minimums sit below the smallest of these, so that pruning dev dependencies
 * does not trip them, and far above what a broken walk, a config under which the rules never
 * run, or a parser that rejects a whole language leaves: zero or a handful.
 * node_modules holds no .jsx or .tsx file, so there is no separate minimum for them; JSX is
 * exercised by the .js files, which are parsed with `jsx: true`.
 *
 * The single-file components are those of two component libraries installed as dev
 * dependencies for this run: reka-ui (465 `.vue` files, `<script setup lang="ts">`, most of
 * them importing other components) and bits-ui (226 `.svelte` files, Svelte 5 runes), counted
 * on 2026-12-04. vue-eslint-parser, svelte-eslint-parser, svelte and the framework plugins ship
 * compiled JavaScript only. The minimums sit about a third below, so that a minor release that
 * merges a few components does not trip them.
 */
export const MINIMUM_PARSED = { javascript: 2_500, typescript: 2_000, vue: 300, svelte: 150 };

/**
 * The real-world audit's snapshots (`--audit-snapshots`: the repositories of
 * docs/real-world/labels.json exported into $SSE_AUDIT_SNAPSHOTS by
 * `scripts/real-world-audit.js --export`) held 426 `.vue` and 667 `.svelte` files on
 * 2026-12-04, all of which parsed, with no crash: application code, where the components of a
 * library are few. The minimums sit about a third below, so that a repository dropped from the
 * audit does not trip them. The snapshots' JavaScript and TypeScript are linted too, but
 * node_modules is the run that holds those to a minimum.
 */
export const MINIMUM_PARSED_IN_AUDIT_SNAPSHOTS = { vue: 300, svelte: 450 };

/**
 * The minimums of `corpus` for the languages the run lints (all of the corpus's when `languages`
 * is empty). A language asked for that the corpus has no minimum for must still show one file,
 * rather than passing on nothing.
 */
export function minimumsFor(corpus, languages = []) {
  const all = corpus === 'audit-snapshots' ? MINIMUM_PARSED_IN_AUDIT_SNAPSHOTS : MINIMUM_PARSED;
  if (languages.length === 0) return { ...all };
  return Object.fromEntries(languages.map((language) => [language, all[language] ?? 1]));
}

/** `.ts`, `.mts`, `.cts`, `.tsx` are TypeScript; `.js`, `.mjs`, `.cjs`, `.jsx` JavaScript; `.vue` and `.svelte` their own. */
export function languageOf(file) {
  if (file.endsWith('.vue')) return 'vue';
  if (file.endsWith('.svelte')) return 'svelte';
  return /\.[cm]?tsx?$/.test(file) ? 'typescript' : 'javascript';
}

/**
 * @param {{ parsedByLanguage: Record<string, number>, crashes: unknown[] }} run
 * @param {Record<string, number>} [minimums]
 * @returns {{ passed: boolean, problems: string[] }}
 */
export function judgeCrashRun({ parsedByLanguage, crashes }, minimums = MINIMUM_PARSED) {
  const problems = [];
  for (const [language, minimum] of Object.entries(minimums)) {
    const parsed = parsedByLanguage[language] ?? 0;
    if (parsed < minimum) problems.push(`${parsed} ${language} files parsed, fewer than the ${minimum} required`);
  }
  if (crashes.length > 0) problems.push(`${crashes.length} ${crashes.length === 1 ? 'file' : 'files'} crashed a rule or went unlinted`);
  return { passed: problems.length === 0, problems };
}
