/**
 * What the plugin's rules cost inside ESLint, measured by ESLint itself (`stats: true`,
 * the API behind `eslint --stats`), beside the core rule `no-await-in-loop`, which walks
 * the same loops and callbacks. Each file is linted `runs` times and per-rule times are
 * summed per run; we report the median run.
 *
 * Twice: with only those rules, and beside ESLint's own recommended rules, as most projects
 * run it. The first rule that reads a file's text pays for it (about 10 ms over this corpus,
 * whatever the rule does with it); alone, that is ours; beside `js.configs.recommended` it is
 * `no-irregular-whitespace`'s, which scans every file's text anyway.
 */
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { ESLint } from 'eslint';
import plugin from '../../dist/src/index.js';
import { median } from './statistics.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Real code written by others, available offline: ESLint's and typescript-eslint's own sources. */
export const REAL_CODE = [
  'node_modules/eslint/lib/**/*.js',
  'node_modules/@typescript-eslint/*/dist/**/*.js',
  'node_modules/@vitest/*/dist/**/*.js',
];

async function lintOnce(patterns, besideRecommended) {
  const eslint = new ESLint({
    cwd: root,
    stats: true,
    overrideConfigFile: true,
    overrideConfig: [
      // ESLint skips node_modules by default; this corpus lives there.
      { ignores: ['!**/node_modules/'] },
      {
        files: ['**/*.js'],
        plugins: { sse: plugin },
        linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true },
        rules: { ...(besideRecommended ? js.configs.recommended.rules : {}), ...plugin.configs.all.rules, 'no-await-in-loop': 'error' },
      },
    ],
  });
  const results = await eslint.lintFiles(patterns);
  const totals = {};
  let parse = 0;
  for (const result of results) {
    for (const pass of result.stats?.times.passes ?? []) {
      parse += pass.parse?.total ?? 0;
      for (const [rule, time] of Object.entries(pass.rules ?? {})) totals[rule] = (totals[rule] ?? 0) + time.total;
    }
  }
  return { files: results.length, totals, parse };
}

function summarize(samples) {
  const rules = [...Object.keys(plugin.rules).map((name) => `sse/${name}`), 'no-await-in-loop'];
  const medians = Object.fromEntries(rules.map((rule) => [rule, median(samples.map((s) => s.totals[rule] ?? 0))]));
  const pluginTotal = median(samples.map((s) => Object.keys(plugin.rules).reduce((sum, name) => sum + (s.totals[`sse/${name}`] ?? 0), 0)));
  return {
    parseMs: median(samples.map((s) => s.parse)),
    ruleMs: medians,
    pluginTotalMs: pluginTotal,
    pluginToNoAwaitInLoop: medians['no-await-in-loop'] ? pluginTotal / medians['no-await-in-loop'] : null,
  };
}

export async function measureLintCost({ runs = 5, patterns = REAL_CODE } = {}) {
  const alone = [];
  const beside = [];
  let files = 0;
  // Interleaved, so that a change of load on the machine hits both alike.
  for (let run = 0; run < runs; run++) {
    const sample = await lintOnce(patterns, false);
    files = sample.files;
    alone.push(sample);
    beside.push(await lintOnce(patterns, true));
  }
  const besideRecommended = summarize(beside);
  besideRecommended.noIrregularWhitespaceMs = median(beside.map((s) => s.totals['no-irregular-whitespace'] ?? 0));
  return { files, runs, ...summarize(alone), besideRecommended };
}
