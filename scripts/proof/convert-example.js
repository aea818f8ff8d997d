/**
 * Page A' of the proof: the live-dashboard example converted by the codemod, not by hand.
 *
 * `convertExample()` copies `examples/live-dashboard` into a fresh temporary directory,
 * runs the built `sse-codemod --write` on the copy as a user would (a subprocess), checks
 * from its JSON report that page A's script was rewritten, type-checks the converted
 * sources, and then does the one manual step of a migration: configuring the hub's
 * endpoint at app start (without it the hub runs in dedupe mode, one connection per
 * distinct URL, which for 20 rows is still 20 connections).
 *
 * `convertMercureExample()` does the same for page M' (`examples/mercure-topics`: one
 * EventSource per row's topic of a Mercure-style hub, a server that cannot run the Node
 * multiplexer). There the step by hand comes first, as the codemod's TODO asks: the app's
 * `configureHub({ mergeTopics })`, without which the codemod leaves per-topic streams alone.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { ProofSetupError } from './chromium.js';

const REPOSITORY_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const EXAMPLE_DIR = join(REPOSITORY_ROOT, 'examples', 'live-dashboard');
export const MERCURE_EXAMPLE_DIR = join(REPOSITORY_ROOT, 'examples', 'mercure-topics');
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
const PAGE_A_SCRIPT_TAG = { pattern: /^([ \t]*)<script\b[^>]*\bsrc="\/rows-a\.js"[^>]*><\/script>/m, src: '/rows-a.js' };

/** Page M's script and page: one EventSource per row's topic. */
export const PAGE_M_SCRIPT = 'public/topic-rows.js';
const PAGE_M_HTML = 'public/topics.html';
const PAGE_M_SCRIPT_TAG = { pattern: /^([ \t]*)<script\b[^>]*\bsrc="\/topic-rows\.js"[^>]*><\/script>/m, src: '/topic-rows.js' };
/** The app's hub setup that page M' gains before the codemod runs. */
export const MERCURE_SETUP_MODULE = 'public/mercure-setup.js';
/**
 * What a developer adds when the codemod's TODO asks for `configureHub({ mergeTopics })`: every
 * row's topic on one connection to the Mercure-style hub. The rule's `url` and `param` are
 * literals, which is what the codemod looks for; `topicOf` reads the row from the update, since
 * a Mercure update does not name its topics to the subscriber.
 */
export const MERCURE_SETUP = `import { configureHub } from './sse-hub.js';

configureHub({
  mergeTopics: [
    {
      url: '/.well-known/mercure',
      param: 'topic',
      topicOf: (event) => '/rows/' + JSON.parse(event.data).row,
    },
  ],
});
`;
export const MERCURE_SETUP_SCRIPT = '<script type="module" src="/mercure-setup.js"></script>';

/**
 * @typedef {{ line: number, column: number, rule: string, action: 'rewritten' | 'skipped', reason?: string, via?: 'mergeTopics' }} CodemodSite
 * @typedef {{ path: string, status: 'changed' | 'unchanged' | 'skipped' | 'failed', sites: CodemodSite[] }} CodemodFile
 * @typedef {{ files: CodemodFile[], summary: Record<string, unknown> }} CodemodReport
 */

/**
 * @param {{ timeoutMs: number, exampleDir?: string }} options `timeoutMs` bounds the codemod run
 * @returns {Promise<{ publicDir: string, report: CodemodReport, cleanup: () => Promise<void> }>}
 */
export async function convertExample({ timeoutMs, exampleDir = EXAMPLE_DIR }) {
  return convertCopy({
    exampleDir,
    timeoutMs,
    page: PAGE_A_SCRIPT,
    // --endpoint: page A' gets configureHub({ endpoint }) below, so its per-row streams are rewritten.
    codemodArguments: ['--endpoint', '/__sse_hub'],
    typeChecked: (copyDir) => typeCheckConvertedExample(copyDir),
    after: async (copyDir) => {
      const htmlFile = join(copyDir, PAGE_A_HTML);
      await writeFile(htmlFile, configureHubEndpoint(await readFile(htmlFile, 'utf8')));
    },
  });
}

/**
 * Page M': a copy of `examples/mercure-topics` with the app's `mergeTopics` setup added and
 * loaded before page M's script, then `sse-codemod --write` as for page A', with no endpoint
 * (the server is a Mercure-style hub). Every site of page M must be rewritten because of that
 * setup (`via: 'mergeTopics'` in the report).
 * @param {{ timeoutMs: number, exampleDir?: string }} options
 * @returns {Promise<{ publicDir: string, report: CodemodReport, cleanup: () => Promise<void> }>}
 */
export async function convertMercureExample({ timeoutMs, exampleDir = MERCURE_EXAMPLE_DIR }) {
  return convertCopy({
    exampleDir,
    timeoutMs,
    page: PAGE_M_SCRIPT,
    via: 'mergeTopics',
    codemodArguments: [],
    before: async (copyDir) => {
      await writeFile(join(copyDir, MERCURE_SETUP_MODULE), MERCURE_SETUP);
      const htmlFile = join(copyDir, PAGE_M_HTML);
      await writeFile(htmlFile, insertBeforeScript(await readFile(htmlFile, 'utf8'), PAGE_M_SCRIPT_TAG, MERCURE_SETUP_SCRIPT, PAGE_M_HTML));
    },
    typeChecked: (copyDir) =>
      typeCheckFiles(copyDir, [PAGE_M_SCRIPT, MERCURE_SETUP_MODULE, HELPER_MODULE, HELPER_MODULE.replace(/\.js$/, '.d.ts')].map((file) => join(copyDir, file))),
  });
}

/**
 * Copies `exampleDir` into a fresh temporary directory, runs `before` on the copy, the codemod,
 * checks that `page` was converted and that the copy type-checks, then runs `after`. The copy is
 * removed on any failure; on success, by the returned `cleanup`.
 * @param {{
 *   exampleDir: string, timeoutMs: number, page: string, via?: 'mergeTopics', codemodArguments: string[],
 *   before?: (copyDir: string) => Promise<void>, after?: (copyDir: string) => Promise<void>,
 *   typeChecked: (copyDir: string) => string[],
 * }} conversion
 */
async function convertCopy({ exampleDir, timeoutMs, page, via, codemodArguments, before, after, typeChecked }) {
  if (!existsSync(CODEMOD_CLI)) {
    throw new ProofSetupError(`${CODEMOD_CLI} is missing: run \`npm run build\` first`);
  }
  // By its real path: the codemod reports paths relative to its working directory, as the OS names it.
  const workDir = await realpath(await mkdtemp(join(tmpdir(), 'sse-proof-codemod-')));
  const cleanup = () => rm(workDir, { recursive: true, force: true });
  try {
    const copyDir = join(workDir, basename(exampleDir));
    await cp(exampleDir, copyDir, { recursive: true });
    await before?.(copyDir);

    const report = await runCodemod(copyDir, timeoutMs, codemodArguments);
    const problems = findConversionProblems(report, copyDir, page, via);
    if (problems.length > 0) {
      throw new ProofSetupError(`sse-codemod did not convert ${page}:\n  ${problems.join('\n  ')}`);
    }
    const diagnostics = typeChecked(copyDir);
    if (diagnostics.length > 0) {
      throw new ProofSetupError(`the converted example does not type-check:\n  ${diagnostics.join('\n  ')}`);
    }
    await after?.(copyDir);
    return { publicDir: join(copyDir, 'public'), report, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/**
 * `sse-codemod <copy> --write --json --helper <copy>/public/sse-hub.js [...extra]`, run in the copy
 * (so the report's paths are relative to it). The copy is no git work tree: the codemod
 * writes with a note on stderr, which is not an error.
 * @param {string} copyDir
 * @param {number} timeoutMs
 * @param {string[]} extra
 * @returns {Promise<CodemodReport>}
 */
async function runCodemod(copyDir, timeoutMs, extra) {
  const args = [CODEMOD_CLI, copyDir, '--write', '--json', ...extra, '--helper', join(copyDir, HELPER_MODULE)];
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
 * What is wrong with the codemod's report as far as the proof is concerned: the page's script
 * must be `changed`, with at least one site and every site `rewritten` (and, with `via`, rewritten
 * for that reason). Empty when all is well.
 * @param {CodemodReport} report
 * @param {string} copyDir the directory the codemod ran in (its report's paths are relative to it)
 * @param {string} [page] the script that must be converted, relative to the copy
 * @param {'mergeTopics'} [via] why each site must have been rewritten
 * @returns {string[]}
 */
export function findConversionProblems(report, copyDir, page = PAGE_A_SCRIPT, via = undefined) {
  const wanted = resolve(copyDir, page);
  const entry = report.files?.find((file) => resolve(copyDir, file.path) === wanted);
  if (!entry) return [`${page} is not in the report`];
  const problems = [];
  if (entry.status !== 'changed') problems.push(`${page} is ${entry.status}, not changed`);
  if (entry.sites.length === 0) problems.push(`${page} has no site`);
  for (const site of entry.sites) {
    const where = `${page}:${site.line}:${site.column} (${site.rule})`;
    if (site.action !== 'rewritten') {
      const reason = site.reason ? `: ${site.reason}` : '';
      problems.push(`${where} was ${site.action}${reason}`);
    } else if (via !== undefined && site.via !== via) {
      problems.push(`${where} was rewritten ${site.via ? `via ${site.via}` : 'without'} rather than via ${via}`);
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
  return typeCheckFiles(copyDir, [
    ...sources,
    join(copyDir, PAGE_A_SCRIPT),
    join(copyDir, HELPER_MODULE),
    join(copyDir, HELPER_MODULE.replace(/\.js$/, '.d.ts')),
  ]);
}

/**
 * Type-checks `files` of a converted copy with the ambient declarations, under COMPILER_OPTIONS.
 * @param {string} copyDir
 * @param {string[]} files
 * @returns {string[]} one line per diagnostic; empty when clean
 */
export function typeCheckFiles(copyDir, files) {
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
  return insertBeforeScript(html, PAGE_A_SCRIPT_TAG, CONFIGURE_HUB_SCRIPT, PAGE_A_HTML);
}

/**
 * `html` with `script` on its own line just above the page's script tag, at its indentation.
 * @param {string} html
 * @param {{ pattern: RegExp, src: string }} tag the page script's tag, and its `src` to name it by
 * @param {string} script
 * @param {string} page the HTML file, for the error
 */
function insertBeforeScript(html, tag, script, page) {
  const match = tag.pattern.exec(html);
  if (!match) throw new ProofSetupError(`${page} has no <script src="${tag.src}"> tag to configure the hub before`);
  const indent = match[1] ?? '';
  return `${html.slice(0, match.index)}${indent}${script}\n${html.slice(match.index)}`;
}
