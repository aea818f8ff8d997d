/**
 * Page A' of the proof: the live-dashboard example converted by the codemod, not by hand.
 *
 * `convertExample()` copies `examples/live-dashboard` into a fresh temporary directory,
 * runs the built `sse-codemod --write` on the copy as a user would (a subprocess), checks
 * from its JSON report that page A's script was rewritten, type-checks the converted
 * sources, and then does the one manual step of a migration: configuring the hub's
 * endpoint at app start (without it the hub runs in dedupe mode, one connection per
 * distinct URL, which for 20 rows is still 20 connections).
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { ProofSetupError } from './chromium.js';

const REPOSITORY_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const EXAMPLE_DIR = join(REPOSITORY_ROOT, 'examples', 'live-dashboard');
export const CODEMOD_CLI = join(REPOSITORY_ROOT, 'packages', 'sse-codemod', 'dist', 'cli.js');
/** Ambient declarations for `react` and the stream libraries the example's sources import (read only). */
const AMBIENT_DECLARATIONS = join(REPOSITORY_ROOT, 'packages', 'sse-codemod', 'tests', 'fixtures', 'env.d.ts');

/** Page A's script, relative to the example's root: the file the proof needs rewritten. */
export const PAGE_A_SCRIPT = 'public/rows-a.js';
/** Where the hub module goes: inside `public/`, because the page can only load what the server serves. */
export const HELPER_MODULE = 'public/sse-hub.js';
const PAGE_A_HTML = 'public/page-a.html';
const SOURCE_EXTENSIONS = new Set(['.ts', '.tsx', '.jsx']);

/**
 * The endpoint the example server mounts its multiplexer at. Module scripts run in
 * document order and share one instance of `/sse-hub.js`, so this runs before page A's
 * script subscribes anything.
 */
export const CONFIGURE_HUB_SCRIPT =
  "<script type=\"module\">import { configureHub } from '/sse-hub.js'; configureHub({ endpoint: '/__sse_hub' });</script>";
const PAGE_A_SCRIPT_TAG = /^([ \t]*)<script\b[^>]*\bsrc="\/rows-a\.js"[^>]*><\/script>/m;

/**
 * @typedef {{ line: number, column: number, rule: string, action: 'rewritten' | 'skipped', reason?: string }} CodemodSite
 * @typedef {{ path: string, status: 'changed' | 'unchanged' | 'skipped' | 'failed', sites: CodemodSite[] }} CodemodFile
 * @typedef {{ files: CodemodFile[], summary: Record<string, unknown> }} CodemodReport
 */

/**
 * @param {{ timeoutMs: number, exampleDir?: string }} options `timeoutMs` bounds the codemod run
 * @returns {Promise<{ publicDir: string, report: CodemodReport, cleanup: () => Promise<void> }>}
 */
export async function convertExample({ timeoutMs, exampleDir = EXAMPLE_DIR }) {
  if (!existsSync(CODEMOD_CLI)) {
    throw new ProofSetupError(`${CODEMOD_CLI} is missing: run \`npm run build\` first`);
  }
  // By its real path: the codemod reports paths relative to its working directory, as the OS names it.
  const workDir = await realpath(await mkdtemp(join(tmpdir(), 'sse-proof-codemod-')));
  const cleanup = () => rm(workDir, { recursive: true, force: true });
  try {
    const copyDir = join(workDir, 'live-dashboard');
    await cp(exampleDir, copyDir, { recursive: true });

    const report = await runCodemod(copyDir, timeoutMs);
    const problems = findConversionProblems(report, copyDir);
    if (problems.length > 0) {
      throw new ProofSetupError(`sse-codemod did not convert page A:\n  ${problems.join('\n  ')}`);
    }
    const diagnostics = typeCheckConvertedExample(copyDir);
    if (diagnostics.length > 0) {
      throw new ProofSetupError(`the converted example does not type-check:\n  ${diagnostics.join('\n  ')}`);
    }
    const htmlFile = join(copyDir, PAGE_A_HTML);
    await writeFile(htmlFile, configureHubEndpoint(await readFile(htmlFile, 'utf8')));
    return { publicDir: join(copyDir, 'public'), report, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/**
 * `sse-codemod <copy> --write --json --endpoint /__sse_hub --helper <copy>/public/sse-hub.js`, run in the copy
 * (so the report's paths are relative to it). The copy is no git work tree: the codemod
 * writes with a note on stderr, which is not an error.
 * @param {string} copyDir
 * @param {number} timeoutMs
 * @returns {Promise<CodemodReport>}
 */
async function runCodemod(copyDir, timeoutMs) {
  // --endpoint: page A' gets configureHub({ endpoint }) below, so its per-row streams are rewritten.
  const args = [CODEMOD_CLI, copyDir, '--write', '--json', '--endpoint', '/__sse_hub', '--helper', join(copyDir, HELPER_MODULE)];
  const { code, signal, stdout, stderr } = await new Promise((resolveRun) => {
    execFile(process.execPath, args, { cwd: copyDir, encoding: 'utf8', timeout: timeoutMs }, (error, out, err) => {
      resolveRun({
        code: error ? (typeof error.code === 'number' ? error.code : null) : 0,
        signal: error?.signal ?? null,
        stdout: out,
        stderr: err,
      });
    });
  });
  const command = `sse-codemod ${args.slice(1).join(' ')}`;
  if (signal !== null) {
    throw new ProofSetupError(`\`${command}\` was stopped (${signal}); the bound is ${timeoutMs} ms`);
  }
  if (code !== 0) {
    throw new ProofSetupError(`\`${command}\` exited with ${code ?? 'an error'}:\n${stderr.trim() || stdout.trim()}`);
  }
  try {
    return JSON.parse(stdout);
  } catch {
    throw new ProofSetupError(`\`${command}\` printed no JSON report:\n${stdout.trim()}`);
  }
}

/**
 * What is wrong with the codemod's report as far as the proof is concerned: page A's script
 * must be `changed`, with at least one site and every site `rewritten`. Empty when all is well.
 * @param {CodemodReport} report
 * @param {string} copyDir the directory the codemod ran in (its report's paths are relative to it)
 * @returns {string[]}
 */
export function findConversionProblems(report, copyDir) {
  const wanted = resolve(copyDir, PAGE_A_SCRIPT);
  const entry = report.files?.find((file) => resolve(copyDir, file.path) === wanted);
  if (!entry) return [`${PAGE_A_SCRIPT} is not in the report`];
  const problems = [];
  if (entry.status !== 'changed') problems.push(`${PAGE_A_SCRIPT} is ${entry.status}, not changed`);
  if (entry.sites.length === 0) problems.push(`${PAGE_A_SCRIPT} has no site`);
  for (const site of entry.sites) {
    if (site.action !== 'rewritten') {
      const reason = site.reason ? `: ${site.reason}` : '';
      problems.push(`${PAGE_A_SCRIPT}:${site.line}:${site.column} (${site.rule}) was ${site.action}${reason}`);
    }
  }
  return problems;
}

/**
 * The settings of a strict browser project. JavaScript files are parsed but not type-checked
 * (`checkJs: false`): the example's plain JS reads DOM elements without null checks, which
 * is the example's style and not the codemod's business. What the check proves is that the
 * TypeScript sources still type-check against the emitted hub's declarations, and that
 * every rewritten file still parses.
 * @type {import('typescript').CompilerOptions}
 */
const COMPILER_OPTIONS = {
  strict: true,
  allowJs: true,
  checkJs: false,
  noEmit: true,
  jsx: ts.JsxEmit.Preserve,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.dom.d.ts', 'lib.es2022.d.ts'],
  skipLibCheck: false,
  // Browser code: no `@types/*` from this repository's node_modules may leak into the check.
  types: [],
};

/**
 * Type-checks the converted copy: its `src/*.ts`, `.tsx` and `.jsx`, page A's script, and
 * the hub module the codemod emitted with its declarations.
 * @param {string} copyDir
 * @returns {string[]} one line per diagnostic (`path:line:column TSxxxx message`); empty when clean
 */
export function typeCheckConvertedExample(copyDir) {
  const sources = readdirSync(join(copyDir, 'src'))
    .filter((name) => SOURCE_EXTENSIONS.has(extname(name)))
    .sort()
    .map((name) => join(copyDir, 'src', name));
  const files = [
    ...sources,
    join(copyDir, PAGE_A_SCRIPT),
    join(copyDir, HELPER_MODULE),
    join(copyDir, HELPER_MODULE.replace(/\.js$/, '.d.ts')),
  ];
  const program = ts.createProgram({ rootNames: [AMBIENT_DECLARATIONS, ...files], options: COMPILER_OPTIONS });
  // A file the program left out was never checked; say so rather than pass in silence.
  const leftOut = files.filter((file) => !program.getSourceFile(file)).map((file) => `${relative(copyDir, file)} was not checked`);
  return [...leftOut, ...ts.getPreEmitDiagnostics(program).map((diagnostic) => formatDiagnostic(diagnostic, copyDir))];
}

/** @param {import('typescript').Diagnostic} diagnostic @param {string} root */
function formatDiagnostic(diagnostic, root) {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n    ');
  if (!diagnostic.file || diagnostic.start === undefined) return `TS${diagnostic.code} ${message}`;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${relative(root, diagnostic.file.fileName)}:${line + 1}:${character + 1} TS${diagnostic.code} ${message}`;
}

/**
 * Page A's HTML with the hub configured before its script runs: `CONFIGURE_HUB_SCRIPT` on
 * its own line just above the `rows-a.js` script tag, at the same indentation.
 * @param {string} html
 * @returns {string}
 */
export function configureHubEndpoint(html) {
  const match = PAGE_A_SCRIPT_TAG.exec(html);
  if (!match) throw new ProofSetupError(`${PAGE_A_HTML} has no <script src="/rows-a.js"> tag to configure the hub before`);
  const indent = match[1] ?? '';
  return `${html.slice(0, match.index)}${indent}${CONFIGURE_HUB_SCRIPT}\n${html.slice(match.index)}`;
}
