#!/usr/bin/env node
/**
 * The real-world audit (docs/real-world.md): runs the plugin's `recommended` config, as built in
 * dist/, over the client code of public repositories, joins every finding with a human verdict
 * from docs/real-world/labels.json, and writes the page with precision and recall per rule.
 * It doubles as a crash run over those repositories: an ESLint exception, or a fatal message
 * that is not a parse error of the repository's own syntax, is a crash.
 *
 * Not part of CI (CI has no network and no snapshots). The repositories' code is never kept in
 * this project: the labels file holds names, commits, paths, lines and our own one-line verdicts.
 *
 *   SSE_AUDIT_MIRRORS=/work/.mirror SSE_AUDIT_SNAPSHOTS=/tmp/sse-audit node scripts/real-world-audit.js --export
 *       writes each repository of the labels file, at its commit, from the bare git dir
 *       $SSE_AUDIT_MIRRORS/<owner>+<name>/repo into $SSE_AUDIT_SNAPSHOTS/<owner>+<name>/: only
 *       js/jsx/ts/tsx/mjs/cjs/mts/cts/vue/svelte files, without node_modules, dist, build, vendor,
 *       minified or oversized (generated) files. Names after --export limit it to those repositories.
 *   SSE_AUDIT_SNAPSHOTS=/tmp/sse-audit node scripts/real-world-audit.js [--cached] [--check] [--findings]
 *       lints the snapshots and writes docs/real-world.md; exits 1 when a finding has no label, a
 *       label matches no finding, or a rule crashed. Each run keeps its lint results in
 *       $SSE_AUDIT_SNAPSHOTS/.lint-results.json; --cached joins those with the labels again
 *       without linting (labelling is iterative, and a lint of every file takes minutes).
 *       --check compares with the committed page instead of writing it. --findings prints every
 *       finding as JSON lines (for labelling). --baseline writes this run's figures per rule to
 *       docs/real-world/baseline.json, which later runs show as "before" beside their own; run it
 *       once (with --cached, on the results of the build the baseline stands for).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import * as svelteParser from 'svelte-eslint-parser';
import * as vueParser from 'vue-eslint-parser';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { mentionsStream } from '../dist/src/analysis/stream-mentions.js';
import { streamOpeningsByUrl } from '../dist/src/analysis/stream-openings-by-url.js';
import { possibleUrlKeys } from '../dist/src/analysis/typed/possible-url-keys.js';
import { programSourceCode } from '../dist/src/analysis/typed/program-source-code.js';
import sse from '../dist/src/index.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const labelsPath = join(root, 'docs/real-world/labels.json');
const baselinePath = join(root, 'docs/real-world/baseline.json');
const pagePath = join(root, 'docs/real-world.md');
const args = process.argv.slice(2);

const SOURCE = /\.(?:[cm]?[jt]sx?|vue|svelte)$/;
const SKIPPED_DIRECTORY = /(?:^|\/)(?:node_modules|dist|build|vendor|vendors|bower_components|\.next|\.nuxt|\.svelte-kit|coverage|out)\//;
const MINIFIED = /[.-]min\.[cm]?js$|\.bundle\.js$|\.chunk\.js$/;
const GENERATED_BYTES = 400_000; // larger sources are bundles or generated tables, not client code anyone wrote

const labels = JSON.parse(readFileSync(labelsPath, 'utf8'));
const RULES = Object.keys(sse.configs.recommended.rules).map((name) => name.replace(/^sse\//, '')).sort();

if (args.includes('--export')) exportSnapshots();
else await audit();

function snapshotsFolder() {
  const folder = process.env.SSE_AUDIT_SNAPSHOTS;
  if (!folder) {
    console.error('Set SSE_AUDIT_SNAPSHOTS to the folder that holds (or will hold) <owner>+<name>/ work trees.');
    process.exit(2);
  }
  return folder;
}

function exportSnapshots() {
  const mirrors = process.env.SSE_AUDIT_MIRRORS ?? '/work/.mirror';
  const into = snapshotsFolder();
  const only = args.filter((arg) => !arg.startsWith('--'));
  for (const { repository, commit } of labels.repositories) {
    if (only.length > 0 && !only.includes(repository)) continue;
    const name = repository.replace('/', '+');
    const gitDir = [join(mirrors, name, 'repo'), join(mirrors, name, 'repo/.git')].find((dir) => existsSync(join(dir, 'HEAD')));
    if (!gitDir) {
      console.error(`${repository}: no mirror under ${mirrors}/${name}`);
      continue;
    }
    const git = (gitArgs, input) =>
      execFileSync('git', ['--git-dir', gitDir, ...gitArgs], { input, maxBuffer: 1 << 30 });
    const tree = git(['ls-tree', '-r', '-l', '-z', commit]).toString('utf8').split('\0').filter(Boolean);
    const wanted = [];
    for (const entry of tree) {
      const [meta, path] = entry.split('\t');
      const [, type, sha, size] = meta.split(/\s+/);
      if (type !== 'blob' || !SOURCE.test(path) || SKIPPED_DIRECTORY.test(path) || MINIFIED.test(path)) continue;
      if (Number(size) > GENERATED_BYTES) continue;
      wanted.push({ path, sha });
    }
    const target = join(into, name);
    rmSync(target, { recursive: true, force: true });
    // One `cat-file --batch` per repository: "<sha> blob <size>\n<content>\n" for each object.
    const output = git(['cat-file', '--batch'], wanted.map((file) => file.sha).join('\n') + '\n');
    let offset = 0;
    for (const file of wanted) {
      const headerEnd = output.indexOf(10, offset);
      const size = Number(output.subarray(offset, headerEnd).toString().split(' ')[2]);
      const content = output.subarray(headerEnd + 1, headerEnd + 1 + size);
      offset = headerEnd + 1 + size + 1;
      mkdirSync(dirname(join(target, file.path)), { recursive: true });
      writeFileSync(join(target, file.path), content);
    }
    console.log(`${repository}@${commit.slice(0, 12)}: ${wanted.length} files`);
  }
}

function* sourceFiles(directory, base = directory) {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path, base);
    else if (entry.isFile() && SOURCE.test(entry.name)) yield relative(base, path);
  }
}

function eslintFor(cwd) {
  const rules = sse.configs.recommended.rules;
  return new ESLint({
    cwd,
    overrideConfigFile: true,
    ignore: false,
    overrideConfig: [
      {
        ...sse.configs.recommended,
        linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true },
        languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
      },
      { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
      { files: ['**/*.ts', '**/*.mts', '**/*.cts'], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: false } } } },
      { files: ['**/*.tsx'], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } },
      { files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'], rules },
      // Single-file components through their own parsers, as sse.configs.vue / .svelte run
      // after eslint-plugin-vue's or -svelte's config: templates and lifecycle hooks included.
      { files: ['**/*.vue'], languageOptions: { parser: vueParser, parserOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' } } },
      { files: ['**/*.svelte'], languageOptions: { parser: svelteParser, parserOptions: { parser: tsParser } } },
      { ...sse.configs.vue, linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true } },
      { ...sse.configs.svelte, files: ['**/*.svelte'], linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true } },
    ],
  });
}

async function lintRepository(repository) {
  const cwd = join(snapshotsFolder(), repository.replace('/', '+'));
  const result = { files: 0, parseErrors: 0, findings: [], crashes: [] };
  if (!existsSync(cwd)) {
    result.missing = true;
    return result;
  }
  result.urlKeys = checkUrlKeys(cwd);
  const eslint = eslintFor(cwd);
  for (const file of sourceFiles(cwd)) {
    const absolute = join(cwd, file);
    if (statSync(absolute).size > GENERATED_BYTES) continue;
    const text = readFileSync(absolute, 'utf8');
    const filePath = absolute;
    if (/\.(?:vue|svelte)$/.test(file) && !/<script\b/.test(text)) continue;
    result.files += 1;
    let messages;
    try {
      [{ messages }] = await eslint.lintText(text, { filePath });
    } catch (error) {
      result.crashes.push({ file, error: String(error?.stack ?? error).split('\n').slice(0, 3).join(' | ') });
      continue;
    }
    for (const message of messages) {
      if (message.fatal) {
        if (/^Parsing error/.test(message.message)) result.parseErrors += 1;
        else result.crashes.push({ file, error: message.message });
        continue;
      }
      if (!message.ruleId?.startsWith('sse/')) continue;
      result.findings.push({ file, line: message.line, rule: message.ruleId.slice(4), message: message.message });
    }
  }
  return result;
}

/**
 * Checks, on every JavaScript and TypeScript file of the repository that mentions a stream, that
 * the URL keys type-aware mode reads from TypeScript's tree (`possibleUrlKeys`, which decides
 * which files the program index converts) include every key the converted file's openings have:
 * a key left out would hide a duplicate stream. Each file is its own program, imports unresolved.
 */
function checkUrlKeys(cwd) {
  const result = { files: 0, answered: 0, leftOut: [] };
  for (const file of sourceFiles(cwd)) {
    const absolute = join(cwd, file);
    if (/\.(?:vue|svelte)$/.test(file) || statSync(absolute).size > GENERATED_BYTES) continue;
    if (!mentionsStream(readFileSync(absolute, 'utf8'), [])) continue;
    const program = ts.createProgram([absolute], { noResolve: true, noLib: true, allowJs: true, jsx: ts.JsxEmit.Preserve, types: [] });
    const source = program.getSourceFile(absolute);
    const sourceCode = source && programSourceCode(program, source, { keep: false });
    if (!sourceCode) continue;
    result.files += 1;
    const keys = possibleUrlKeys(ts, program.getTypeChecker(), source, []);
    if (keys === null) continue;
    result.answered += 1;
    const found = [...streamOpeningsByUrl(sourceCode, { wrappers: [], fileName: absolute }).keys()];
    for (const key of found) if (!keys.has(key)) result.leftOut.push({ file, key });
  }
  return result;
}

/** Which plugin the findings come from: the project's commit and the newest file of dist/ (dist is rebuilt as people work). */
function pluginStamp() {
  let newest = 0;
  const walk = (directory) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(join(root, 'dist'));
  const commit = execFileSync('git', ['-C', root, 'rev-parse', 'HEAD']).toString().trim();
  return { commit, builtAt: new Date(newest).toISOString().replace(/\.\d+Z$/, 'Z') };
}

function keyOf(repository, file, line, rule) {
  return `${repository}|${file}|${line}|${rule}`;
}

function oneLine(text) {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}

function ratio(numerator, denominator) {
  return denominator === 0 ? '—' : `${((100 * numerator) / denominator).toFixed(0)}% (${numerator}/${denominator})`;
}

async function audit() {
  const verdicts = new Map(labels.findings.map((label) => [keyOf(label.repository, label.file, label.line, label.rule), label]));
  const used = new Set();
  const perRule = Object.fromEntries(RULES.map((rule) => [rule, { findings: 0, tp: 0, fp: 0, misses: 0 }]));
  const unlabelled = [];
  const sections = [];
  const repositoryRows = [];
  let crashCount = 0;
  let fileCount = 0;
  const crashLines = [];
  const urlKeys = { files: 0, answered: 0, leftOut: [] };

  const cachePath = join(snapshotsFolder(), '.lint-results.json');
  const cache = args.includes('--cached') ? JSON.parse(readFileSync(cachePath, 'utf8')) : { plugin: pluginStamp(), repositories: {} };
  const cached = cache.repositories;
  const results = {};
  for (const { repository, commit, what } of labels.repositories) {
    const result = cached[repository] ?? (await lintRepository(repository));
    results[repository] = result;
    if (result.missing) {
      console.error(`${repository}: no snapshot in ${snapshotsFolder()}; run with --export first`);
      process.exitCode = 1;
    }
    fileCount += result.files;
    crashCount += result.crashes.length;
    urlKeys.files += result.urlKeys?.files ?? 0;
    urlKeys.answered += result.urlKeys?.answered ?? 0;
    for (const { file, key } of result.urlKeys?.leftOut ?? []) urlKeys.leftOut.push(`- ${repository} \`${file}\`: \`${key}\``);
    for (const crash of result.crashes) crashLines.push(`- ${repository} \`${crash.file}\`: ${oneLine(crash.error)}`);
    repositoryRows.push(
      `| [${repository}](https://github.com/${repository}/tree/${commit}) | \`${commit.slice(0, 12)}\` | ${what} | ${result.files} | ${result.parseErrors} | ${result.findings.length} |`,
    );
    if (args.includes('--findings')) for (const finding of result.findings) console.log(JSON.stringify({ repository, commit, ...finding }));

    const lines = [];
    for (const finding of result.findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule))) {
      const key = keyOf(repository, finding.file, finding.line, finding.rule);
      const label = verdicts.get(key);
      perRule[finding.rule].findings += 1;
      if (!label || label.commit !== commit) {
        unlabelled.push(`${key} — ${finding.message}`);
        lines.push(`- **unlabelled** \`${finding.file}:${finding.line}\` ${finding.rule}: ${oneLine(finding.message)}`);
        continue;
      }
      used.add(key);
      if (label.verdict === true) perRule[finding.rule].tp += 1;
      else perRule[finding.rule].fp += 1;
      lines.push(`- ${label.verdict ? '✅ true' : '❌ false'} \`${finding.file}:${finding.line}\` ${finding.rule}: ${oneLine(label.reason)}`);
    }
    const misses = labels.misses.filter((miss) => miss.repository === repository);
    for (const miss of misses) {
      perRule[miss.rule].misses += 1;
      lines.push(`- 🕳️ miss \`${miss.file}:${miss.line}\` ${miss.rule}: ${oneLine(miss.reason)}`);
    }
    if (lines.length > 0) sections.push(`### ${repository}\n\n${lines.join('\n')}`);
  }

  writeFileSync(cachePath, JSON.stringify({ plugin: cache.plugin, repositories: results }));
  const stale = [...verdicts.keys()].filter((key) => !used.has(key));
  if (args.includes('--baseline')) {
    writeFileSync(baselinePath, `${JSON.stringify({ plugin: cache.plugin, rules: perRule }, null, 2)}\n`);
  }
  const baseline = existsSync(baselinePath) ? JSON.parse(readFileSync(baselinePath, 'utf8')) : null;
  // `before → after` where the baseline's figure differs; the figure alone where it does not.
  const versus = (before, after) => (before === undefined || before === after ? after : `${before} → ${after}`);
  const ruleRows = RULES.map((rule) => {
    const { findings, tp, fp, misses } = perRule[rule];
    const old = baseline?.rules[rule];
    const cells = [
      versus(old?.findings, findings),
      versus(old?.tp, tp),
      versus(old?.fp, fp),
      versus(old?.misses, misses),
      versus(old && ratio(old.tp, old.tp + old.fp), ratio(tp, tp + fp)),
      versus(old && ratio(old.tp, old.tp + old.misses), ratio(tp, tp + misses)),
    ];
    return `| \`sse/${rule}\` | ${cells.join(' | ')} |`;
  });
  const baselineNote = baseline
    ? ` Where a figure changed since the baseline (the build of ${baseline.plugin.builtAt}, on commit \`${baseline.plugin.commit.slice(0, 12)}\`, kept in \`docs/real-world/baseline.json\`), the cell reads before → after.`
    : '';

  const page = `# Real-world audit

<!-- Generated by scripts/real-world-audit.js from docs/real-world/labels.json; do not edit by hand. -->

The plugin's \`recommended\` config (the built \`dist/\` of ${cache.plugin.builtAt}, on commit \`${cache.plugin.commit.slice(0, 12)}\` of this project plus the work in progress built with it) run over the client code of ${labels.repositories.length} public repositories, each at the commit below; \`.vue\` and \`.svelte\` files through \`vue-eslint-parser\` and \`svelte-eslint-parser\` with \`sse.configs.vue\` and \`sse.configs.svelte\`, templates and lifecycle hooks included. Every finding is judged by reading the code around it: **true** when the rule's own doc describes what is there (the number of open streams grows with items, instances or keys; several consumers hold the same URL open; a reconnect with no bound; a stream never closed), **false** otherwise. **Misses** are places where, reading the repository's stream code ourselves, a rule should have reported by its own doc and did not. The repositories' code is not kept here: only paths, lines and our own one-line reasons.

Regenerate: \`SSE_AUDIT_SNAPSHOTS=/tmp/sse-audit node scripts/real-world-audit.js --export\` (from the mirrors in \`SSE_AUDIT_MIRRORS\`), then the same without \`--export\` (it keeps the lint results in the snapshots folder; \`--cached\` joins them with the labels again without linting, \`--check\` compares with this page). A finding without a label, or a label without its finding, makes the script fail.

## Per rule

Precision = true / (true + false); recall = true / (true + misses). Recall counts only the misses we found by reading, so it is an upper bound.${baselineNote}

| rule | findings | true | false | misses | precision | recall |
| --- | --- | --- | --- | --- | --- | --- |
${ruleRows.join('\n')}

Files linted: ${fileCount}. Crashes: ${crashCount}.${crashLines.length > 0 ? `\n\n${crashLines.join('\n')}` : ''}

URL keys read from TypeScript's tree (type-aware \`no-duplicate-stream\` converts only the files whose keys may match): of ${urlKeys.files} JavaScript and TypeScript files that mention a stream, ${urlKeys.answered} were answered from the tree, the rest left to conversion; answers that left out a key the converted file has: ${urlKeys.leftOut.length}.${urlKeys.leftOut.length > 0 ? `\n\n${urlKeys.leftOut.join('\n')}` : ''}

## Repositories

| repository | commit | what it is | files linted | parse errors (own syntax) | findings |
| --- | --- | --- | --- | --- | --- |
${repositoryRows.join('\n')}

## Findings and misses

${sections.join('\n\n')}
${(labels.notes ?? []).length > 0 ? `\n## Notes\n\n${labels.notes.map((note) => `- ${note}`).join('\n')}\n` : ''}`;

  if (unlabelled.length > 0) {
    console.error(`${unlabelled.length} finding(s) without a label:\n${unlabelled.join('\n')}`);
    process.exitCode = 1;
  }
  if (stale.length > 0) {
    console.error(`${stale.length} label(s) match no finding (the rules changed, or the label is wrong):\n${stale.join('\n')}`);
    process.exitCode = 1;
  }
  if (crashCount > 0 || urlKeys.leftOut.length > 0) process.exitCode = 1;
  if (args.includes('--check')) {
    const committed = existsSync(pagePath) ? readFileSync(pagePath, 'utf8') : '';
    if (committed !== page) {
      console.error('docs/real-world.md is out of date: run scripts/real-world-audit.js');
      process.exitCode = 1;
    }
  } else {
    writeFileSync(pagePath, page);
  }
  console.log(`${labels.repositories.length} repositories, ${fileCount} files, ${crashCount} crashes, ${unlabelled.length} unlabelled`);
}
