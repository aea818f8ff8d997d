/** The benchmark page is generated from results: its verdicts must follow the figures. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeReport } from '../../scripts/bench/write-report.js';

const docs = mkdtempSync(path.join(tmpdir(), 'write-report-test-'));
afterAll(() => rmSync(docs, { recursive: true, force: true }));

const ruleMs = (inLoop: number) => ({ 'sse/no-eventsource-in-loop': inLoop, 'no-await-in-loop': 2 });
const results = {
  machine: {
    date: '2026-11-22',
    cpus: 2,
    cpuModel: 'Test CPU',
    memoryGiB: 24,
    platform: 'linux 6',
    loadAverageAtStart: [1, 1, 1],
    loadAverageAtEnd: [2, 2, 2],
    versions: { Node: 'v20.20.2', ESLint: '10.0.0' },
  },
  // 1,000 files, so that ms over the corpus read as µs per file.
  lint: {
    measured: { date: '2026-12-05', loadAverageAtStart: [1.5, 1, 1], loadAverageAtEnd: [2.25, 1, 1] },
    runs: 5,
    files: 1000,
    byExtension: { js: 800, ts: 120, tsx: 80 },
    reactFiles: 200,
    versions: { 'eslint-plugin-react': '7.37.5', 'eslint-plugin-react-hooks': '7.0.1', 'ra-core': '5.0.0' },
    parseMs: 4000,
    ranked: [
      { rule: 'react-hooks/rules-of-hooks', ms: 300, microsecondsPerFile: 300 },
      { rule: 'react/jsx-key', ms: 50, microsecondsPerFile: 50 },
      { rule: 'sse/no-duplicate-stream', ms: 40, microsecondsPerFile: 40 },
      { rule: 'sse/no-eventsource-in-loop', ms: 20, microsecondsPerFile: 20 },
      { rule: 'no-await-in-loop', ms: 2, microsecondsPerFile: 2 },
    ],
    recommended: { rules: ['sse/no-duplicate-stream', 'sse/no-eventsource-in-loop'], ms: 60, microsecondsPerFile: 60 },
    all: null,
    reference: { rule: 'react/jsx-key', ms: 50, microsecondsPerFile: 50 },
    recommendedToReference: 1.2,
    met: false,
    runSums: { recommendedMs: [61, 75, 64], referenceMs: [52, 50.5, 58] },
    firstRule: [
      { way: 'none', firstMicroseconds: null, secondMicroseconds: 6, comparedMicroseconds: 400 },
      { way: 'touches-nothing', firstMicroseconds: 1, secondMicroseconds: 5.5, comparedMicroseconds: 401 },
      { way: 'reads-context', firstMicroseconds: 6.5, secondMicroseconds: 0.5, comparedMicroseconds: 399 },
      { way: 'reads-text', firstMicroseconds: 6.25, secondMicroseconds: 0.5, comparedMicroseconds: 402 },
    ],
    findings: { 'react-hooks/exhaustive-deps': 4 },
    realistic: {
      runs: 3,
      configs: ['js recommended', 'react-hooks recommended'],
      without: { wallMs: { median: 20000, min: 19000, max: 23000 }, cpuMs: { median: 21000, min: 20500, max: 22000 } },
      with: { wallMs: { median: 20100, min: 19500, max: 23500 }, cpuMs: { median: 21210, min: 20800, max: 22100 } },
      addedWall: { median: 0.005, min: -0.02, max: 0.03 },
      addedCpu: { median: 0.01, min: 0.004, max: 0.015 },
      addedWallMs: 100,
      findings: { total: 1234, sse: 0 },
      problems: [],
    },
    problems: [],
  },
  lintScaling: {
    runs: 5,
    limit: 24,
    met: true,
    growth: { size: 16, plugin: 15.2, byRule: { 'sse/no-eventsource-in-loop': 15.2, 'no-await-in-loop': 16 } },
    rows: [1, 4, 16].map((scale) => ({ scale, lines: scale * 1000, parseMs: scale * 10, pluginMs: scale * 5, ruleMs: ruleMs(scale * 5), findings: {} })),
  },
  lintConcurrency: {
    runs: 3,
    cpus: 2,
    autoWorkers: 0,
    denseFiles: 24,
    problems: [],
    modes: ['off', 'auto', '2'].map((mode) => ({ mode, files: 120, findings: 400, seconds: { median: 10, min: 9, max: 11 } })),
  },
  hubSize: { minifiedBytes: 20000, gzipBytes: 7000 },
  oxlint: {
    runs: 5,
    threads: 2,
    rules: ['sse/no-eventsource-in-loop'],
    problems: [],
    corpora: [
      {
        name: 'example',
        label: 'examples/live-dashboard',
        files: 7,
        findings: { oxlint: 8, eslint: 8 },
        oxlintMs: { median: 500, min: 450, max: 600 },
        eslintMs: { median: 1500, min: 1400, max: 1700 },
      },
    ],
  },
  editor: {
    runs: 5,
    changes: 5,
    problems: [],
    configs: [
      {
        name: 'recommended-type-checked',
        file: 'src/DeviceList.tsx',
        diagnostics: '17:9 sse/no-eventsource-per-item',
        coldMs: { median: 2800, min: 2600, max: 3000 },
        warmMs: { median: 28, min: 15, max: 60 },
      },
    ],
  },
};

/** A type-aware part that meets its limits over the lint without rules and misses the one beside typescript-eslint. */
const spread = (median: number) => ({ median, min: median - 100, max: median + 100 });
const typedVariant = (lint: number, cpu: number, findings: Record<string, number> = {}) => ({ lintMs: spread(lint), cpuMs: spread(cpu), peakMiB: spread(480), findings });
const typeAware = {
  runs: 15,
  project: { seed: 6, files: 401, lines: 5624, helpers: 140, hooks: 80, components: 120, pages: 60 },
  variants: {
    baseline: typedVariant(4000, 7000),
    syntactic: typedVariant(4000, 7000),
    'type-aware': typedVariant(4300, 7450, { renderedPerItemAcrossFiles: 50 }),
    tseslint: typedVariant(8000, 12000, { unusedVar: 170 }),
    'tseslint+sse': typedVariant(8500, 12700, { unusedVar: 170, renderedPerItemAcrossFiles: 50 }),
  },
  targets: {
    cpuOverBaseline: 1.064,
    memoryOverBaseline: 1.019,
    cpuOverTseslint: 1.061,
    memoryOverTseslint: 1.007,
    pairedRunByRun: true,
    cpuOverBaselineRuns: { median: 1.064, min: 0.96, max: 1.38 },
    cpuOverTseslintRuns: { median: 1.061, min: 0.905, max: 1.131 },
    met: false,
  },
  limits: { cpuOverBaseline: 1.1, memoryOverBaseline: 1.15, overTseslint: 1.05 },
  measured: { date: '2026-12-07', loadAverageAtStart: [1.8, 1.9, 1.9], loadAverageAtEnd: [1.8, 1.8, 1.9] },
  typeAwareAddedMs: 300,
  typeAwareOverSyntactic: 1.075,
  typeAwareAddedCpuMs: 450,
  typeAwareOverSyntacticCpu: 1.064,
  declarationsSummarised: 387,
  declarationWalks: 387,
  indexConversions: 0,
};

/** The page `writeReport` makes of `figures`, written to a folder of its own and removed again. */
function pageWith(figures: object): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'write-report-page-'));
  try {
    writeReport(figures, { docs: folder });
    return readFileSync(path.join(folder, 'benchmarks.md'), 'utf8');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

describe('writeReport', () => {
  writeReport({ ...results, typeAware }, { docs });
  const page = readFileSync(path.join(docs, 'benchmarks.md'), 'utf8');

  it('states each measured target with its verdict', () => {
    expect(page).toContain('| the `recommended` rules together ≤ `react/jsx-key` per file, on the same real code in the same run | 1.20× (60.0 µs against 50.0 µs per file) | **not met** |');
    expect(page).toContain('| dense input: 16× the size in ≤ 24× the time | 15.2× | **met** |');
  });

  it('tabulates the figures, with the machine and the versions', () => {
    expect(page).toContain('| 4× | 4,000 | 40.0 | 20.0 | 20.0 | 2.0 |');
    expect(page).toContain('| `--concurrency auto` | 10.00 (9.00–11.00) | 400 |');
    expect(page).toContain('| CPU | 2 × Test CPU |');
    expect(page).toContain('| ESLint | 10.0.0 |');
    expect(page).toContain('**20,000 B**, **7,000 B gzip**');
    expect(page).toContain('so `auto` is `off`');
  });

  it('ranks the plugin beside its peers on real code, with the corpus, the versions and the load', () => {
    expect(page).toContain('### Real code beside peer rules: 1,000 files (800 `.js`, 120 `.ts`, 80 `.tsx`)');
    expect(page).toContain('(`ra-core` 5.0.0, 200 of the files');
    expect(page).toContain('Per-file minimum of 5 runs');
    expect(page).toContain('Parsing took 4,000 µs per file.');
    expect(page).toContain('moved 61.0–75.0 ms for the `recommended` rules and 50.5–58.0 ms for `react/jsx-key`');
    expect(page).toContain('Measured alone on 2026-12-05, load average 1.50 1.00 1.00 at start, 2.25 1.00 1.00 at end; eslint-plugin-react 7.37.5, eslint-plugin-react-hooks 7.0.1');
    expect(page).toContain('| `react-hooks/rules-of-hooks` | 1 | 300.0 | 300.0 |\n| `react/jsx-key` | 2 | 50.0 | 50.0 |\n| `sse/no-duplicate-stream` | 3 | 40.0 | 40.0 |');
    expect(page).toContain('| **`sse` `recommended`, together** |  | **60.0** | **60.0** |');
    expect(page).not.toContain('`sse` `all`');
    expect(page).toContain('cost 1.20× what `react/jsx-key` costs per file here: **not met**. Findings on this corpus: `react-hooks/exhaustive-deps` 4.');
  });

  it('says what being the first rule costs, from the probes', () => {
    expect(page).toContain('| none (the second probe is first) | — | 6.0 | 400.0 |');
    expect(page).toContain('| `reads-text` | 6.3 | 0.5 | 402.0 |');
    expect(page).toContain('being the first rule to touch the context costs about 5.5 µs per file, 5.5 ms over these 1,000 files');
    expect(page).toContain('After a first rule that touches nothing, that rule costs 1.0 µs and the second probe 5.5 µs.');
    expect(page).toContain('the probe that reads it costs 6.3 µs, the one that reads only the context 6.5 µs');
    expect(page).not.toContain('10 ms');
  });

  it('shows what the plugin adds to a whole lint, and why the target is not met', () => {
    expect(page).toContain('| without the plugin | 20.00 (19.00–23.00) | 21.00 (20.50–22.00) | 1,234 |');
    expect(page).toContain('| with `sse.configs.recommended` | 20.10 (19.50–23.50) | 21.21 (20.80–22.10) | 1,234 + 0 `sse/` |');
    expect(page).toContain(
      "The plugin adds +0.5% (−2.0% to +3.0%) wall time (+100 ms) and +1.0% (+0.4% to +1.5%) CPU time to the whole lint, and changes no other rule's findings. A range that crosses zero is this shared machine's noise between processes, not a saving. ESLint's per-rule times above put the `recommended` rules at 60.0 ms over these files, 0.29% of the whole lint's CPU time (a per-file minimum, which leaves out what a rule pays once per process). The lint without the plugin alone took 20.5–22.0 s of CPU over its 3 runs (−2.4% to +4.8% of its median), so the share between two processes measures this machine's drift as much as the plugin.",
    );
    expect(page).toContain('- **Lint cost on real code: the `recommended` rules together cost 1.20× `react/jsx-key` per file (60.0 µs against 50.0 µs), not ≤ 1×.**');
    expect(page).toContain('The costliest is `sse/no-duplicate-stream`, 40.0 µs per file.');
  });

  it('names only the type-aware limits a run missed, with the run-by-run range', () => {
    expect(page).toContain('| CPU +6.4%, memory +1.9%; beside: CPU +6.1%, memory +0.7% | **not met** |');
    expect(page).toContain("- **Type-aware mode: +6.1% CPU beside typescript-eslint's `recommended-type-checked`, not ≤ +5%.**");
    expect(page).toContain('may open the URL asked about, 0 files here (');
    expect(page).toContain(
      "The percentages above are medians of the ratios of runs taken within the same minute. Run by run over these 15 runs, the CPU ratio beside typescript-eslint's `recommended-type-checked` ranged −9.5% to +13.1% (the ratio of the table's medians: +5.8%), so one measurement can land on either side of the limit.",
    );
    expect(page).not.toContain('CPU over a typed lint without rules, not ≤');
    expect(page).not.toContain("without rules ranged −4.0% to +38.0% (the ratio of the table's medians");
  });

  it('says the lints of a ratio ran back to back when the run ordered them so', () => {
    const page = pageWith({ ...results, typeAware: { ...typeAware, pairing: 'back-to-back' } });
    expect(page).toContain(
      'Each percentage below is the median of the ratios run by run: the two lints of a ratio run one right after the other, which of them first alternating from run to run, so that',
    );
    expect(page).toContain('The percentages above are medians of the ratios of runs taken one right after the other. Run by run over these 15 runs,');
    expect(page).not.toContain('same minute');
  });

  it('gives the ratio alone when the run kept no run-by-run figures', () => {
    const { cpuOverBaselineRuns: _baseline, cpuOverTseslintRuns: _tseslint, ...targets } = { ...typeAware.targets, pairedRunByRun: false };
    const page = pageWith({ ...results, typeAware: { ...typeAware, targets } });
    expect(page).toContain(
      "No one frame stands out: halving the plugin's share would take cuts in each. Over these 15 runs, the CPU ratio beside typescript-eslint's `recommended-type-checked` was +6.1% (the ratio of the table's medians: +5.8%). CPU time",
    );
  });

  it('gives the run-by-run range of each CPU ratio a run missed, and says when every run missed it', () => {
    const targets = { ...typeAware.targets, cpuOverBaseline: 1.2, cpuOverBaselineRuns: { median: 1.2, min: 1.12, max: 1.3 } };
    const page = pageWith({ ...results, typeAware: { ...typeAware, targets } });
    expect(page).toContain(
      "Run by run over these 15 runs, the CPU ratio over the typed lint without rules ranged +12.0% to +30.0% (the ratio of the table's medians: +6.4%), above the limit in every run; the CPU ratio beside typescript-eslint's `recommended-type-checked` ranged −9.5% to +13.1% (the ratio of the table's medians: +5.8%), so one measurement can land on either side of the limit.",
    );
  });

  it('compares oxlint with the ESLint CLI, and shows the editor cold and warm', () => {
    expect(page).toContain('## 4. oxlint and the editor');
    expect(page).toContain('| examples/live-dashboard (7 files) | 8 | 0.50 (0.45–0.60) | 1.50 (1.40–1.70) | 3.0× |');
    expect(page).toContain('Both reported the same findings');
    expect(page).toContain('| `recommended-type-checked`, `src/DeviceList.tsx` | 2,800 (2,600–3,000) | 28 (15–60) | 17:9 sse/no-eventsource-per-item |');
  });

  it('says which run each section comes from', () => {
    expect(page).toContain('The sections below come from several runs; each gives its own date and load.');
    const pageOf = (machine: object) => pageWith({ ...results, typeAware, machine: { ...results.machine, ...machine } });
    const command = 'npm run bench -- --write-docs --type-aware-runs 15';
    expect(pageOf({ command })).toContain(
      'Every section below comes from this one run (`npm run bench -- --write-docs --type-aware-runs 15`), its parts measured one after another with nothing else running;',
    );
    expect(pageOf({ command, remeasured: ['hub', 'type-aware'] })).toContain(
      'Every section below comes from this one run (`npm run bench -- --write-docs --type-aware-runs 15`), except `hub`, `type-aware`, measured again later with `--update-docs` (dated in its section).',
    );
  });

  it('names only the hub limits a run missed, with the share of the per-event ceiling it reached', () => {
    // The hub's tables need a whole run's figures; the paragraph under test reads only `target` and `floor`.
    const committed = JSON.parse(readFileSync(new URL('../../docs/benchmarks/results.json', import.meta.url), 'utf8'));
    const floor = {
      eventStreamParseNanoseconds: { median: 300, min: 290, max: 320 },
      dispatchNanoseconds: { median: 200, min: 190, max: 210 },
      ceilingEventsPerSecond: { median: 2_000_000, min: 1_900_000, max: 2_100_000 },
    };
    const shortfallOf = (measured: number, measuredToPlain: number) => {
      const target = { ...committed.hub.target, eventsPerCpuSecond: 1_000_000, toPlainPerCpu: 0.9, measured, measuredToPlain, met: false };
      const page = pageWith({ ...results, typeAware, hub: { ...committed.hub, floor, target } });
      return page.split('\n').find((line) => line.startsWith('- **Hub throughput'));
    };
    const slow = shortfallOf(800_000, 1.25);
    expect(slow).toContain('- **Hub throughput: 800,000 events per CPU-second, not ≥ 1,000,000.**');
    expect(slow).toContain('event stream parse 300 ns, dispatch 200 ns. Those two steps alone allow at most 2,000,000 events per second on this machine; the hub reaches 40% of that');
    expect(shortfallOf(800_000, 0.5)).toContain('- **Hub throughput: 800,000 events per CPU-second, not ≥ 1,000,000; 0.50× a stream per subscriber, not ≥ 0.9×.**');
    expect(shortfallOf(1_200_000, 0.5)).toContain('- **Hub throughput: 0.50× a stream per subscriber, not ≥ 0.9×.**');
  });

  it('writes the chart it links and the results it was made from', () => {
    expect(page).toContain('![Lint time against file size](benchmarks/lint-scaling.svg)');
    expect(readFileSync(path.join(docs, 'benchmarks/lint-scaling.svg'), 'utf8')).toContain('<svg');
    expect(JSON.parse(readFileSync(path.join(docs, 'benchmarks/results.json'), 'utf8'))).toEqual({ ...results, typeAware });
  });
});
