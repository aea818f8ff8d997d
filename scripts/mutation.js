#!/usr/bin/env node
/**
 * `npm run mutation`: StrykerJS over the analysis, the rules and the wire format, one scope at
 * a time (tests/mutation/scopes.js), then `docs/mutation.md` from what the runs found.
 *
 *   npm run mutation                 every scope, incrementally
 *   npm run mutation -- sse rules    these scopes only (`analysis` stands for all its parts)
 *   npm run mutation -- --force sse  every mutant of the scope again, not only the changed ones
 *   npm run mutation -- --summary    no run: rewrite docs/mutation.md from the committed results
 *   npm run mutation -- --check      no run: fail when docs/mutation.md is not what the results make
 *
 * Each run is incremental: Stryker keeps the last outcome of every mutant in
 * `tests/mutation/incremental/<scope>.json` (committed) and runs again only the mutants whose
 * code or covering tests changed since. It does not see a test whose body changed in a file it
 * already knew: after editing tests, run the scope with `--force` (here an incremental run kept
 * three regex mutants "survived" that the edited property test kills, as the forced run showed).
 * The outcome of each scope is kept small in
 * `tests/mutation/results/<scope>.json` (committed), which the page is written from, with a digest
 * of the code the run mutated: the page marks a scope whose files have changed since (and
 * `--check` fails until the page says so), so that a score of older code never reads as current.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { globbySync } from 'globby';
import { MUTATION_SCOPES, scopesNamed } from '../tests/mutation/scopes.js';
import { codeDigest, summariseReport, writeMutationPage } from '../tests/mutation/summary.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RESULTS = path.join(ROOT, 'tests/mutation/results');
const PAGE = path.join(ROOT, 'docs/mutation.md');
const EQUIVALENTS = path.join(ROOT, 'tests/mutation/equivalent-mutants.json');

const args = process.argv.slice(2);
const flags = new Set(args.filter((arg) => arg.startsWith('--')));
const names = args.filter((arg) => !arg.startsWith('--'));

function readResults() {
  return MUTATION_SCOPES.flatMap((scope) => {
    const file = path.join(RESULTS, `${scope.name}.json`);
    return existsSync(file) ? [JSON.parse(readFileSync(file, 'utf8'))] : [];
  });
}

/** The `codeDigest` of the files a scope mutates, as they are on disk now. */
function scopeCode(scope) {
  const files = globbySync(scope.mutate, { cwd: ROOT });
  return codeDigest(files.map((file) => ({ file, text: readFileSync(path.join(ROOT, file), 'utf8') })));
}

function page() {
  const currentCode = Object.fromEntries(MUTATION_SCOPES.map((scope) => [scope.name, scopeCode(scope)]));
  return writeMutationPage(readResults(), JSON.parse(readFileSync(EQUIVALENTS, 'utf8')), MUTATION_SCOPES, currentCode);
}

if (flags.has('--check')) {
  if (readFileSync(PAGE, 'utf8') !== page()) {
    console.error('docs/mutation.md is not what tests/mutation/results makes of it; run `npm run mutation -- --summary`.');
    process.exit(1);
  }
  console.log('docs/mutation.md matches the mutation results.');
  process.exit(0);
}

if (!flags.has('--summary')) {
  mkdirSync(RESULTS, { recursive: true });
  for (const scope of names.length > 0 ? names.flatMap(scopesNamed) : MUTATION_SCOPES) {
    const started = Date.now();
    // Taken before Stryker copies the files to its sandbox: the code this run measures.
    const code = scopeCode(scope);
    const run = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs', ...(flags.has('--force') ? ['--force'] : [])], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, SSE_MUTATION_SCOPE: scope.name },
    });
    if (run.status !== 0) {
      console.error(`stryker failed on scope ${scope.name} (exit ${run.status}); docs/mutation.md is left as it was.`);
      process.exit(run.status ?? 1);
    }
    const report = JSON.parse(readFileSync(path.join(ROOT, `reports/mutation/${scope.name}.json`), 'utf8'));
    const result = summariseReport(scope, report, ROOT, { seconds: Math.round((Date.now() - started) / 1000), incremental: !flags.has('--force'), code });
    writeFileSync(path.join(RESULTS, `${scope.name}.json`), `${JSON.stringify(result, undefined, 2)}\n`);
  }
}

writeFileSync(PAGE, page());
console.log(`docs/mutation.md written from ${readResults().length} scope(s).`);
