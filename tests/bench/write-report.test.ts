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
  lint: { files: 100, runs: 5, parseMs: 900, ruleMs: ruleMs(3), pluginTotalMs: 3, pluginToNoAwaitInLoop: 1.5 },
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

describe('writeReport', () => {
  writeReport(results, { docs });
  const page = readFileSync(path.join(docs, 'benchmarks.md'), 'utf8');

  it('states each measured target with its verdict', () => {
    expect(page).toContain('| whole plugin ≤ `no-await-in-loop` on real code | 1.50× alone (3.0 ms against 2.0 ms) | **not met** |');
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

  it('compares oxlint with the ESLint CLI, and shows the editor cold and warm', () => {
    expect(page).toContain('## 4. oxlint and the editor');
    expect(page).toContain('| examples/live-dashboard (7 files) | 8 | 0.50 (0.45–0.60) | 1.50 (1.40–1.70) | 3.0× |');
    expect(page).toContain('Both reported the same findings');
    expect(page).toContain('| `recommended-type-checked`, `src/DeviceList.tsx` | 2,800 (2,600–3,000) | 28 (15–60) | 17:9 sse/no-eventsource-per-item |');
  });

  it('writes the chart it links and the results it was made from', () => {
    expect(page).toContain('![Lint time against file size](benchmarks/lint-scaling.svg)');
    expect(readFileSync(path.join(docs, 'benchmarks/lint-scaling.svg'), 'utf8')).toContain('<svg');
    expect(JSON.parse(readFileSync(path.join(docs, 'benchmarks/results.json'), 'utf8'))).toEqual(results);
  });
});
