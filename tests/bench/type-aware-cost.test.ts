/** The type-aware benchmark: the project it generates, the targets it judges, and how the page states them. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_FILES, generateTypeAwareProject, runOrder, typeAwareTargets, VARIANTS } from '../../scripts/bench/type-aware-cost.js';
import { writeReport } from '../../scripts/bench/write-report.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'type-aware-cost-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const figures = (cpu: number, peak: number) => ({
  lintMs: { median: cpu * 2, min: cpu * 2, max: cpu * 2 },
  cpuMs: { median: cpu, min: cpu - 10, max: cpu + 10 },
  peakMiB: { median: peak, min: peak, max: peak },
  findings: {},
});

/** Medians where the plugin adds `sseCpu` ms and `sseMiB` MiB to either baseline. */
function variants(sseCpu: number, sseMiB: number) {
  return {
    baseline: figures(1000, 400),
    syntactic: figures(1010, 400),
    'type-aware': figures(1000 + sseCpu, 400 + sseMiB),
    tseslint: figures(2000, 500),
    'tseslint+sse': figures(2000 + sseCpu, 500 + sseMiB),
  };
}

describe('generateTypeAwareProject', () => {
  it('writes the issue 16 project: at least 400 files, by kind', () => {
    const root = path.join(scratch, 'project');
    const project = generateTypeAwareProject(root, { files: DEFAULT_FILES, seed: 6 });
    expect(DEFAULT_FILES).toBeGreaterThanOrEqual(400);
    expect(project).toMatchObject({ files: 401, helpers: 140, hooks: 80, components: 120, pages: 60 });
    const count = (folder: string) => readdirSync(path.join(root, 'src', folder)).length;
    // The components folder holds the barrel too.
    expect([count('lib'), count('hooks'), count('components'), count('pages')]).toEqual([140, 80, 121, 60]);
  });
});

describe('runOrder', () => {
  const runs = [0, 1, 2, 3, 4, 5].map(runOrder);

  it('runs every variant once per run', () => {
    for (const order of runs) expect([...order].sort()).toEqual([...VARIANTS].sort());
  });

  it("runs the two lints of each target's ratio back to back, which of them first alternating", () => {
    for (const [numerator, denominator] of [
      ['type-aware', 'baseline'],
      ['tseslint+sse', 'tseslint'],
    ] as const) {
      const gaps = runs.map((order) => order.indexOf(numerator) - order.indexOf(denominator));
      expect(gaps).toEqual([1, -1, 1, -1, 1, -1]);
    }
  });

  it('rotates which lint runs first', () => {
    expect(runs.map((order) => order[0])).toEqual(['baseline', 'syntactic', 'tseslint', 'type-aware', 'syntactic', 'tseslint+sse']);
  });
});

describe('typeAwareTargets', () => {
  it('meets the targets at +4% CPU and +10 MiB', () => {
    const targets = typeAwareTargets(variants(40, 10));
    expect(targets.cpuOverBaseline).toBeCloseTo(1.04);
    expect(targets.memoryOverBaseline).toBeCloseTo(1.025);
    expect(targets.cpuOverTseslint).toBeCloseTo(1.02);
    expect(targets.met).toBe(true);
  });

  it('misses them when the plugin costs +11% CPU over the typed lint without rules', () => {
    expect(typeAwareTargets(variants(110, 10)).met).toBe(false);
  });

  it('takes each ratio run by run when given the runs, so that one loaded run moves neither variant alone', () => {
    const sample = (cpuMs: number, peakMiB = 400) => ({ cpuMs, peakMiB });
    // The second run's type-aware lint met a burst of load: its CPU doubled.
    const samples = {
      baseline: [sample(1000), sample(1000), sample(2000)],
      syntactic: [sample(1000), sample(1000), sample(2000)],
      'type-aware': [sample(1040), sample(2080), sample(2080)],
      tseslint: [sample(2000, 500), sample(2000, 500), sample(2000, 500)],
      'tseslint+sse': [sample(2060, 505), sample(2040, 505), sample(2020, 505)],
    };
    const medians = variants(1080, 0);
    expect(typeAwareTargets(medians).cpuOverBaseline).toBeCloseTo(2.08);
    const targets = typeAwareTargets(medians, samples);
    expect(targets.cpuOverBaseline).toBeCloseTo(1.04);
    expect(targets.cpuOverTseslint).toBeCloseTo(1.02);
    expect(targets.memoryOverTseslint).toBeCloseTo(1.01);
    expect(targets.pairedRunByRun).toBe(true);
    expect(targets.met).toBe(true);
    // The spread of the run-by-run ratios, which the page quotes beside the verdict.
    expect(targets.cpuOverBaselineRuns).toEqual({ median: 1.04, min: 1.04, max: 2.08 });
    expect(targets.cpuOverTseslintRuns?.min).toBeCloseTo(1.01);
    expect(targets.cpuOverTseslintRuns?.max).toBeCloseTo(1.03);
    expect(typeAwareTargets(medians).cpuOverBaselineRuns).toBeUndefined();
  });

  it('misses them when it costs more than +5% memory beside typescript-eslint', () => {
    const result = typeAwareTargets(variants(40, 30));
    expect(result.memoryOverBaseline).toBeCloseTo(1.075);
    expect(result.memoryOverTseslint).toBeCloseTo(1.06);
    expect(result.met).toBe(false);
  });
});

describe('the page', () => {
  it('states the targets with their verdict, and the peak memory of each variant', () => {
    const docs = path.join(scratch, 'docs');
    const measured = variants(110, 10);
    const typeAware = {
      runs: 3,
      project: { files: 401, lines: 5000, helpers: 140, hooks: 80, components: 120, pages: 60, seed: 6 },
      variants: measured,
      targets: typeAwareTargets(measured),
      limits: { cpuOverBaseline: 1.1, memoryOverBaseline: 1.15, overTseslint: 1.05 },
      measured: { date: '2026-12-04', loadAverageAtStart: [1, 1, 1], loadAverageAtEnd: [2, 2, 2] },
      typeAwareAddedMs: 200,
      typeAwareAddedCpuMs: 100,
      typeAwareOverSyntacticCpu: 1.1,
      declarationsSummarised: 10,
      declarationWalks: 10,
    };
    writeReport(
      {
        machine: { date: '2026-12-04', cpus: 2, cpuModel: 'Test CPU', memoryGiB: 8, platform: 'linux', loadAverageAtStart: [1, 1, 1], loadAverageAtEnd: [1, 1, 1], versions: {} },
        typeAware,
      },
      { docs },
    );
    const page = readFileSync(path.join(docs, 'benchmarks.md'), 'utf8');
    expect(page).toContain('| CPU +11.0%, memory +2.5%; beside: CPU +5.5%, memory +2.0% | **not met** |');
    expect(page).toContain("| typescript-eslint's `recommended-type-checked` | 4,000 | 2,000 (1,990–2,010) | 500 | none |");
    expect(page).toContain('load average 1.00 1.00 1.00 at start, 2.00 2.00 2.00 at end');
    expect(page).not.toContain('Run by run, the CPU ratio');

    writeReport(
      {
        machine: { date: '2026-12-04', cpus: 2, cpuModel: 'Test CPU', memoryGiB: 8, platform: 'linux', loadAverageAtStart: [1, 1, 1], loadAverageAtEnd: [1, 1, 1], versions: {} },
        typeAware: {
          ...typeAware,
          targets: {
            ...typeAware.targets,
            cpuOverBaselineRuns: { median: 1.1, min: 1.05, max: 1.16 },
            cpuOverTseslintRuns: { median: 1.05, min: 0.99, max: 1.08 },
          },
        },
      },
      { docs },
    );
    expect(readFileSync(path.join(docs, 'benchmarks.md'), 'utf8')).toContain(
      "Run by run, the CPU ratio over the typed lint without rules ranged +5.0% to +16.0%, beside typescript-eslint's −1.0% to +8.0%",
    );
  });
});
