#!/usr/bin/env node
/**
 * Runs every rule of the plugin over the JavaScript and TypeScript in this project's own
 * node_modules — thousands of real files written by others, declaration files included (the
 * rules must not throw on any syntax typescript-eslint can produce) — and fails if any rule
 * throws, or if fewer files than a stated minimum per language were parsed (a run that linted
 * nothing proves nothing; see lint-node-modules/judge-crash-run.js).
 * Prints how many files were linted and what fired, so that false positives can be reviewed.
 *
 *   node scripts/lint-node-modules.js [--json] [--show N]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import plugin from '../dist/src/index.js';
import { judgeCrashRun, languageOf } from './lint-node-modules/judge-crash-run.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const asJson = args.includes('--json');
const showIndex = args.indexOf('--show');
const show = showIndex === -1 ? 20 : Number(args[showIndex + 1]);
const MAX_BYTES = 8 * 1024 * 1024;

const SOURCE_FILE = /\.(?:c|m)?[jt]sx?$/;

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

const linter = new Linter({ configType: 'flat' });
const config = [
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
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
];

const summary = {
  files: 0,
  typescript: 0,
  parsed: 0,
  parsedByLanguage: { javascript: 0, typescript: 0 },
  unparsable: 0,
  skippedLarge: 0,
  findings: {},
  crashes: [],
};
const samples = [];
const started = Date.now();
for (const file of sourceFiles(join(root, 'node_modules'))) {
  if (statSync(file).size > MAX_BYTES) {
    summary.skippedLarge++;
    continue;
  }
  summary.files++;
  const language = languageOf(file);
  if (language === 'typescript') summary.typescript++;
  const text = readFileSync(file, 'utf8');
  let messages;
  try {
    // Relative, as config `files` patterns expect, and with no `node_modules` segment, which
    // ESLint's default ignores would skip.
    const filename = relative(join(root, 'node_modules'), file).replaceAll('node_modules', 'node_modules_');
    messages = linter.verify(text, config, { filename });
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
    // newer than our parser; not ours to parse.
    summary.unparsable++;
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
const verdict = judgeCrashRun(summary);

if (asJson) {
  console.log(JSON.stringify({ ...summary, verdict, samples }, null, 2));
} else {
  console.log(
    `Linted ${summary.files} files of node_modules, ${summary.typescript} of them TypeScript (${summary.parsed} parsed: ` +
      `${summary.parsedByLanguage.javascript} JavaScript, ${summary.parsedByLanguage.typescript} TypeScript; ` +
      `${summary.unparsable} did not parse, ${summary.skippedLarge} over 8 MiB skipped) in ${summary.seconds} s.`,
  );
  console.log('Findings:', Object.keys(summary.findings).length ? summary.findings : 'none');
  for (const line of samples.slice(0, show)) console.log(`  ${line}`);
  if (samples.length > show) console.log(`  … ${samples.length - show} more (--show N)`);
  console.log(`Rule crashes: ${summary.crashes.length}`);
}
for (const crash of summary.crashes) console.error(`CRASH in ${crash.file}\n${crash.error}\n`);
for (const problem of verdict.problems) console.error(`crash-test FAILED: ${problem}`);
process.exitCode = verdict.passed ? 0 : 1;
