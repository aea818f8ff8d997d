/**
 * `npm run bench -- lint`: what the plugin's rules cost per file beside the rules a user would
 * compare them with (issue 16), on one corpus of real code, in one run:
 *
 * - the corpus: ESLint's, typescript-eslint's and Vitest's sources from `node_modules` (plain
 *   JavaScript, no React) and react-admin's core (`ra-core`'s `src`, TypeScript with JSX and
 *   hooks, its tests and stories included), all parsed by typescript-eslint's parser with JSX on,
 *   as a typescript-eslint project parses them;
 * - the peers: `react/jsx-key`, `react-hooks/rules-of-hooks` and `exhaustive-deps` (React code),
 *   and ESLint's `array-callback-return`, `no-loop-func` and `no-await-in-loop` (loops and
 *   callbacks, as ours).
 *
 * ESLint's own per-rule times (`stats: true`, the API behind `eslint --stats`; they cover a rule's
 * `create()` and its listeners) with per-file minimum-of-R timing (`per-file-minimum.js`): every
 * repetition lints every file with all compared rules on, so each rule sees the same moments of
 * the machine, and each rule keeps its lowest time per file.
 *
 * The first rule that runs on a file costs more than it would later in the list. Each file is
 * therefore linted in each repetition four ways, the ways taking turns file by file: with a probe
 * rule first that returns no listener and touches nothing, one that reads `context.sourceCode` and
 * `context.filename`, one that reads `context.sourceCode.text`, and with no probe. The compared
 * rules' figures come from the second way, so that the cost of being first falls on the probe
 * and on none of them; the four ways together measure that cost.
 *
 * `realistic-lint.js` measures the wall time the plugin adds to a whole lint of the same corpus.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import { globby } from 'globby';
import plugin from '../../dist/src/index.js';
import { CORPUS, REACT_CODE } from './corpus.js';
import { PerFileMinimum, rankByCost, timesOfFile } from './per-file-minimum.js';
import { measureRealisticLint } from './realistic-lint.js';

const root = fileURLToPath(new URL('../../', import.meta.url));


/** What a user would compare the plugin with, in issue 16's order. */
export const PEER_RULES = ['react/jsx-key', 'react-hooks/rules-of-hooks', 'react-hooks/exhaustive-deps', 'array-callback-return', 'no-loop-func', 'no-await-in-loop'];
/** Issue 16: syntactic mode costs no more per file than `react/jsx-key`, on the same corpus in the same run. */
export const REFERENCE_RULE = 'react/jsx-key';

// Written by the probes, read by nobody: see below.
let _lastRead;
/** Rules put first in the list; `context` is what the probe's `create()` reads. */
export const FIRST_RULE_PROBES = {
  'touches-nothing': () => ({}),
  'reads-context': (context) => {
    // Kept in a module variable, so that the reads cannot be optimised away.
    _lastRead = context.sourceCode;
    _lastRead = context.filename;
    return {};
  },
  'reads-text': (context) => {
    _lastRead = context.sourceCode.text;
    return {};
  },
};
/**
 * The rule timed after the first one, the same in every way: it reads what `reads-context` reads,
 * so its time in each way says what the rule before it left to pay.
 */
export const SECOND_RULE = 'probe/second';
/** The way whose figures the compared rules report: a probe that reads the context runs first. */
export const MEASURED_WAY = 'reads-context';
const WAYS = ['none', ...Object.keys(FIRST_RULE_PROBES)];
const probeRule = (create) => ({ meta: { type: 'problem', schema: [] }, create });
const probe = {
  rules: {
    ...Object.fromEntries(Object.entries(FIRST_RULE_PROBES).map(([name, create]) => [name, probeRule(create)])),
    second: probeRule(FIRST_RULE_PROBES['reads-context']),
  },
};

export function packageVersion(name) {
  return JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/** The compared rules, peers first, each at "error", after `first` (a probe, or `none`) and the second probe. */
function rulesFor(first) {
  return {
    ...(first === 'none' ? {} : { [`probe/${first}`]: 'error' }),
    [SECOND_RULE]: 'error',
    ...Object.fromEntries(PEER_RULES.map((rule) => [rule, 'error'])),
    ...plugin.configs.recommended.rules,
    ...plugin.configs.all.rules,
  };
}

function eslintFor(first) {
  return new ESLint({
    cwd: root,
    stats: true,
    overrideConfigFile: true,
    overrideConfig: [
      // ESLint skips node_modules by default; this corpus lives there.
      { ignores: ['!**/node_modules/'] },
      {
        files: ['**/*.js', '**/*.ts', '**/*.tsx'],
        plugins: { sse: plugin, react, 'react-hooks': reactHooks, probe },
        languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
        settings: { react: { version: packageVersion('react') } },
        linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true },
        rules: rulesFor(first),
      },
    ],
  });
}

/** `rotation` turns of `list`: which way goes first changes from file to file and run to run. */
const rotated = (list, rotation) => list.map((_, index) => list[(index + rotation) % list.length]);

/**
 * Lints the corpus `runs` times each way and returns, per way, the per-file minimums summed (ms),
 * with the findings of the measured way's first run (a fatal message is a problem: the figures
 * would leave that file out).
 */
async function timeRules(paths, runs) {
  const texts = paths.map((file) => readFileSync(file, 'utf8'));
  const linters = Object.fromEntries(WAYS.map((way) => [way, eslintFor(way)]));
  const minimums = Object.fromEntries(WAYS.map((way) => [way, new PerFileMinimum(paths.length)]));
  // Sums per run of the measured way, to show what the minimum removes.
  const runTotals = [];
  const findings = {};
  const problems = [];
  for (let run = 0; run < runs; run++) {
    const totals = {};
    for (const [index, file] of paths.entries()) {
      for (const way of rotated(WAYS, run + index)) {
        const [result] = await linters[way].lintText(texts[index], { filePath: file });
        const { parse, rules } = timesOfFile(result.stats?.times);
        minimums[way].record(index, 'parse', parse);
        for (const [rule, ms] of Object.entries(rules)) minimums[way].record(index, rule, ms);
        if (way !== MEASURED_WAY) continue;
        for (const [rule, ms] of Object.entries(rules)) totals[rule] = (totals[rule] ?? 0) + ms;
        if (run > 0) continue;
        for (const message of result.messages) {
          // Messages without a rule and not fatal say the corpus's own `eslint` comments are ignored.
          if (message.fatal) problems.push(`${path.relative(root, file)}:${message.line}:${message.column} ${message.message}`);
          else if (message.ruleId) findings[message.ruleId] = (findings[message.ruleId] ?? 0) + 1;
        }
      }
    }
    runTotals.push(totals);
  }
  return { totals: Object.fromEntries(WAYS.map((way) => [way, minimums[way].totals()])), runTotals, findings, problems };
}

const sum = (values) => values.reduce((total, value) => total + value, 0);

/** The rules compared: the peers and the plugin's. */
const comparedRules = () => Object.keys(rulesFor('none')).filter((rule) => !rule.startsWith('probe/'));

/** What each way's first probe cost, the second probe after it, and the compared rules after both, in µs per file. */
function firstRuleCost(totals, files) {
  const perFile = (ms) => (ms * 1000) / files;
  return WAYS.map((way) => ({
    way,
    firstMicroseconds: way === 'none' ? null : perFile(totals[way][`probe/${way}`] ?? 0),
    secondMicroseconds: perFile(totals[way][SECOND_RULE] ?? 0),
    comparedMicroseconds: perFile(sum(comparedRules().map((rule) => totals[way][rule] ?? 0))),
  }));
}

/**
 * The lint part: per-file µs of every peer and `sse/` rule from one run, ranked, whether the
 * `recommended` set stays at or under `react/jsx-key`, what being the first rule costs, and the
 * wall time the plugin adds to a whole lint (`realistic-lint.js`).
 */
export async function measureLintCost({ runs = 5, patterns = CORPUS } = {}) {
  // The page quotes the part's own date and load: `--update-docs` re-measures it alone.
  const measured = { date: new Date().toISOString().slice(0, 10), loadAverageAtStart: os.loadavg() };
  const paths = (await globby(patterns, { cwd: root, absolute: true })).sort();
  const byExtension = {};
  for (const file of paths) byExtension[path.extname(file).slice(1)] = (byExtension[path.extname(file).slice(1)] ?? 0) + 1;
  const reactFiles = (await globby(REACT_CODE, { cwd: root })).length;
  const { totals, runTotals, findings, problems } = await timeRules(paths, runs);
  const measuredTotals = totals[MEASURED_WAY];
  const files = paths.length;
  const sseRules = (config) => Object.keys(plugin.configs[config].rules);
  const setMs = (config) => sum(sseRules(config).map((rule) => measuredTotals[rule] ?? 0));
  const compared = Object.fromEntries(comparedRules().map((rule) => [rule, measuredTotals[rule] ?? 0]));
  const recommendedMs = setMs('recommended');
  const allMs = setMs('all');
  const referenceMs = measuredTotals[REFERENCE_RULE];
  const perRun = (rules) => runTotals.map((run) => sum(rules.map((rule) => run[rule] ?? 0)));
  const realistic = await measureRealisticLint({ runs, patterns });
  problems.push(...realistic.problems);
  measured.loadAverageAtEnd = os.loadavg();
  return {
    measured,
    runs,
    files,
    byExtension,
    reactFiles,
    versions: { 'eslint-plugin-react': packageVersion('eslint-plugin-react'), 'eslint-plugin-react-hooks': packageVersion('eslint-plugin-react-hooks'), 'ra-core': packageVersion('ra-core') },
    parseMs: measuredTotals.parse,
    ranked: rankByCost(compared, files),
    recommended: { rules: sseRules('recommended'), ms: recommendedMs, microsecondsPerFile: (recommendedMs * 1000) / files },
    // `all` is only worth a row when it holds more than `recommended`.
    all: allMs === recommendedMs ? null : { rules: sseRules('all'), ms: allMs, microsecondsPerFile: (allMs * 1000) / files },
    reference: { rule: REFERENCE_RULE, ms: referenceMs, microsecondsPerFile: (referenceMs * 1000) / files },
    recommendedToReference: recommendedMs / referenceMs,
    met: recommendedMs <= referenceMs,
    // The sums per run, without the per-file minimum: how much a run's moments moved them.
    runSums: { recommendedMs: perRun(sseRules('recommended')), referenceMs: perRun([REFERENCE_RULE]) },
    firstRule: firstRuleCost(totals, files),
    findings,
    realistic,
    problems,
  };
}

/** The lines `npm run bench -- lint` prints. */
export function formatLintCost(lint) {
  const µs = (value) => `${value.toFixed(1).padStart(7)} µs`;
  const lines = [
    `Lint cost per file on ${lint.files} real files (${Object.entries(lint.byExtension).map(([extension, count]) => `${count} .${extension}`).join(', ')}), per-file minimum of ${lint.runs} runs; parse ${((lint.parseMs * 1000) / lint.files).toFixed(0)} µs per file:`,
    ...lint.ranked.map((row) => `  ${row.rule.padEnd(32)} ${µs(row.microsecondsPerFile)}`),
    `  ${'sse recommended, together'.padEnd(32)} ${µs(lint.recommended.microsecondsPerFile)}  (${lint.recommendedToReference.toFixed(2)}× ${lint.reference.rule}: ${lint.met ? 'met' : 'NOT met'})`,
    `  first rule: ${lint.firstRule
      .map((way) => `${way.way} → first ${way.firstMicroseconds === null ? '—' : way.firstMicroseconds.toFixed(1)}, second ${way.secondMicroseconds.toFixed(1)}, compared rules ${way.comparedMicroseconds.toFixed(1)} µs`)
      .join('; ')}`,
  ];
  const { realistic } = lint;
  const seconds = ({ median, min, max }) => `${(median / 1000).toFixed(2)} s [${(min / 1000).toFixed(2)}–${(max / 1000).toFixed(2)}]`;
  lines.push(
    `  whole lint (${realistic.configs.join(', ')}), ${realistic.runs} runs each: without sse ${seconds(realistic.without.wallMs)}, with ${seconds(realistic.with.wallMs)}; added ${(realistic.addedWall.median * 100).toFixed(1)}% wall, ${(realistic.addedCpu.median * 100).toFixed(1)}% CPU`,
    `  load average ${lint.measured.loadAverageAtStart.map((v) => v.toFixed(2)).join(' ')} at start, ${lint.measured.loadAverageAtEnd.map((v) => v.toFixed(2)).join(' ')} at end`,
    ...lint.problems.map((problem) => `  PROBLEM: ${problem}`),
  );
  return lines;
}
