#!/usr/bin/env node
/**
 * Part of `npm run docs:check`: `docs/benchmarks.md` and its charts must be exactly what
 * `scripts/bench/write-report.js` makes of `docs/benchmarks/results.json`, so that a hand edit
 * of the page, a chart left from an older run, or a change to the generator that was never
 * regenerated fails CI. The page is regenerated into a temporary folder and compared.
 *
 *   node scripts/check-benchmarks-doc.js [docs-folder]
 *
 * To bring the page back in line with its results: `node scripts/bench/write-report.js`.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeReport } from './bench/write-report.js';

const DOCS = fileURLToPath(new URL('../docs/', import.meta.url));

/** Where two texts first differ: the 1-based line and column, and each text from a little before there. */
function firstDifference(committed, generated) {
  let at = 0;
  while (at < committed.length && committed[at] === generated[at]) at++;
  const line = committed.slice(0, at).split('\n').length;
  const column = at - committed.lastIndexOf('\n', at - 1);
  const excerpt = (text) => (at >= text.length ? '(end of file)' : JSON.stringify(`${at > 20 ? '…' : ''}${text.slice(Math.max(0, at - 20), at + 60)}…`));
  return `line ${line} column ${column}: committed ${excerpt(committed)}, generated ${excerpt(generated)}`;
}

/**
 * What differs between the committed benchmark page, its charts and results, and what the
 * generator makes of those results; empty when they agree.
 * @param {string} docs the docs folder: `benchmarks.md` and `benchmarks/` (with `results.json`)
 * @returns {string[]}
 */
export function benchmarkDocDifferences(docs) {
  const resultsFile = path.join(docs, 'benchmarks/results.json');
  if (!existsSync(resultsFile)) return ['benchmarks/results.json: missing; the page cannot be checked without the results it shows'];
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  const generated = mkdtempSync(path.join(tmpdir(), 'benchmarks-doc-'));
  try {
    writeReport(results, { docs: generated });
    const expected = ['benchmarks.md', ...readdirSync(path.join(generated, 'benchmarks')).sort().map((file) => `benchmarks/${file}`)];
    const differences = [];
    for (const file of expected) {
      const committed = path.join(docs, file);
      if (!existsSync(committed)) {
        differences.push(`${file}: missing; write-report.js generates it`);
        continue;
      }
      const [committedText, generatedText] = [readFileSync(committed, 'utf8'), readFileSync(path.join(generated, file), 'utf8')];
      if (committedText !== generatedText) differences.push(`${file}: not what write-report.js generates, ${firstDifference(committedText, generatedText)}`);
    }
    for (const file of readdirSync(path.join(docs, 'benchmarks')).sort()) {
      if (file.endsWith('.svg') && !expected.includes(`benchmarks/${file}`)) {
        differences.push(`benchmarks/${file}: a chart write-report.js no longer generates from these results`);
      }
    }
    return differences;
  } finally {
    rmSync(generated, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const differences = benchmarkDocDifferences(process.argv[2] ?? DOCS);
  for (const difference of differences) console.error(`docs/${difference}`);
  if (differences.length > 0) {
    console.error('docs/benchmarks.md is generated: edit scripts/bench/write-report.js or rerun the bench, then `node scripts/bench/write-report.js`.');
    process.exitCode = 1;
  } else {
    console.log('docs/benchmarks.md and its charts are what docs/benchmarks/results.json generates.');
  }
}
