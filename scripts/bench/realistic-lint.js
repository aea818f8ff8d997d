/**
 * The wall time the plugin adds to a whole lint (issue 16): the lint corpus of `lint-cost.js`
 * linted as a React and TypeScript project lints it — ESLint's `js.configs.recommended`,
 * typescript-eslint's `recommended`, eslint-plugin-react's `recommended` and `jsx-runtime`,
 * eslint-plugin-react-hooks' `recommended` — with and without `sse.configs.recommended`.
 *
 * Each lint is a fresh Node process, as a CLI run is: wall time from spawn to exit (loading the
 * plugins included) and the process's CPU time. The two take turns, and which goes first
 * alternates from round to round; the added share is taken within each round. The findings of
 * every other rule must be the same with the plugin as without.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { median, spread } from './statistics.js';
import { runTimedChild } from './timed-child.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SELF = fileURLToPath(import.meta.url);
export const CONFIGS = ['js recommended', 'typescript-eslint recommended', 'react recommended and jsx-runtime', 'react-hooks recommended'];

/** In the child process: one lint of `patterns`, reported as JSON on stdout. */
async function lintOnce(withPlugin, patterns) {
  const [{ ESLint }, { default: js }, { default: tseslint }, { default: react }, { default: reactHooks }] = await Promise.all([
    import('eslint'),
    import('@eslint/js'),
    import('typescript-eslint'),
    import('eslint-plugin-react'),
    import('eslint-plugin-react-hooks'),
  ]);
  // Loaded only with the plugin: loading it is part of what it adds.
  const plugin = withPlugin ? (await import('../../dist/src/index.js')).default : null;
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      // ESLint skips node_modules by default; this corpus lives there.
      { ignores: ['!**/node_modules/'] },
      js.configs.recommended,
      ...tseslint.configs.recommended,
      react.configs.flat.recommended,
      react.configs.flat['jsx-runtime'],
      reactHooks.configs.flat.recommended,
      {
        languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
        settings: { react: { version: JSON.parse(readFileSync(path.join(root, 'node_modules/react/package.json'), 'utf8')).version } },
        linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true },
      },
      ...(withPlugin ? [plugin.configs.recommended] : []),
    ],
  });
  const started = performance.now();
  const results = await eslint.lintFiles(patterns);
  const lintMs = performance.now() - started;
  const cpu = process.cpuUsage();
  const findings = {};
  let fatal = 0;
  for (const result of results) {
    for (const message of result.messages) {
      // Messages without a rule and not fatal say the corpus's own `eslint` comments are ignored.
      if (message.fatal) fatal += 1;
      else if (message.ruleId) findings[message.ruleId] = (findings[message.ruleId] ?? 0) + 1;
    }
  }
  return { files: results.length, lintMs, cpuMs: (cpu.user + cpu.system) / 1000, fatal, findings };
}

async function runChild(withPlugin, patterns) {
  const { result, elapsedMs } = await runTimedChild([SELF, '--child', withPlugin ? 'with' : 'without', JSON.stringify(patterns)], {
    cwd: root,
    label: `whole lint (${withPlugin ? 'with' : 'without'} sse)`,
  });
  return { ...result, wallMs: elapsedMs };
}

/** Findings by rule, `sse/` rules left out: what the plugin must not change. */
const othersOf = (findings) => JSON.stringify(Object.entries(findings).filter(([rule]) => !rule.startsWith('sse/')).sort());

/**
 * `runs` rounds of one lint without and one with the plugin, the order alternating; wall, CPU and
 * lint-call ms of each (median, min, max), and the share the plugin adds, taken round by round.
 */
export async function measureRealisticLint({ runs = 5, patterns }) {
  const rounds = [];
  for (let run = 0; run < runs; run++) {
    const order = run % 2 === 0 ? [false, true] : [true, false];
    const round = {};
    for (const withPlugin of order) round[withPlugin ? 'with' : 'without'] = await runChild(withPlugin, patterns);
    rounds.push(round);
  }
  const variant = (key) => ({
    wallMs: spread(rounds.map((round) => round[key].wallMs)),
    cpuMs: spread(rounds.map((round) => round[key].cpuMs)),
    lintMs: spread(rounds.map((round) => round[key].lintMs)),
    files: rounds[0][key].files,
    findings: rounds[0][key].findings,
  });
  const added = (measure) => spread(rounds.map((round) => round.with[measure] / round.without[measure] - 1));
  const problems = [];
  for (const [index, round] of rounds.entries()) {
    for (const [key, sample] of Object.entries(round)) {
      if (sample.fatal > 0) problems.push(`whole lint ${key} sse, round ${index + 1}: ${sample.fatal} files failed to parse or were not linted`);
    }
    if (othersOf(round.with.findings) !== othersOf(round.without.findings)) problems.push(`whole lint, round ${index + 1}: the other rules' findings changed with the plugin`);
  }
  const without = variant('without');
  const withPlugin = variant('with');
  return {
    runs,
    configs: CONFIGS,
    without,
    with: withPlugin,
    addedWall: added('wallMs'),
    addedCpu: added('cpuMs'),
    addedWallMs: median(rounds.map((round) => round.with.wallMs - round.without.wallMs)),
    findings: {
      total: Object.values(without.findings).reduce((sum, count) => sum + count, 0),
      sse: Object.entries(withPlugin.findings)
        .filter(([rule]) => rule.startsWith('sse/'))
        .reduce((sum, [, count]) => sum + count, 0),
    },
    problems,
  };
}

if (process.argv[2] === '--child') {
  process.stdout.write(JSON.stringify(await lintOnce(process.argv[3] === 'with', JSON.parse(process.argv[4]))));
}
