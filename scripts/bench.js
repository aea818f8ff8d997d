#!/usr/bin/env node
/**
 * `npm run bench`: measurements that are not tests (timings are never asserted in tests).
 *
 *   node scripts/bench.js [lint] [hub-size] [codemod] [hub] [--json] [--runs N] [--skip-eslint]
 *
 * With no part named, runs them all (`codemod` takes about ten minutes on two cores, most of it
 * ESLint's passes over a generated 5,000-file repository; `--skip-eslint` leaves those out).
 * Quote the medians and ratios it prints, not single runs.
 */
import { formatCodemodThroughput, measureCodemodThroughput } from './bench/codemod-throughput.js';
import { measureHubSize } from './bench/hub-size.js';
import { formatHubThroughput, measureHubThroughput } from './bench/hub-throughput.js';
import { measureLintCost } from './bench/lint-cost.js';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const runsIndex = args.indexOf('--runs');
const runs = runsIndex === -1 ? 5 : Number(args[runsIndex + 1]);
const parts = args.filter((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--runs');
const wanted = (name) => parts.length === 0 || parts.includes(name);

const results = { node: process.version };
if (wanted('lint')) results.lint = await measureLintCost({ runs });
if (wanted('hub-size')) results.hubSize = await measureHubSize();
if (wanted('hub')) results.hub = await measureHubThroughput({ runs });
if (wanted('codemod')) results.codemod = await measureCodemodThroughput({ runs, eslintRuns: args.includes('--skip-eslint') ? 0 : 1 });

if (asJson) {
  console.log(JSON.stringify(results, null, 2));
} else {
  if (results.lint) {
    const { lint } = results;
    console.log(`Lint cost on ${lint.files} real files (median of ${lint.runs} runs; parse ${lint.parseMs.toFixed(0)} ms):`);
    for (const [rule, ms] of Object.entries(lint.ruleMs)) console.log(`  ${rule.padEnd(28)} ${ms.toFixed(1).padStart(8)} ms`);
    console.log(`  ${'all sse rules together'.padEnd(28)} ${lint.pluginTotalMs.toFixed(1).padStart(8)} ms`);
    console.log(`  plugin / no-await-in-loop: ${lint.pluginToNoAwaitInLoop?.toFixed(2)}×`);
  }
  if (results.hubSize) {
    console.log(`Browser hub (esbuild, minified ESM): ${results.hubSize.minifiedBytes} B, ${results.hubSize.gzipBytes} B gzip`);
  }
  if (results.codemod) console.log(formatCodemodThroughput(results.codemod).join('\n'));
  if (results.hub) console.log(formatHubThroughput(results.hub).join('\n'));
}
// A codemod run whose counts were wrong is a failed benchmark, not a figure to quote.
if (results.codemod?.problems.length) process.exitCode = 1;
// Likewise a hub run that lost or misrouted events.
if (results.hub?.problems.length) process.exitCode = 1;
