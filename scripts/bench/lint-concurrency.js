/**
 * The whole lint run through ESLint's own CLI with `--concurrency off`, `auto` and an explicit
 * thread count: wall time from spawn to exit (what CI waits for), and the findings of each
 * mode, which must be identical — the rules keep per-file state only in WeakMaps keyed by the
 * file's SourceCode, so worker threads must not change a single message.
 *
 * ESLint's `auto` starts no worker unless half the machine's cores exceed one (see
 * `calculateWorkerCount` in ESLint), so on a 2-core machine it equals `off`; the explicit
 * count shows the rules running in worker threads.
 *
 * The corpus is the real code of `lint-cost.js` plus dense generated files (`dense-code.js`),
 * so that there are findings to compare. The config is a file, as worker threads need
 * (options given as objects cannot be cloned into them).
 */
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { denseFile } from './dense-code.js';
import { REAL_CODE } from './corpus.js';
import { spread } from './statistics.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const ESLINT_BIN = path.join(root, 'node_modules/eslint/bin/eslint.js');
const PLUGIN = new URL('../../dist/src/index.js', import.meta.url).href;
/** Inside node_modules/.cache, where tools keep scratch files, so the project tree stays clean. */
const SCRATCH = path.join(root, 'node_modules/.cache/eslint-plugin-sse-bench');
export const DENSE_FILES = 24;

function writeCorpus() {
  rmSync(SCRATCH, { recursive: true, force: true });
  mkdirSync(path.join(SCRATCH, 'dense'), { recursive: true });
  for (let index = 0; index < DENSE_FILES; index++) {
    writeFileSync(path.join(SCRATCH, 'dense', `dense-${index}.jsx`), denseFile(1, { seed: 100 + index }));
  }
  const config = path.join(SCRATCH, 'eslint.config.mjs');
  writeFileSync(
    config,
    `import plugin from ${JSON.stringify(PLUGIN)};
export default [
  { ignores: ['!**/node_modules/'] },
  {
    files: ['**/*.js', '**/*.jsx'],
    plugins: { sse: plugin },
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true },
    rules: { ...plugin.configs.all.rules, 'no-await-in-loop': 'error' },
  },
];
`,
  );
  return { config, patterns: [...REAL_CODE, path.relative(root, path.join(SCRATCH, 'dense/*.jsx'))] };
}

function runEslint({ config, patterns }, concurrency) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [ESLINT_BIN, '--config', config, '--concurrency', String(concurrency), '--format', 'json', ...patterns], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      // Exit 1 means "problems found", which the dense files guarantee; 2 is a crash.
      if (code !== 0 && code !== 1) {
        reject(new Error(`eslint --concurrency ${concurrency} exited ${code}: ${Buffer.concat(err).toString().slice(0, 2000)}`));
        return;
      }
      const results = JSON.parse(Buffer.concat(out).toString());
      const findings = results
        .flatMap((result) => result.messages.map((m) => `${path.relative(root, result.filePath)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`))
        .sort();
      resolve({ seconds, files: results.length, findings });
    });
  });
}

export async function measureLintConcurrency({ runs = 3, modes = ['off', 'auto', 2] } = {}) {
  const corpus = writeCorpus();
  try {
    const byMode = [];
    let reference = null;
    const problems = [];
    for (const mode of modes) {
      const samples = [];
      for (let run = 0; run < runs; run++) samples.push(await runEslint(corpus, mode));
      const findings = samples[0].findings;
      reference ??= findings;
      if (findings.join('\n') !== reference.join('\n')) problems.push(`--concurrency ${mode} reported ${findings.length} messages, --concurrency ${modes[0]} ${reference.length}`);
      byMode.push({ mode: String(mode), files: samples[0].files, findings: findings.length, seconds: spread(samples.map((s) => s.seconds)) });
    }
    return { runs, cpus: os.availableParallelism(), autoWorkers: os.availableParallelism() >> 1 > 1 ? 'some' : 0, modes: byMode, problems };
  } finally {
    rmSync(SCRATCH, { recursive: true, force: true });
  }
}

export function formatLintConcurrency(result) {
  const lines = [`Whole lint run through the ESLint CLI (${result.modes[0].files} files, median of ${result.runs} runs, min–max):`];
  for (const mode of result.modes) {
    lines.push(
      `  --concurrency ${mode.mode.padEnd(5)} ${mode.seconds.median.toFixed(2)} s [${mode.seconds.min.toFixed(2)}–${mode.seconds.max.toFixed(2)}]   ${mode.findings} messages`,
    );
  }
  if (result.autoWorkers === 0) lines.push(`  with ${result.cpus} CPUs, "auto" starts no worker thread (ESLint caps it at half the cores), so it runs like "off".`);
  lines.push(result.problems.length === 0 ? '  identical messages in every mode' : result.problems.map((p) => `  PROBLEM: ${p}`).join('\n'));
  return lines;
}
