/**
 * The plugin's `recommended` rules through oxlint's JavaScript plugins against the ESLint CLI,
 * on the same files: wall time from spawn to exit (what a developer or CI waits for), median
 * and range of `runs` runs, the two tools interleaved so that a change of load hits both.
 *
 * Two corpora, each set up as a project with its `.oxlintrc.json` and `eslint.config.mjs`:
 * the live-dashboard example (7 files, where start-up is most of the time) and the real code
 * of `lint-cost.js` (ESLint's, typescript-eslint's and Vitest's sources, copied out of
 * `node_modules`), which opens no stream, so that it is the rules' first checks that run on
 * every file. oxlint uses its default thread count (one per core); ESLint one thread. The
 * findings of both must be the same, or the run is a failed benchmark, not a figure.
 */
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { cp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { globby } from 'globby';
import { REPOSITORY_ROOT, copyExample, lintedFiles, loadBuiltPlugin, temporaryProject, writeRecommendedConfig } from '../integrations/example-workspace.js';
import { OXLINT_BIN, eslintFindings, oxlintFindings, writeOxlintConfig } from '../integrations/oxlint.js';
import { REAL_CODE } from './corpus.js';
import { spread } from './statistics.js';

const ESLINT_BIN = path.join(REPOSITORY_ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');

/** Runs a command in `cwd` and resolves with its wall time and stdout; exit 1 means "problems found". */
function timed(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code !== 0 && code !== 1) {
        reject(new Error(`${path.basename(command)} ${args[0]} exited ${code}: ${Buffer.concat(err).toString().slice(0, 2000)}`));
        return;
      }
      resolve({ ms, stdout: Buffer.concat(out).toString() });
    });
  });
}

/** The real code of `lint-cost.js`, copied into a project of its own (tools skip `node_modules`). */
async function realCodeProject() {
  const project = await temporaryProject('sse-bench-oxlint-');
  const sources = await globby(REAL_CODE, { cwd: REPOSITORY_ROOT });
  const files = sources.map((file) => path.posix.join('code', file.replace(/^node_modules\//, '')));
  await Promise.all(sources.map((file, index) => cp(path.join(REPOSITORY_ROOT, file), path.join(project.directory, files[index]))));
  await writeFile(
    path.join(project.directory, 'eslint.config.mjs'),
    `import sse from 'eslint-plugin-sse';

export default [sse.configs.recommended];
`,
  );
  return { ...project, files };
}

async function exampleProject() {
  const project = await copyExample('sse-bench-oxlint-example-');
  await writeRecommendedConfig(project.directory, []);
  return { ...project, files: await lintedFiles(project.directory) };
}

async function measureCorpus(name, label, project, rules, runs) {
  await writeOxlintConfig(project.directory, rules);
  const oxlintMs = [];
  const eslintMs = [];
  let oxlint = null;
  let eslint = null;
  for (let run = 0; run < runs; run++) {
    const ox = await timed(OXLINT_BIN, ['--format', 'json', ...project.files], project.directory);
    // Comments in these sources name rules of plugins that are not installed here: ESLint would report each.
    const es = await timed(process.execPath, [ESLINT_BIN, '--no-inline-config', '--format', 'json', ...project.files], project.directory);
    oxlintMs.push(ox.ms);
    eslintMs.push(es.ms);
    oxlint ??= await oxlintFindings(ox.stdout, project.directory);
    eslint ??= eslintFindings(JSON.parse(es.stdout), project.directory);
  }
  const same = JSON.stringify(oxlint) === JSON.stringify(eslint);
  return {
    corpus: {
      name,
      label,
      files: project.files.length,
      findings: { oxlint: oxlint.length, eslint: eslint.length },
      oxlintMs: spread(oxlintMs),
      eslintMs: spread(eslintMs),
    },
    problem: same ? null : `${name}: oxlint reported ${oxlint.length} findings, ESLint ${eslint.length}, and they differ`,
  };
}

export async function measureOxlint({ runs = 5 } = {}) {
  const plugin = await loadBuiltPlugin();
  const rules = plugin.configs.recommended.rules;
  const corpora = [];
  const problems = [];
  for (const [name, label, make] of [
    ['example', 'examples/live-dashboard', exampleProject],
    ['real-code', "ESLint's, typescript-eslint's and Vitest's sources", realCodeProject],
  ]) {
    const project = await make();
    try {
      const { corpus, problem } = await measureCorpus(name, label, project, rules, runs);
      corpora.push(corpus);
      if (problem) problems.push(problem);
    } finally {
      await project.remove();
    }
  }
  return { runs, threads: os.availableParallelism(), rules: Object.keys(rules), corpora, problems };
}

export function formatOxlint(result) {
  const lines = [`oxlint (JS plugin, ${result.threads} threads) against the ESLint CLI, recommended rules, wall time, median of ${result.runs} runs [min–max]:`];
  for (const corpus of result.corpora) {
    const { oxlintMs: ox, eslintMs: es } = corpus;
    lines.push(
      `  ${corpus.label} (${corpus.files} files, ${corpus.findings.eslint} findings): oxlint ${ox.median.toFixed(0)} ms [${ox.min.toFixed(0)}–${ox.max.toFixed(0)}], ESLint ${es.median.toFixed(0)} ms [${es.min.toFixed(0)}–${es.max.toFixed(0)}], ${(es.median / ox.median).toFixed(1)}× faster`,
    );
  }
  lines.push(result.problems.length === 0 ? '  the same findings from both' : result.problems.map((p) => `  PROBLEM: ${p}`).join('\n'));
  return lines;
}
