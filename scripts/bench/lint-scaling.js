/**
 * How the rules' time grows with file size: dense generated files (`dense-code.js`) at
 * 1×, 4× and 16×, each linted `runs` times with ESLint's per-rule `stats`; medians per rule.
 * Linear growth means 16× the size costs about 16× the time; the target allows 24×.
 */
import { Buffer } from 'node:buffer';
import { ESLint } from 'eslint';
import plugin from '../../dist/src/index.js';
import { UNITS_PER_SCALE, denseFile } from './dense-code.js';
import { median } from './statistics.js';

export const SCALES = [1, 4, 16];
export const GROWTH_LIMIT = 24;
const COMPARED_RULES = [...Object.keys(plugin.rules).map((name) => `sse/${name}`), 'no-await-in-loop'];

function createLinter() {
  return new ESLint({
    stats: true,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.jsx'],
        plugins: { sse: plugin },
        languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
        linterOptions: { reportUnusedDisableDirectives: 'off' },
        rules: { ...plugin.configs.all.rules, 'no-await-in-loop': 'error' },
      },
    ],
  });
}

async function lintOnce(eslint, text) {
  const [result] = await eslint.lintText(text, { filePath: 'dense.jsx' });
  const times = {};
  let parse = 0;
  for (const pass of result.stats?.times.passes ?? []) {
    parse += pass.parse?.total ?? 0;
    for (const [rule, time] of Object.entries(pass.rules ?? {})) times[rule] = (times[rule] ?? 0) + time.total;
  }
  const fatal = result.messages.find((message) => message.fatal);
  if (fatal) throw new Error(`the dense file does not parse: ${fatal.message}`);
  const findings = {};
  for (const message of result.messages) findings[message.ruleId] = (findings[message.ruleId] ?? 0) + 1;
  return { times, parse, findings };
}

export async function measureLintScaling({ runs = 5, scales = SCALES } = {}) {
  const eslint = createLinter();
  // One untimed pass warms the JIT, so that the 1× figures are not the cold ones.
  await lintOnce(eslint, denseFile(1));
  const rows = [];
  for (const scale of scales) {
    const text = denseFile(scale);
    const samples = [];
    for (let run = 0; run < runs; run++) samples.push(await lintOnce(eslint, text));
    const ruleMs = Object.fromEntries(COMPARED_RULES.map((rule) => [rule, median(samples.map((s) => s.times[rule] ?? 0))]));
    const pluginMs = median(
      samples.map((s) => Object.keys(plugin.rules).reduce((sum, name) => sum + (s.times[`sse/${name}`] ?? 0), 0)),
    );
    rows.push({
      scale,
      units: scale * UNITS_PER_SCALE,
      lines: text.split('\n').length,
      bytes: Buffer.byteLength(text),
      parseMs: median(samples.map((s) => s.parse)),
      ruleMs,
      pluginMs,
      findings: samples[0].findings,
    });
  }
  const first = rows[0];
  const last = rows[rows.length - 1];
  const growth = {
    size: last.scale / first.scale,
    plugin: last.pluginMs / first.pluginMs,
    byRule: Object.fromEntries(COMPARED_RULES.map((rule) => [rule, last.ruleMs[rule] / first.ruleMs[rule]])),
  };
  // A finding count that does not grow with the size would mean the rules stopped looking.
  const problems = [];
  for (const row of rows) {
    for (const rule of Object.keys(plugin.rules).map((name) => `sse/${name}`)) {
      const expected = (first.findings[rule] ?? 0) * (row.scale / first.scale);
      if (!first.findings[rule]) problems.push(`${rule} found nothing in the 1× file`);
      else if ((row.findings[rule] ?? 0) < expected / 2) problems.push(`${rule} found ${row.findings[rule] ?? 0} at ${row.scale}×`);
    }
  }
  return { runs, rows, growth, limit: GROWTH_LIMIT, met: growth.plugin <= GROWTH_LIMIT, problems: [...new Set(problems)] };
}

export function formatLintScaling(result) {
  const lines = [`Lint time against file size (dense generated files, median of ${result.runs} runs):`];
  lines.push(`  ${'scale'.padEnd(6)} ${'lines'.padStart(7)} ${'parse ms'.padStart(9)} ${'all sse rules ms'.padStart(17)} ${'no-await-in-loop ms'.padStart(20)}  findings`);
  for (const row of result.rows) {
    const findings = Object.entries(row.findings)
      .map(([rule, count]) => `${rule.replace('sse/', '')} ${count}`)
      .join(', ');
    lines.push(
      `  ${`${row.scale}×`.padEnd(6)} ${String(row.lines).padStart(7)} ${row.parseMs.toFixed(1).padStart(9)} ${row.pluginMs.toFixed(1).padStart(17)} ${row.ruleMs['no-await-in-loop'].toFixed(1).padStart(20)}  ${findings}`,
    );
  }
  lines.push(
    `  ${result.growth.size}× the size took ${result.growth.plugin.toFixed(1)}× the time for the plugin (target ≤ ${result.limit}×: ${result.met ? 'met' : 'NOT met'}); per rule: ${Object.entries(
      result.growth.byRule,
    )
      .map(([rule, ratio]) => `${rule} ${ratio.toFixed(1)}×`)
      .join(', ')}`,
  );
  for (const problem of result.problems) lines.push(`  PROBLEM: ${problem}`);
  return lines;
}
