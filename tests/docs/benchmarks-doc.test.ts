/**
 * docs/benchmarks.md is generated from docs/benchmarks/results.json: the check behind
 * `npm run docs:check` must catch a hand edit of the page or a chart, a missing or stale chart,
 * and results that changed without the page being regenerated.
 */
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { writeReport } from '../../scripts/bench/write-report.js';
import { benchmarkDocDifferences } from '../../scripts/check-benchmarks-doc.js';

const committedDocs = fileURLToPath(new URL('../../docs/', import.meta.url));
const committedResults = JSON.parse(readFileSync(path.join(committedDocs, 'benchmarks/results.json'), 'utf8'));

let docs = '';
afterEach(() => {
  if (docs) rmSync(docs, { recursive: true, force: true });
  docs = '';
});

/** A docs folder as `node scripts/bench/write-report.js` leaves it, from the committed results. */
function generatedDocs(): string {
  docs = mkdtempSync(path.join(tmpdir(), 'benchmarks-doc-test-'));
  writeReport(structuredClone(committedResults), { docs });
  return docs;
}

function edit(file: string, change: (text: string) => string): void {
  const full = path.join(docs, file);
  writeFileSync(full, change(readFileSync(full, 'utf8')));
}

describe('benchmarkDocDifferences', () => {
  it('finds nothing in the committed page, charts and results', () => {
    expect(benchmarkDocDifferences(committedDocs)).toEqual([]);
  });

  it('finds nothing in what the generator just wrote', () => {
    expect(benchmarkDocDifferences(generatedDocs())).toEqual([]);
  });

  it('reports a hand edit of the page, with where it is', () => {
    generatedDocs();
    edit('benchmarks.md', (text) => text.replace('# Benchmarks\n', '# Benchmarks\n\nAll targets met.\n'));
    const [difference, ...others] = benchmarkDocDifferences(docs);
    expect(others).toEqual([]);
    expect(difference).toMatch(/^benchmarks\.md: not what write-report\.js generates, line 3 column 1: committed ".*All targets met\./);
  });

  it('reports results that changed without the page being regenerated', () => {
    generatedDocs();
    edit('benchmarks/results.json', (text) => {
      const results = JSON.parse(text);
      results.machine.cpus += 2;
      return `${JSON.stringify(results, null, 2)}\n`;
    });
    const differences = benchmarkDocDifferences(docs);
    expect(differences).toHaveLength(1);
    expect(differences[0]).toMatch(/^benchmarks\.md: not what write-report\.js generates, line \d+ /);
  });

  it('reports a chart edited by hand, a chart missing, and a chart the results no longer make', () => {
    generatedDocs();
    edit('benchmarks/lint-scaling.svg', (text) => text.replace('<svg', '<svg data-edited="yes"'));
    unlinkSync(path.join(docs, 'benchmarks/connections.svg'));
    writeFileSync(path.join(docs, 'benchmarks/old-chart.svg'), '<svg/>');
    expect(benchmarkDocDifferences(docs).map((difference) => difference.replace(/,.*/, ''))).toEqual([
      'benchmarks/connections.svg: missing; write-report.js generates it',
      'benchmarks/lint-scaling.svg: not what write-report.js generates',
      'benchmarks/old-chart.svg: a chart write-report.js no longer generates from these results',
    ]);
  });

  it('fails, rather than passes, when there are no results to check the page against', () => {
    generatedDocs();
    unlinkSync(path.join(docs, 'benchmarks/results.json'));
    expect(benchmarkDocDifferences(docs)).toEqual([
      'benchmarks/results.json: missing; the page cannot be checked without the results it shows',
    ]);
  });
});
