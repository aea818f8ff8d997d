/**
 * What a Vue or Svelte single-file component that names no stream costs the plugin, against a
 * `.ts` file holding the same script code (`sfc-corpus.js`). Four lints per framework and run,
 * interleaved: the components through their framework's parser (typescript-eslint's for
 * `lang="ts"`) with `sse.configs.vue` / `sse.configs.svelte`, the same without the plugin, and
 * the `.ts` files with `sse.configs.recommended` and without. The plugin's own cost is read two
 * ways: ESLint's per-rule times (`stats`, which charge the template walk to the rule that asked
 * for it) and the wall time with the plugin minus without. Each run lints a fresh copy of the
 * corpus, so that the components a template imports are read from disk as in one CLI run, not
 * answered from the previous run's cache.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import * as svelteParser from 'svelte-eslint-parser';
import * as vueParser from 'vue-eslint-parser';
import plugin from '../../dist/src/index.js';
import { writeSfcCorpus } from './sfc-corpus.js';
import { median, spread } from './statistics.js';

export const FRAMEWORKS = ['vue', 'svelte'];
const PARSERS = { vue: vueParser, svelte: svelteParser };
const PARSER_PACKAGES = { vue: 'vue-eslint-parser', svelte: 'svelte-eslint-parser' };

function packageVersion(name) {
  return JSON.parse(readFileSync(new URL(`../../node_modules/${name}/package.json`, import.meta.url), 'utf8')).version;
}

/** The flat config of one variant: `sfc` or `ts` files, with the plugin's rules or with none. */
function configFor(framework, files, withPlugin) {
  const quiet = { linterOptions: { reportUnusedDisableDirectives: 'off' } };
  if (files === 'ts') {
    return [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, ...quiet }, ...(withPlugin ? [plugin.configs.recommended] : [])];
  }
  return [
    {
      files: [`**/*.${framework}`],
      languageOptions: { parser: PARSERS[framework], parserOptions: { parser: tsParser, sourceType: 'module', ecmaVersion: 'latest' } },
      ...quiet,
    },
    ...(withPlugin ? [plugin.configs[framework]] : []),
  ];
}

const VARIANTS = [
  { files: 'sfc', withPlugin: true },
  { files: 'sfc', withPlugin: false },
  { files: 'ts', withPlugin: true },
  { files: 'ts', withPlugin: false },
];
const variantKey = ({ files, withPlugin }) => `${files}${withPlugin ? 'Plugin' : 'Off'}`;

/**
 * One lint of `paths` in-process: wall ms, ESLint's parse ms, and the `sse/` rules' ms by rule.
 * Every message is a problem: the corpus parses and names no stream.
 */
function lintOnce(directory, paths, kinds, config) {
  const linter = new Linter({ configType: 'flat', cwd: directory });
  const ruleMs = {};
  // The plugin's ms per kind of component (card, list, …), to show where a difference comes from.
  const pluginMsByKind = {};
  let parseMs = 0;
  const problems = [];
  const started = performance.now();
  for (const [index, file] of paths.entries()) {
    // verifyAndFix is where ESLint records `stats`; nothing here has a fix to apply.
    const { messages } = linter.verifyAndFix(readFileSync(file, 'utf8'), config, { filename: file, stats: true, fix: false });
    for (const message of messages) problems.push(`${path.basename(file)}:${message.line}:${message.column} ${message.ruleId ?? 'fatal'}: ${message.message}`);
    for (const pass of linter.getTimes().passes ?? []) {
      parseMs += pass.parse?.total ?? 0;
      for (const [rule, time] of Object.entries(pass.rules ?? {})) {
        ruleMs[rule] = (ruleMs[rule] ?? 0) + time.total;
        if (rule.startsWith('sse/')) pluginMsByKind[kinds[index]] = (pluginMsByKind[kinds[index]] ?? 0) + time.total;
      }
    }
  }
  return { wallMs: performance.now() - started, parseMs, ruleMs, pluginMsByKind, problems };
}

const pluginMs = (sample) => Object.entries(sample.ruleMs).reduce((sum, [rule, ms]) => sum + (rule.startsWith('sse/') ? ms : 0), 0);

function lintCorpus(framework, count, seed) {
  const directory = mkdtempSync(path.join(tmpdir(), `sse-bench-sfc-${framework}-`));
  try {
    const corpus = writeSfcCorpus(directory, { framework, count, seed });
    const samples = {};
    for (const variant of VARIANTS) {
      const paths = variant.files === 'sfc' ? corpus.components : corpus.scripts;
      samples[variantKey(variant)] = lintOnce(directory, paths, corpus.kinds, configFor(framework, variant.files, variant.withPlugin));
    }
    return { corpus, samples };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/**
 * @param {{ runs?: number, count?: number, frameworks?: string[] }} [options]
 */
export async function measureSfcCost({ runs = 5, count = 200, frameworks = FRAMEWORKS } = {}) {
  // Its own date and load: `npm run bench -- sfc --update-docs` re-measures this part alone.
  const measured = { date: new Date().toISOString().slice(0, 10), loadAverageAtStart: os.loadavg(), versions: {} };
  for (const framework of frameworks) measured.versions[PARSER_PACKAGES[framework]] = packageVersion(PARSER_PACKAGES[framework]);
  const result = { runs, files: count, seed: 12, measured, frameworks: {}, problems: [] };
  for (const framework of frameworks) {
    // One untimed pass warms the JIT and loads the parsers, so that the first variant timed is not the cold one.
    lintCorpus(framework, count, result.seed);
    const runsOf = [];
    let lines = 0;
    let lastCorpusKinds = [];
    for (let run = 0; run < runs; run++) {
      const { corpus, samples } = lintCorpus(framework, count, result.seed);
      lines = corpus.lines;
      lastCorpusKinds = corpus.kinds;
      runsOf.push(samples);
      for (const [variant, sample] of Object.entries(samples)) {
        for (const problem of sample.problems.slice(0, 3)) result.problems.push(`${framework} ${variant}: ${problem}`);
      }
    }
    const figures = (key) => ({
      wallMs: spread(runsOf.map((samples) => samples[key].wallMs)),
      parseMs: spread(runsOf.map((samples) => samples[key].parseMs)),
    });
    const ruleNames = Object.keys(plugin.rules).map((name) => `sse/${name}`);
    const byRule = (key) => Object.fromEntries(ruleNames.map((rule) => [rule, median(runsOf.map((samples) => samples[key].ruleMs[rule] ?? 0))]));
    const sfcRules = spread(runsOf.map((samples) => pluginMs(samples.sfcPlugin)));
    const tsRules = spread(runsOf.map((samples) => pluginMs(samples.tsPlugin)));
    result.frameworks[framework] = {
      lines,
      sfc: { plugin: { ...figures('sfcPlugin'), ruleMs: sfcRules, byRule: byRule('sfcPlugin') }, off: figures('sfcOff') },
      ts: { plugin: { ...figures('tsPlugin'), ruleMs: tsRules, byRule: byRule('tsPlugin') }, off: figures('tsOff') },
      // Wall time the plugin adds, per run (same corpus, same run), then the median.
      addedWallMs: {
        sfc: spread(runsOf.map((samples) => samples.sfcPlugin.wallMs - samples.sfcOff.wallMs)),
        ts: spread(runsOf.map((samples) => samples.tsPlugin.wallMs - samples.tsOff.wallMs)),
      },
      ruleRatio: sfcRules.median / tsRules.median,
      // The plugin's ms on each kind of component and on its script as `.ts`, with their ratio.
      byKind: Object.fromEntries(
        [...new Set(lastCorpusKinds)].map((kind) => {
          const sfc = median(runsOf.map((samples) => samples.sfcPlugin.pluginMsByKind[kind] ?? 0));
          const ts = median(runsOf.map((samples) => samples.tsPlugin.pluginMsByKind[kind] ?? 0));
          return [kind, { files: lastCorpusKinds.filter((each) => each === kind).length, sfcMs: sfc, tsMs: ts, ratio: sfc / ts }];
        }),
      ),
    };
  }
  measured.loadAverageAtEnd = os.loadavg();
  return result;
}

const ms = (value) => value.toFixed(1);
const withRange = ({ median: middle, min, max }) => `${ms(middle)} (${ms(min)}–${ms(max)})`;

/** Console lines for `npm run bench -- sfc`. */
export function formatSfcCost(sfcCost) {
  const lines = [`Single-file components without a stream name against .ts files of the same script (${sfcCost.files} files each, median of ${sfcCost.runs} runs, ms):`];
  for (const [framework, figures] of Object.entries(sfcCost.frameworks)) {
    lines.push(
      `  ${framework}: sse/ rules ${withRange(figures.sfc.plugin.ruleMs)} on .${framework}, ${withRange(figures.ts.plugin.ruleMs)} on .ts (${figures.ruleRatio.toFixed(2)}×)`,
      `    wall with / without the plugin: .${framework} ${withRange(figures.sfc.plugin.wallMs)} / ${withRange(figures.sfc.off.wallMs)}, .ts ${withRange(figures.ts.plugin.wallMs)} / ${withRange(figures.ts.off.wallMs)}`,
      `    added by the plugin: .${framework} ${withRange(figures.addedWallMs.sfc)}, .ts ${withRange(figures.addedWallMs.ts)}`,
      `    sse/ rules by kind (.${framework} / .ts ms): ${Object.entries(figures.byKind).map(([kind, k]) => `${kind} ${ms(k.sfcMs)} / ${ms(k.tsMs)} (${k.ratio.toFixed(2)}×)`).join(', ')}`,
    );
  }
  for (const problem of sfcCost.problems) lines.push(`  PROBLEM ${problem}`);
  return lines;
}
