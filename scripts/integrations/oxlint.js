/**
 * The plugin's rules through oxlint's JavaScript plugins (`jsPlugins` in `.oxlintrc.json`),
 * and the findings of oxlint and of ESLint in one shape, so that the two can be compared
 * finding by finding: rule, file, start and end, message.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { REPOSITORY_ROOT } from './example-workspace.js';

export const OXLINT_BIN = path.join(REPOSITORY_ROOT, 'node_modules', '.bin', 'oxlint');

/**
 * @typedef {{ rule: string | null, file: string, line: number, column: number, endLine: number, endColumn: number, message: string }} Finding
 * `rule` is null for a parse error; `file` is relative to the linted directory, with `/`.
 */

/**
 * The `.oxlintrc.json` a user writes: the plugin by its package name, the given rules, and
 * oxlint's own default rules (its `correctness` category) off, so that only ours report.
 * @param {Record<string, unknown>} rules
 */
export function oxlintConfig(rules) {
  return {
    $schema: './node_modules/oxlint/configuration_schema.json',
    jsPlugins: ['eslint-plugin-sse'],
    categories: { correctness: 'off' },
    rules,
  };
}

/** Writes `.oxlintrc.json` into `directory`, where oxlint finds it and resolves `jsPlugins` from. */
export async function writeOxlintConfig(directory, rules) {
  const file = path.join(directory, '.oxlintrc.json');
  await writeFile(file, `${JSON.stringify(oxlintConfig(rules), null, 2)}\n`);
  return file;
}

/** `line:column` (both 1-based, columns in UTF-16 units as ESLint counts them) of a UTF-8 byte offset. */
function positionOfByte(bytes, offset) {
  const before = bytes.subarray(0, offset).toString('utf8');
  const lines = before.split(/\r\n|[\r\n\u2028\u2029]/);
  return { line: lines.length, column: lines.at(-1).length + 1 };
}

/**
 * Runs the oxlint binary over `files` (relative to `cwd`) with `--format json`.
 * @param {{ cwd: string, files: string[], args?: string[] }} options
 * @returns {Promise<{ stdout: string, exitCode: number }>}
 */
export function runOxlint({ cwd, files, args = [] }) {
  return new Promise((resolve, reject) => {
    execFile(OXLINT_BIN, ['--format', 'json', ...args, ...files], { cwd, maxBuffer: 256 * 2 ** 20 }, (error, stdout, stderr) => {
      // 1 means "found problems"; anything else is oxlint failing.
      const exitCode = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      if (exitCode !== 0 && exitCode !== 1) {
        reject(new Error(`oxlint exited with ${String(error?.code ?? error?.signal)}: ${stderr || stdout}`));
        return;
      }
      resolve({ stdout, exitCode });
    });
  });
}

/**
 * oxlint's JSON report as findings. oxlint gives the start as line and column, and the span as
 * UTF-8 byte offset and length, from which the end is computed in ESLint's terms.
 * @param {string} stdout
 * @param {string} cwd
 * @returns {Promise<Finding[]>}
 */
export async function oxlintFindings(stdout, cwd) {
  const report = JSON.parse(stdout);
  const texts = new Map();
  const findings = [];
  for (const diagnostic of report.diagnostics) {
    const file = diagnostic.filename.split(path.sep).join('/');
    if (!texts.has(file)) texts.set(file, await readFile(path.join(cwd, file)));
    const bytes = texts.get(file);
    const span = diagnostic.labels?.[0]?.span;
    const end = span ? positionOfByte(bytes, span.offset + span.length) : { line: 0, column: 0 };
    // `sse(no-eventsource-in-loop)` → `sse/no-eventsource-in-loop`
    const rule = diagnostic.code ? diagnostic.code.replace(/^(.+)\((.+)\)$/, '$1/$2') : null;
    findings.push({
      rule,
      file,
      line: span?.line ?? 0,
      column: span?.column ?? 0,
      endLine: end.line,
      endColumn: end.column,
      message: diagnostic.message,
    });
  }
  return sortFindings(findings);
}

/**
 * ESLint's results as findings.
 * @param {import('eslint').ESLint.LintResult[]} results
 * @param {string} cwd
 * @returns {Finding[]}
 */
export function eslintFindings(results, cwd) {
  return sortFindings(
    results.flatMap((result) =>
      result.messages.map((message) => ({
        rule: message.ruleId,
        file: path.relative(cwd, result.filePath).split(path.sep).join('/'),
        line: message.line,
        column: message.column,
        endLine: message.endLine ?? message.line,
        endColumn: message.endColumn ?? message.column,
        message: message.message,
      })),
    ),
  );
}

/** By file, then position, then rule: the order of a report, whichever tool wrote it. */
export function sortFindings(findings) {
  const key = (f) => [f.file, String(f.line).padStart(6, '0'), String(f.column).padStart(6, '0'), f.rule ?? ''].join('\0');
  return findings.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
