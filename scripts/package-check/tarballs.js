/**
 * The three tarballs exactly as `npm publish` would upload them, and the package linters run on
 * those tarballs (not on the work tree): publint for `package.json` mistakes, arethetypeswrong
 * for what TypeScript resolves under each module setting.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CheckFailure, run } from './command.js';

/** The packages, by npm name: `workspace` is the argument `npm pack --workspace` takes (none for the root). */
export const PACKAGES = {
  plugin: { name: 'eslint-plugin-sse', workspace: null },
  hub: { name: 'sse-hub', workspace: 'sse-hub' },
  codemod: { name: 'sse-codemod', workspace: 'sse-codemod' },
};

/**
 * What arethetypeswrong reports that is intended, with why. The other problems fail the check.
 *
 * `cjs-resolves-to-esm`: the plugin and the runtime are ES modules only, and their `engines`
 * (Node >= 20.19) load ES modules through `require()`; the plugin's
 * `export { plugin as 'module.exports' }` makes `require('eslint-plugin-sse')` return the
 * plugin itself (the CommonJS check proves it under ESLint 9). attw judges with TypeScript's
 * `node16` module setting, which predates require(esm); under `module: nodenext` (TypeScript
 * >= 5.8) `import sse = require('eslint-plugin-sse')` type-checks, which the TypeScript check
 * proves. A CommonJS build would be the only fix, and it would give ESLint two different `sse`
 * plugin objects whenever both builds load.
 *
 * TypeScript's `node10` resolution (`moduleResolution: "node"`) ignores `exports`; the subpaths
 * `eslint-plugin-sse/detection` and `sse-hub/server` reach it through `typesVersions`.
 */
const ESM_ONLY = ['--ignore-rules', 'cjs-resolves-to-esm'];
const ATTW_OPTIONS = { 'eslint-plugin-sse': ESM_ONLY, 'sse-hub': ESM_ONLY, 'sse-codemod': [] };

/** `npm run build`, then `npm pack` of each package into `destination`; resolves with tarball paths by key of PACKAGES. */
export async function buildAndPack(root, destination) {
  await run('npm', ['run', 'build', '--silent'], { cwd: root, timeoutMs: 600_000 });
  mkdirSync(destination, { recursive: true });
  const tarballs = {};
  for (const [key, { name, workspace }] of Object.entries(PACKAGES)) {
    // --ignore-scripts: the root's `prepare` would run the whole build a second time.
    const args = ['pack', '--json', '--ignore-scripts', '--pack-destination', destination, ...(workspace ? ['--workspace', workspace] : [])];
    const { stdout } = await run('npm', args, { cwd: root });
    const [packed] = JSON.parse(stdout);
    if (packed?.name !== name) throw new CheckFailure(`npm pack ${workspace ?? '(root)'} packed ${packed?.name}, not ${name}`);
    tarballs[key] = { name, path: join(destination, packed.filename), files: packed.entryCount, bytes: packed.size, unpackedBytes: packed.unpackedSize };
  }
  return tarballs;
}

/** publint on the tarball: fails on errors; warnings and suggestions are printed in the figure. */
export async function publint(root, tarball) {
  const { stdout, stderr } = await run(join(root, 'node_modules', '.bin', 'publint'), ['run', tarball.path], { cwd: root });
  const output = `${stdout}\n${stderr}`;
  const notes = output.split('\n').filter((line) => /^\d+\.\s/.test(line.trim()));
  const packed = `${tarball.files} files, ${kilobytes(tarball.bytes)} packed, ${kilobytes(tarball.unpackedBytes)} unpacked`;
  return notes.length === 0 ? `no problems; ${packed}` : `no errors, ${notes.length} notes: ${notes.join(' | ')}; ${packed}`;
}

/** arethetypeswrong on the tarball, with the intended findings above ignored. */
export async function arethetypeswrong(root, tarball) {
  const options = ATTW_OPTIONS[tarball.name];
  const { status, stdout } = await run(join(root, 'node_modules', '.bin', 'attw'), [tarball.path, '--format', 'json', ...options], {
    cwd: root,
    statuses: [0, 1],
  });
  const { analysis } = JSON.parse(stdout);
  const problems = Object.values(analysis.problems ?? {})
    .flat()
    .map((problem) => `${problem.kind} ${problem.entrypoint ?? ''} (${problem.resolutionKind ?? 'all'})`);
  const entrypoints = Object.keys(analysis.entrypoints).join(', ');
  if (status !== 0) throw new CheckFailure(`problems in ${entrypoints} (with ${options.join(' ') || 'no options'})`, problems.join('\n'));
  return problems.length === 0
    ? `${entrypoints}: no problems`
    : `${entrypoints}: only intended problems (${options.join(' ')}): ${problems.join(', ')}`;
}

function kilobytes(bytes) {
  return `${(bytes / 1024).toFixed(0)} kB`;
}
