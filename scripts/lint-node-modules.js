#!/usr/bin/env node
/**
 * Runs every rule of the plugin over the JavaScript and TypeScript in this project's own
 * node_modules — thousands of real files written by others, declaration files included (the
 * rules must not throw on any syntax typescript-eslint can produce) — and over every `.vue` and
 * `.svelte` file there, through vue-eslint-parser and svelte-eslint-parser (typescript-eslint's
 * parser for `lang="ts"`), and fails if any rule throws, or if fewer files than a stated minimum
 * per language were parsed (a run that linted nothing proves nothing; see
 * lint-node-modules/judge-crash-run.js). A file its parser rejects is counted apart, not as a crash.
 * Prints how many files were linted and what fired, so that false positives can be reviewed.
 *
 *   node scripts/lint-node-modules.js [--json] [--show N] [--languages vue,svelte] [--audit-snapshots]
 *
 * --languages lints only those languages (javascript, typescript, vue, svelte) and holds the run
 * to their minimums alone. The components in node_modules are those of two component libraries
 * installed for this run (reka-ui, bits-ui); --audit-snapshots lints the real-world audit's
 * snapshots ($SSE_AUDIT_SNAPSHOTS, see scripts/real-world-audit.js) instead, application code
 * with hundreds of components, against minimums of their own.
 *
 * Files are linted under their real paths, so that a list component's cross-file check reads
 * the components it imports from disk, as in a user's run.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import * as svelteParser from 'svelte-eslint-parser';
import * as vueParser from 'vue-eslint-parser';
import plugin from '../dist/src/index.js';
import { judgeCrashRun, languageOf, minimumsFor } from './lint-node-modules/judge-crash-run.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const asJson = args.includes('--json');
const showIndex = args.indexOf('--show');
const show = showIndex === -1 ? 20 : Number(args[showIndex + 1]);
const languagesIndex = args.indexOf('--languages');
const languages = languagesIndex === -1 ? [] : args[languagesIndex + 1].split(',');
const corpus = args.includes('--audit-snapshots') ? 'audit-snapshots' : 'node_modules';
const MAX_BYTES = 8 * 1024 * 1024;

const SOURCE_FILE = /\.(?:(?:c|m)?[jt]sx?|vue|svelte)$/;

/** The folder the run walks: node_modules, or the audit's snapshots. */
function corpusRoot() {
  if (corpus === 'node_modules') return join(root, 'node_modules');
  const snapshots = process.env.SSE_AUDIT_SNAPSHOTS;
  if (!snapshots) {
    console.error('--audit-snapshots needs SSE_AUDIT_SNAPSHOTS: the folder scripts/real-world-audit.js --export wrote.');
    process.exit(2);
  }
  return snapshots;
}

function* sourceFiles(directory) {
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (entry.isFile() && SOURCE_FILE.test(entry.name)) yield path;
  }
}

const corpusFolder = corpusRoot();
// Config `files` patterns match paths relative to the working directory.
const linter = new Linter({ configType: 'flat', cwd: corpus === 'node_modules' ? root : corpusFolder });
const config = [
  // ESLint ignores node_modules by default; here it is the corpus.
  { ignores: ['!**/node_modules/'] },
  {
    files: ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'],
    plugins: { sse: plugin },
    linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true },
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: plugin.configs.all.rules,
  },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  {
    files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'],
    plugins: { sse: plugin },
    linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true },
    languageOptions: { parser: tsParser, sourceType: 'module' },
    rules: plugin.configs.all.rules,
  },
  { files: ['**/*.tsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
  // As eslint-plugin-vue's and eslint-plugin-svelte's TypeScript set-ups do: typescript-eslint's
  // parser for `lang="ts"` scripts, espree (the parsers' default) for the others.
  {
    files: ['**/*.vue'],
    plugins: { sse: plugin },
    linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true },
    languageOptions: { parser: vueParser, parserOptions: { parser: { ts: tsParser, tsx: tsParser }, ecmaVersion: 'latest', sourceType: 'module' } },
    rules: plugin.configs.all.rules,
  },
  {
    files: ['**/*.svelte'],
    plugins: { sse: plugin },
    linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true },
    languageOptions: { parser: svelteParser, parserOptions: { parser: { ts: tsParser, typescript: tsParser }, ecmaVersion: 'latest', sourceType: 'module' } },
    rules: plugin.configs.all.rules,
  },
];

const summary = {
  files: 0,
  typescript: 0,
  parsed: 0,
  corpus,
  parsedByLanguage: { javascript: 0, typescript: 0, vue: 0, svelte: 0 },
  unparsableByLanguage: { javascript: 0, typescript: 0, vue: 0, svelte: 0 },
  unparsable: 0,
  skippedLarge: 0,
  findings: {},
  crashes: [],
};
const samples = [];
const started = Date.now();
for (const file of sourceFiles(corpusFolder)) {
  const language = languageOf(file);
  if (languages.length > 0 && !languages.includes(language)) continue;
  if (statSync(file).size > MAX_BYTES) {
    summary.skippedLarge++;
    continue;
  }
  summary.files++;
  if (language === 'typescript') summary.typescript++;
  const text = readFileSync(file, 'utf8');
  let messages;
  try {
    messages = linter.verify(text, config, { filename: file });
  } catch (error) {
    summary.crashes.push({ file: relative(root, file), error: String(error?.stack ?? error) });
    continue;
  }
  const unchecked = messages.find((message) => message.ruleId === null && message.message.startsWith('No matching configuration'));
  if (unchecked) {
    // "No matching configuration" and the like: the rules never ran, so this run proves nothing.
    summary.crashes.push({ file: relative(root, file), error: `not linted: ${unchecked.message}` });
    continue;
  }
  if (messages.some((message) => message.fatal)) {
    // Some packages ship Flow, TypeScript or other dialects in .js files, or TypeScript
    // newer than our parser; a component's template may be invalid. Not ours to parse.
    summary.unparsable++;
    summary.unparsableByLanguage[language]++;
    continue;
  }
  summary.parsed++;
  summary.parsedByLanguage[language]++;
  for (const message of messages) {
    if (!message.ruleId?.startsWith('sse/')) continue;
    summary.findings[message.ruleId] = (summary.findings[message.ruleId] ?? 0) + 1;
    samples.push(`${relative(root, file)}:${message.line}:${message.column} ${message.ruleId} ${message.message.slice(0, 100)}`);
  }
}
summary.seconds = Math.round((Date.now() - started) / 100) / 10;
const verdict = judgeCrashRun(summary, minimumsFor(corpus, languages));

if (asJson) {
  console.log(JSON.stringify({ ...summary, verdict, samples }, null, 2));
} else {
  const { javascript, typescript, vue, svelte } = summary.parsedByLanguage;
  console.log(
    `Linted ${summary.files} files of ${corpus === 'node_modules' ? 'node_modules' : 'the audit snapshots'}, ${summary.typescript} of them TypeScript (${summary.parsed} parsed: ` +
      `${javascript} JavaScript, ${typescript} TypeScript, ${vue} Vue, ${svelte} Svelte; ` +
      `${summary.unparsable} did not parse, ${summary.skippedLarge} over 8 MiB skipped) in ${summary.seconds} s.`,
  );
  if (summary.unparsable > 0) console.log('Did not parse, by language:', summary.unparsableByLanguage);
  console.log('Findings:', Object.keys(summary.findings).length ? summary.findings : 'none');
  for (const line of samples.slice(0, show)) console.log(`  ${line}`);
  if (samples.length > show) console.log(`  … ${samples.length - show} more (--show N)`);
  console.log(`Rule crashes: ${summary.crashes.length}`);
}
for (const crash of summary.crashes) console.error(`CRASH in ${crash.file}\n${crash.error}\n`);
for (const problem of verdict.problems) console.error(`crash-test FAILED: ${problem}`);
process.exitCode = verdict.passed ? 0 : 1;
