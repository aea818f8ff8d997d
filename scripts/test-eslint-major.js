#!/usr/bin/env node
/**
 * `npm run test:eslint9`: the plugin's rule, doc and analysis tests again, under another ESLint
 * major than the one the repository develops with (ESLint 9 by default; `--major 10` works too).
 *
 * The repository pins one ESLint in its lockfile, so this copies what the plugin's tests read
 * (`src/`, `rules/`, `tests/`, `docs/` and the configs) into a temporary folder, installs the
 * same dev dependencies there with `eslint` and `@eslint/js` at the other major, checks that
 * the major really is the one asked for, and runs vitest on the plugin's tests. The codemod's
 * and the runtime's tests are left out: they do not depend on the ESLint major, and running
 * them twice would only double CI's time.
 *
 * Usage: node scripts/test-eslint-major.js [--major 9] [--keep]
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { major: { type: 'string', default: '9' }, keep: { type: 'boolean', default: false } } });
const major = Number(values.major);
if (!Number.isInteger(major) || major < 9) throw new Error(`--major must be 9 or later, not ${values.major}`);

const root = fileURLToPath(new URL('..', import.meta.url));
/**
 * What the plugin's tests read; `packages/` is not among them. `dist/` is the built plugin that
 * tests/plugin.test.ts loads in a fresh Node process: built once by the caller (`npm ci` runs the build).
 */
const COPIED = ['src', 'rules', 'tests', 'docs', 'scripts', 'dist', 'README.md', 'tsconfig.json', 'vitest.config.ts', '.eslint-doc-generatorrc.js'];
/** The plugin's own tests: rules (with type information), docs, the plugin object, the shared analysis, bad input. */
const TESTS = ['tests/rules', 'tests/docs', 'tests/plugin.test.ts', 'tests/analysis', 'tests/robustness'];

const work = mkdtempSync(join(tmpdir(), `sse-eslint-${major}-`));
try {
  if (!existsSync(join(root, 'dist', 'src', 'index.js'))) throw new Error('dist/src/index.js is missing: run `npm run build` first');
  for (const entry of COPIED) cpSync(join(root, entry), join(work, entry), { recursive: true });
  writeFileSync(join(work, 'package.json'), `${JSON.stringify(manifestFor(major), null, 2)}\n`);

  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts'], work);
  const installed = JSON.parse(readFileSync(join(work, 'node_modules', 'eslint', 'package.json'), 'utf8')).version;
  if (Number(installed.split('.')[0]) !== major) throw new Error(`asked for ESLint ${major}, installed ${installed}`);
  console.log(`ESLint ${installed} in ${work}`);

  run('npx', ['vitest', 'run', ...TESTS], work);
} finally {
  if (values.keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

/** The root manifest, reduced to the plugin: no workspaces, and ESLint's packages at `major`. */
function manifestFor(eslintMajor) {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  delete manifest.workspaces;
  delete manifest.overrides;
  manifest.scripts = {};
  manifest.devDependencies = { ...manifest.devDependencies, eslint: `^${eslintMajor}.0.0`, '@eslint/js': `^${eslintMajor}.0.0` };
  return manifest;
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}
