#!/usr/bin/env node
/**
 * `npm run bench`: measurements that are not tests (timings are never asserted in tests).
 *
 *   node scripts/bench.js [lint] [lint-scaling] [lint-concurrency] [type-aware] [sfc] [oxlint] [editor]
 *                         [hub-size] [codemod] [hub] [hub-browser] [install-size] [fanout] [--json] [--runs N] [--skip-eslint]
 *                         [--type-aware-runs N] [--write-docs | --update-docs]
 *
 * With no part named, runs them all (38 minutes on two cores on 2026-12-07 with
 * `--type-aware-runs 15`; `codemod` takes about ten of them, most of it ESLint's passes over a
 * generated 5,000-file repository, which `--skip-eslint` leaves out). `--write-docs` runs every part and writes docs/benchmarks.md,
 * its charts and docs/benchmarks/results.json. `--update-docs` measures only the parts named and
 * replaces just their entries in docs/benchmarks/results.json before regenerating the page, so
 * that one part can be re-measured without re-running the rest (the page's machine section stays
 * that of the whole run; such parts carry their own date). Quote the medians and ratios, not single runs.
 * `--type-aware-runs N` gives the type-aware part its own number of runs (default: `--runs`): its
 * verdicts sit within a few percent of their limits, where five runs cannot tell them apart, and a
 * whole run at fifteen runs per part would take hours.
 * `fanout` (the server multiplexer over the Redis backplane) runs only when named: it needs
 * `redis-server`, and its figures belong to docs/server.md. An unknown option or part is refused
 * with the usage (`--help` prints it), never read as "every part".
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { formatCodemodThroughput, measureCodemodThroughput } from './bench/codemod-throughput.js';
import { formatEditor, measureEditor } from './bench/editor.js';
import { measureHubSize } from './bench/hub-size.js';
import { formatInstallSize, measureInstallSize } from './bench/install-size.js';
import { formatHubThroughput, measureHubThroughput } from './bench/hub-throughput.js';
import { DENSE_FILES, formatLintConcurrency, measureLintConcurrency } from './bench/lint-concurrency.js';
import { formatLintCost, measureLintCost } from './bench/lint-cost.js';
import { formatLintScaling, measureLintScaling } from './bench/lint-scaling.js';
import { formatOxlint, measureOxlint } from './bench/oxlint.js';
import { formatSfcCost, measureSfcCost } from './bench/sfc-cost.js';
import { writeReport } from './bench/write-report.js';
import { BENCH_USAGE, parseBenchArguments } from './bench/cli-options.js';

const args = process.argv.slice(2);
const options = parseBenchArguments(args);
if (options instanceof Error) {
  console.error(`${options.message}\n${BENCH_USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(BENCH_USAGE);
  process.exit(0);
}
const { parts, runs, typeAwareRuns, writeDocs, updateDocs, wanted, json: asJson } = options;

function packageVersion(name) {
  return JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8')).version;
}

const results = {
  node: process.version,
  machine: {
    date: new Date().toISOString().slice(0, 10),
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: os.totalmem() / 2 ** 30,
    platform: `${os.platform()} ${os.release()}`,
    loadAverageAtStart: os.loadavg(),
    versions: {
      Node: process.version,
      ESLint: packageVersion('eslint'),
      'typescript-eslint': packageVersion('@typescript-eslint/utils'),
      TypeScript: packageVersion('typescript'),
      'ts-morph': packageVersion('ts-morph'),
      esbuild: packageVersion('esbuild'),
      oxlint: packageVersion('oxlint'),
      'vscode-langservers-extracted': packageVersion('vscode-langservers-extracted'),
    },
  },
};
if (wanted('lint')) results.lint = await measureLintCost({ runs });
if (wanted('lint-scaling')) results.lintScaling = await measureLintScaling({ runs });
if (wanted('lint-concurrency')) results.lintConcurrency = { ...(await measureLintConcurrency({ runs: Math.min(runs, 3) })), denseFiles: DENSE_FILES };
if (wanted('type-aware')) {
  // Loaded only when asked for: it brings in the TypeScript program machinery.
  const { formatTypeAwareCost, measureTypeAwareCost } = await import('./bench/type-aware-cost.js');
  results.typeAware = await measureTypeAwareCost({ runs: typeAwareRuns });
  results.typeAware.lines = formatTypeAwareCost(results.typeAware);
}
if (wanted('sfc')) results.sfcCost = await measureSfcCost({ runs });
if (wanted('oxlint')) results.oxlint = await measureOxlint({ runs });
if (wanted('editor')) results.editor = await measureEditor({ runs });
if (wanted('hub-size')) results.hubSize = await measureHubSize();
if (wanted('hub')) results.hub = await measureHubThroughput({ runs });
if (wanted('hub-browser')) {
  // Loaded only when asked for: it launches Chromium through playwright-core.
  const { measureHubInBrowser } = await import('./bench/hub-browser.js');
  results.hubBrowser = await measureHubInBrowser({ runs: Math.min(runs, 3) });
}
if (wanted('install-size')) results.installSize = await measureInstallSize();
if (wanted('fanout')) {
  // Loaded only when asked for: it brings in the Redis client.
  const { measureFanout } = await import('./bench/fanout.js');
  results.fanout = await measureFanout({ runs: Math.min(runs, 3) });
}
if (wanted('codemod')) results.codemod = await measureCodemodThroughput({ runs, eslintRuns: options.skipEslint ? 0 : 1 });
results.machine.loadAverageAtEnd = os.loadavg();
if (writeDocs) {
  results.machine.command = `npm run bench -- ${args.join(' ')}`;
  writeReport(results);
}
if (updateDocs) {
  const resultsFile = new URL('../docs/benchmarks/results.json', import.meta.url);
  const committed = JSON.parse(readFileSync(resultsFile, 'utf8'));
  // The page says which of its parts no longer come from the whole run.
  committed.machine.remeasured = [...new Set([...(committed.machine.remeasured ?? []), ...parts])];
  for (const [part, figures] of Object.entries(results)) {
    if (part !== 'node' && part !== 'machine') committed[part] = figures;
  }
  writeReport(committed);
}

if (asJson) {
  console.log(JSON.stringify(results, null, 2));
} else {
  if (results.lint) console.log(formatLintCost(results.lint).join('\n'));
  if (results.lintScaling) console.log(formatLintScaling(results.lintScaling).join('\n'));
  if (results.lintConcurrency) console.log(formatLintConcurrency(results.lintConcurrency).join('\n'));
  if (results.typeAware) console.log(results.typeAware.lines.join('\n'));
  if (results.sfcCost) console.log(formatSfcCost(results.sfcCost).join('\n'));
  if (results.oxlint) console.log(formatOxlint(results.oxlint).join('\n'));
  if (results.editor) console.log(formatEditor(results.editor).join('\n'));
  if (results.installSize) console.log(formatInstallSize(results.installSize).join('\n'));
  if (results.hubSize) {
    console.log(`Browser hub (esbuild, minified ESM): ${results.hubSize.minifiedBytes} B, ${results.hubSize.gzipBytes} B gzip`);
  }
  if (results.codemod) console.log(formatCodemodThroughput(results.codemod).join('\n'));
  if (results.hub) console.log(formatHubThroughput(results.hub).join('\n'));
  if (results.hubBrowser) console.log((await import('./bench/hub-browser.js')).formatHubInBrowser(results.hubBrowser).join('\n'));
  if (results.fanout) console.log((await import('./bench/fanout.js')).formatFanout(results.fanout).join('\n'));
}
// A codemod run whose counts were wrong is a failed benchmark, not a figure to quote.
if (results.codemod?.problems.length) process.exitCode = 1;
// Likewise a hub run that lost or misrouted events, and lint runs whose findings went wrong
// (oxlint disagreeing with ESLint, an editor showing other diagnostics than its first run).
if (results.hub?.problems.length || results.hubBrowser?.problems.length || results.fanout?.problems.length) process.exitCode = 1;
if (results.lintScaling?.problems.length || results.lintConcurrency?.problems.length || results.typeAware?.problems.length || results.sfcCost?.problems.length) {
  process.exitCode = 1;
}
if (results.oxlint?.problems.length || results.editor?.problems.length || results.lint?.problems.length) process.exitCode = 1;
