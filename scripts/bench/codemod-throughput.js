/**
 * How fast `sse-codemod` gets through a repository, and at what memory, beside ESLint running
 * the same rules over the same files. The repositories are generated (`generate-repository.js`):
 *
 * - the main tree: 5,000 files, 1% of them opening streams, plus an ignored `dist/` and a
 *   `node_modules/` that hold streams too. Dry run (`--json`) with the default jobs and with
 *   `--jobs 1`; `--write` on a copy, then a second run that must find nothing to change;
 * - a tree of non-stream files only: the throughput of the text pre-filter, the figure the
 *   speed target is about (≥ 1,000 files/s and < 1 GiB);
 * - a stream-heavy tree (500 files, 100 streams): enough candidates for the worker pool to
 *   start, to show what it gives or costs against `--jobs 1`.
 *
 * Every command runs as a child process, timed from spawn to exit (what a user waits for),
 * through a wrapper that records its peak resident memory (`process.resourceUsage().maxRSS`,
 * which covers worker threads too) and how many worker threads it started. Medians and
 * min–max over `runs`; ESLint, at two to three minutes a pass here, runs `eslintRuns` times
 * (0 skips it, for a quick rerun of the codemod's own figures).
 */
import { Buffer } from 'node:buffer';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateRepository } from './generate-repository.js';
import { spread } from './statistics.js';

const CLI = fileURLToPath(new URL('../../packages/sse-codemod/dist/cli.js', import.meta.url));
const PLUGIN = new URL('../../dist/src/index.js', import.meta.url).href;
const ESLINT_BIN = fileURLToPath(new URL('bin/eslint.js', import.meta.resolve('eslint/package.json')));
const TS_PARSER = import.meta.resolve('@typescript-eslint/parser');
const SSE_RULES = ['sse/no-eventsource-in-loop', 'sse/no-eventsource-per-item', 'sse/no-unbounded-reconnect'];

/** Runs a Node entry point with its own argv and, at exit, writes its peak RSS and worker count to a file. */
const MEASURING_WRAPPER = `import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const [node, , entry, statsFile, ...rest] = process.argv;
process.argv = [node, entry, ...rest];
let workers = 0;
process.on('worker', () => { workers += 1; });
process.on('exit', () => writeFileSync(statsFile, JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS, workers })));
await import(pathToFileURL(entry).href);
`;

const ESLINT_CONFIG = `import plugin from '${PLUGIN}';
import tsParser from '${TS_PARSER}';

export default [
  // The codemod honours .gitignore; ESLint does not, so the ignored folder is named here.
  { ignores: ['**/dist/'] },
  {
    files: ['**/*.{js,jsx,ts,tsx}'],
    plugins: { sse: plugin },
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: { ${SSE_RULES.map((rule) => `'${rule}': 'error'`).join(', ')} },
  },
  { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tsParser } },
];
`;

function git(cwd, ...args) {
  return execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.test', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
  });
}

/** A generated repository, committed so that `--write` finds a clean work tree. */
function committedRepository(root, options) {
  const summary = generateRepository(root, options);
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'generated');
  return summary;
}

/**
 * One timed child process: `node wrapper entry …args` in `cwd`.
 * @returns {Promise<{ wallMs: number, exitCode: number | null, stdout: string, stderr: string, maxRssMiB: number, workers: number }>}
 */
function runMeasured(scratch, cwd, entry, args) {
  const wrapper = path.join(scratch, 'measure.mjs');
  const statsFile = path.join(scratch, 'last-run.json');
  rmSync(statsFile, { force: true });
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [wrapper, entry, statsFile, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (exitCode) => {
      const wallMs = performance.now() - started;
      let stats;
      try {
        stats = JSON.parse(readFileSync(statsFile, 'utf8'));
      } catch {
        reject(new Error(`${path.basename(entry)} ${args.join(' ')} exited (${exitCode}) without its statistics:\n${Buffer.concat(stderr)}`));
        return;
      }
      resolve({
        wallMs,
        exitCode,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        maxRssMiB: stats.maxRssKiB / 1024,
        workers: stats.workers,
      });
    });
  });
}

/** Runs the codemod and reads its `--json` summary; a run that prints no report is an error. */
async function runCodemod(scratch, cwd, args) {
  // As an app that mounts the multiplexer: every flagged site is rewritten, per-item URLs too.
  const run = await runMeasured(scratch, cwd, CLI, ['--json', '--endpoint', '/__sse_hub', ...args]);
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    throw new Error(`sse-codemod ${args.join(' ')} exited ${run.exitCode} without a JSON report:\n${run.stderr}`);
  }
  return { ...run, summary: report.summary, files: report.files };
}

/** The counts of a report worth comparing between runs and against the generated tree. */
function countsOf(summary) {
  const { scanned, candidates, changed, unchanged, skipped, failed, sitesRewritten, sitesSkipped } = summary;
  return { scanned, candidates, changed, unchanged, skipped, failed, sitesRewritten, sitesSkipped };
}

/** Medians over a scenario's runs; `problems` gets a line if the runs disagree on the counts. */
function summarizeCodemodRuns(label, samples, problems) {
  const counts = countsOf(samples[0].summary);
  for (const sample of samples.slice(1)) {
    if (JSON.stringify(countsOf(sample.summary)) !== JSON.stringify(counts)) problems.push(`${label}: runs disagree on the counts`);
  }
  return {
    wallMs: spread(samples.map((sample) => sample.wallMs)),
    filesPerSecond: spread(samples.map((sample) => (counts.scanned / sample.wallMs) * 1000)),
    maxRssMiB: spread(samples.map((sample) => sample.maxRssMiB)),
    workerThreads: samples[0].workers,
    exitCodes: [...new Set(samples.map((sample) => sample.exitCode))],
    counts,
  };
}

/** What a correct run over a generated tree reports. */
function expectCounts(label, counts, repository, problems) {
  const sites = repository.streamFiles.reduce((total, file) => total + file.openings, 0);
  const expected = { scanned: repository.files, candidates: repository.streamFiles.length, changed: repository.streamFiles.length, failed: 0, sitesRewritten: sites };
  for (const [key, value] of Object.entries(expected)) {
    if (counts[key] !== value) problems.push(`${label}: ${key} is ${counts[key]}, expected ${value}`);
  }
}

function sameFiles(leftRoot, rightRoot, relativePaths) {
  return relativePaths.every((relative) => readFileSync(path.join(leftRoot, relative)).equals(readFileSync(path.join(rightRoot, relative))));
}

/** `--write` on a copy of the main tree, reset between runs; each run is checked, then run again with `--check`. */
async function measureWrite(scratch, repository, runs, problems) {
  const copy = path.join(scratch, 'write-copy');
  cpSync(repository.root, copy, { recursive: true });
  const expectedChanged = repository.streamFiles.map((file) => file.path).sort();
  const writes = [];
  const checks = [];
  let helperFiles = [];
  for (let run = 0; run < runs; run += 1) {
    git(copy, 'reset', '-q', '--hard');
    git(copy, 'clean', '-q', '-fd');
    const write = await runCodemod(scratch, copy, ['--write']);
    writes.push(write);
    if (write.exitCode !== 0) problems.push(`--write run ${run + 1} exited ${write.exitCode}`);
    const status = git(copy, 'status', '--porcelain', '--untracked-files=all').split('\n').filter(Boolean);
    const modified = status.filter((line) => line.startsWith(' M ')).map((line) => line.slice(3)).sort();
    const added = status.filter((line) => line.startsWith('?? ')).map((line) => line.slice(3));
    const other = status.filter((line) => !line.startsWith(' M ') && !line.startsWith('?? '));
    if (JSON.stringify(modified) !== JSON.stringify(expectedChanged)) {
      problems.push(`--write run ${run + 1} modified ${modified.length} files, expected exactly the ${expectedChanged.length} stream files`);
    }
    if (other.length > 0) problems.push(`--write run ${run + 1} left unexpected git changes: ${other.slice(0, 3).join(', ')}`);
    if (!sameFiles(repository.root, copy, [...repository.paths.dist, ...repository.paths.nodeModules])) {
      problems.push(`--write run ${run + 1} changed files in dist/ or node_modules/`);
    }
    const check = await runCodemod(scratch, copy, ['--check']);
    checks.push(check);
    if (check.exitCode !== 0 || check.summary.changed !== 0) {
      problems.push(`second run after --write: exit ${check.exitCode}, ${check.summary.changed} files would still change`);
    }
    helperFiles = added.sort();
  }
  const summary = summarizeCodemodRuns('--write', writes, problems);
  expectCounts('--write', summary.counts, repository, problems);
  return {
    ...summary,
    helperFiles,
    secondRun: { exitCodes: [...new Set(checks.map((check) => check.exitCode))], counts: countsOf(checks[0].summary), wallMs: spread(checks.map((check) => check.wallMs)) },
  };
}

/** ESLint's bin with the three rules, over the main tree, once per concurrency mode and run. */
async function measureEslint(scratch, repository, modes, runs, problems) {
  const config = path.join(scratch, 'eslint.config.mjs');
  writeFileSync(config, ESLINT_CONFIG);
  const samples = Object.fromEntries(modes.map((mode) => [mode, []]));
  for (let run = 0; run < runs; run += 1) {
    for (const mode of modes) {
      const result = await runMeasured(scratch, repository.root, ESLINT_BIN, ['--config', config, '--concurrency', mode, '--format', 'json', '.']);
      let lintResults;
      try {
        lintResults = JSON.parse(result.stdout);
      } catch {
        throw new Error(`eslint --concurrency ${mode} exited ${result.exitCode} without a JSON report:\n${result.stderr}`);
      }
      const byRule = {};
      let parseErrors = 0;
      for (const file of lintResults) {
        for (const message of file.messages) {
          if (message.ruleId === null) parseErrors += 1;
          else byRule[message.ruleId] = (byRule[message.ruleId] ?? 0) + 1;
        }
      }
      samples[mode].push({ ...result, files: lintResults.length, byRule, parseErrors });
    }
  }
  return Object.fromEntries(
    modes.map((mode) => {
      const [first] = samples[mode];
      const findings = Object.values(first.byRule).reduce((sum, count) => sum + count, 0);
      if (first.files !== repository.files) problems.push(`eslint --concurrency ${mode} linted ${first.files} files, expected ${repository.files}`);
      if (first.parseErrors > 0) problems.push(`eslint --concurrency ${mode}: ${first.parseErrors} parse errors in the generated tree`);
      return [
        mode,
        {
          runs: samples[mode].length,
          wallMs: spread(samples[mode].map((sample) => sample.wallMs)),
          filesPerSecond: spread(samples[mode].map((sample) => (sample.files / sample.wallMs) * 1000)),
          maxRssMiB: spread(samples[mode].map((sample) => sample.maxRssMiB)),
          workerThreads: first.workers,
          files: first.files,
          findings,
          findingsByRule: first.byRule,
          parseErrors: first.parseErrors,
        },
      ];
    }),
  );
}

function describeRepository(summary) {
  return {
    files: summary.files,
    streamFiles: summary.streamFiles.length,
    bytes: summary.bytes,
    lines: summary.lines,
    byExtension: summary.byExtension,
    ignored: summary.ignored,
  };
}

/**
 * @param {{ runs?: number, eslintRuns?: number, files?: number, seed?: number,
 *   streamHeavy?: { files: number, streamFiles: number }, log?: (line: string) => void }} [options]
 */
export async function measureCodemodThroughput({
  runs = 5,
  eslintRuns = 1,
  files = 5_000,
  seed = 1,
  // Over 2 × 40 candidates: the pool's threshold (MIN_FILES_PER_THREAD in run-codemod.ts) for two threads.
  streamHeavy: heavyOptions = { files: 500, streamFiles: 100 },
  log = (line) => process.stderr.write(`codemod bench: ${line}\n`),
} = {}) {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'sse-codemod-bench-'));
  const problems = [];
  const machine = {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: os.totalmem() / 2 ** 30,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverageAtStart: os.loadavg(),
  };
  try {
    writeFileSync(path.join(scratch, 'measure.mjs'), MEASURING_WRAPPER);
    log(`generating repositories in ${scratch}`);
    const main = committedRepository(path.join(scratch, 'main'), { files, seed });
    const plain = generateRepository(path.join(scratch, 'non-candidate'), { files, streamFiles: 0, seed: seed + 1 });
    const heavy = generateRepository(path.join(scratch, 'stream-heavy'), { ...heavyOptions, seed: seed + 2 });

    const samples = { mainDefault: [], mainJobs1: [], heavyDefault: [], heavyJobs1: [], plain: [] };
    for (let run = 0; run < runs; run += 1) {
      log(`dry runs ${run + 1}/${runs}`);
      // Interleaved, so that a change of load on the machine hits every scenario alike.
      samples.mainDefault.push(await runCodemod(scratch, main.root, []));
      samples.mainJobs1.push(await runCodemod(scratch, main.root, ['--jobs', '1']));
      samples.heavyDefault.push(await runCodemod(scratch, heavy.root, []));
      samples.heavyJobs1.push(await runCodemod(scratch, heavy.root, ['--jobs', '1']));
      samples.plain.push(await runCodemod(scratch, plain.root, []));
    }
    const dryRun = {
      defaultJobs: summarizeCodemodRuns('dry run', samples.mainDefault, problems),
      jobs1: summarizeCodemodRuns('dry run --jobs 1', samples.mainJobs1, problems),
    };
    expectCounts('dry run', dryRun.defaultJobs.counts, main, problems);
    expectCounts('dry run --jobs 1', dryRun.jobs1.counts, main, problems);
    const streamHeavy = {
      repository: describeRepository(heavy),
      defaultJobs: summarizeCodemodRuns('stream-heavy', samples.heavyDefault, problems),
      jobs1: summarizeCodemodRuns('stream-heavy --jobs 1', samples.heavyJobs1, problems),
    };
    expectCounts('stream-heavy', streamHeavy.defaultJobs.counts, heavy, problems);
    expectCounts('stream-heavy --jobs 1', streamHeavy.jobs1.counts, heavy, problems);
    const nonCandidate = { repository: describeRepository(plain), ...summarizeCodemodRuns('non-candidate', samples.plain, problems) };
    expectCounts('non-candidate', nonCandidate.counts, plain, problems);

    log(`--write runs (${runs})`);
    const write = await measureWrite(scratch, main, runs, problems);

    let eslint = null;
    if (eslintRuns > 0) {
      log(`eslint --concurrency off and auto, ${eslintRuns} run(s) each (minutes)`);
      eslint = await measureEslint(scratch, main, ['off', 'auto'], eslintRuns, problems);
    }

    return {
      machine: { ...machine, loadAverageAtEnd: os.loadavg() },
      runs,
      repository: describeRepository(main),
      dryRun,
      write,
      nonCandidate,
      streamHeavy,
      eslint,
      problems,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const number = (value, digits = 0) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const seconds = ({ median: mid, min, max }) => `${number(mid / 1000, 2)} s (${number(min / 1000, 2)}–${number(max / 1000, 2)})`;
const rate = ({ median: mid, min, max }) => `${number(mid)} (${number(min)}–${number(max)})`;
const mebibytes = ({ median: mid, min, max }) => `${number(mid)} MiB (${number(min)}–${number(max)})`;
const load = (averages) => averages.map((value) => value.toFixed(2)).join(' ');

function describeTree(repository) {
  const extensions = Object.entries(repository.byExtension)
    .sort(([, left], [, right]) => right - left)
    .map(([extension, count]) => `${extension} ${number(count)}`)
    .join(', ');
  return `${number(repository.files)} files (${number(repository.streamFiles)} open streams), ${number(repository.lines)} lines, ${number(repository.bytes / 2 ** 20, 1)} MiB; ${extensions}`;
}

function describeFindings({ files, findings, findingsByRule, parseErrors }) {
  const byRule = Object.entries(findingsByRule).map(([rule, count]) => `${rule} ${count}`);
  return `${files} files, ${findings} findings (${byRule.join(', ')}), ${parseErrors} parse errors`;
}

/** The part's table for `npm run bench`, as lines. */
export function formatCodemodThroughput(result) {
  const { machine, repository, dryRun, write, nonCandidate, streamHeavy, eslint } = result;
  const rows = [
    ['main tree: dry run --json (default jobs)', dryRun.defaultJobs],
    ['main tree: dry run --json --jobs 1', dryRun.jobs1],
    ['main tree: --write --json', write],
    ['main tree: second run --check', { ...write.secondRun, filesPerSecond: null, maxRssMiB: null, workerThreads: null }],
    ['non-candidate tree: dry run --json', nonCandidate],
    ['stream-heavy tree: dry run (default jobs)', streamHeavy.defaultJobs],
    ['stream-heavy tree: dry run --jobs 1', streamHeavy.jobs1],
    ...Object.entries(eslint ?? {}).map(([mode, figures]) => [`main tree: eslint --concurrency ${mode}${figures.runs === 1 ? ' (1 run)' : ''}`, figures]),
  ];
  const counts = dryRun.defaultJobs.counts;
  const lines = [
    `sse-codemod throughput (median of ${result.runs} run${result.runs === 1 ? '' : 's'}, min–max in brackets; wall time from spawn to exit):`,
    `  machine: ${machine.cpus} × ${machine.cpuModel}, ${number(machine.memoryGiB, 1)} GiB, Node ${machine.node}, ${machine.platform}; load average ${load(machine.loadAverageAtStart)} at start, ${load(machine.loadAverageAtEnd)} at end`,
    `  main tree: ${describeTree(repository)}; + ${repository.ignored.dist.files} files in ignored dist/, ${repository.ignored.nodeModules.files} in node_modules/`,
    `  non-candidate tree: ${describeTree(nonCandidate.repository)}`,
    `  stream-heavy tree: ${describeTree(streamHeavy.repository)}`,
    '',
    `  ${'scenario'.padEnd(46)} ${'wall'.padEnd(24)} ${'files/s'.padEnd(22)} ${'peak RSS'.padEnd(22)} threads`,
    ...rows.map(
      ([label, figures]) =>
        `  ${label.padEnd(46)} ${seconds(figures.wallMs).padEnd(24)} ${(figures.filesPerSecond ? rate(figures.filesPerSecond) : '').padEnd(22)} ${(figures.maxRssMiB ? mebibytes(figures.maxRssMiB) : '').padEnd(22)} ${figures.workerThreads ?? ''}`,
    ),
    '',
    `  report (main tree): scanned ${counts.scanned}, candidates ${counts.candidates}, changed ${counts.changed}, sites rewritten ${counts.sitesRewritten}, skipped ${counts.sitesSkipped}, failed ${counts.failed}`,
    `  --write: changed ${write.counts.changed} files (${write.counts.sitesRewritten} sites), added ${write.helperFiles.join(' and ')}; second run: ${write.secondRun.counts.changed} to change, exit ${write.secondRun.exitCodes.join('/')}`,
    ...(eslint === null
      ? ['  eslint: not run (--skip-eslint)']
      : Object.entries(eslint).map(([mode, figures]) => `  eslint --concurrency ${mode}: ${describeFindings(figures)}`)),
    `  threads: worker threads the process started (the codemod's pool; ESLint's --concurrency).`,
  ];
  if (result.problems.length > 0) lines.push('  PROBLEMS:', ...result.problems.map((problem) => `    ${problem}`));
  return lines;
}
