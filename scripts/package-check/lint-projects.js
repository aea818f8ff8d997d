/**
 * The plugin in JavaScript projects, configured as the README shows: ESLint 9 and ESLint 10
 * with `eslint.config.js`, ESLint 9 with a CommonJS `eslint.config.cjs`, and what installing
 * the plugin adds to a project that already has ESLint.
 */
import { join } from 'node:path';
import { JAVASCRIPT_APP, JAVASCRIPT_FINDINGS } from './app-files.js';
import { CheckFailure } from './command.js';
import { assertEslintFindings } from './eslint-findings.js';
import { assertFromTarballs, createProject, directoryBytes, installedNames, npmInstall } from './fresh-project.js';
import { readmeConfig } from './readme-snippets.js';

// Verbatim from the README: its first eslint.config.js (JavaScript) and its eslint.config.cjs.
const ESM_CONFIG = readmeConfig('eslint.config.js');
const COMMONJS_CONFIG = readmeConfig('eslint.config.cjs');

/** What the plugin may add to a project that has ESLint: itself and eslint-utils, far from a compiler. */
const SIZE_LIMIT_BYTES = 20 * 1024 * 1024;
/** Optional peers and the codemod's compiler: a plain `recommended` setup must not pull them in. */
const HEAVY_PACKAGES = ['typescript', 'ts-morph', '@ts-morph/common'];

export async function eslint9Project({ work, tarballs, check }) {
  await check('ESLint 9, eslint.config.js (README)', async () => {
    const project = createProject(work, 'eslint-9', { ...JAVASCRIPT_APP, 'eslint.config.js': ESM_CONFIG });
    await npmInstall(project, ['eslint@^9', tarballs.plugin.path]);
    assertFromTarballs(project, ['eslint-plugin-sse']);
    return assertEslintFindings(project, { major: 9, expected: JAVASCRIPT_FINDINGS });
  });
}

/** One project for two checks: ESLint 10 first, then the plugin added to it, as a user adds a plugin. */
export async function eslint10ProjectWithSize({ work, tarballs, check }) {
  let project;
  await check('Size: `npm install eslint-plugin-sse` in a project with ESLint 10', async () => {
    project = createProject(work, 'eslint-10', { ...JAVASCRIPT_APP, 'eslint.config.js': ESM_CONFIG });
    await npmInstall(project, ['eslint@^10']);
    const modules = join(project, 'node_modules');
    const bytesBefore = directoryBytes(modules);
    const namesBefore = installedNames(project);
    await npmInstall(project, [tarballs.plugin.path]);
    assertFromTarballs(project, ['eslint-plugin-sse']);
    const added = directoryBytes(modules) - bytesBefore;
    const names = installedNames(project);
    const heavy = HEAVY_PACKAGES.filter((name) => names.has(name));
    if (heavy.length > 0) throw new CheckFailure(`installing the plugin brought in ${heavy.join(', ')}`);
    if (added > SIZE_LIMIT_BYTES) throw new CheckFailure(`it added ${megabytes(added)}, over the ${megabytes(SIZE_LIMIT_BYTES)} limit`);
    const newPackages = [...names].filter((name) => !namesBefore.has(name));
    return `+${megabytes(added)} (${added} bytes; limit ${megabytes(SIZE_LIMIT_BYTES)}), new packages: ${newPackages.join(', ')}; none of ${HEAVY_PACKAGES.join(', ')}`;
  });
  await check('ESLint 10, eslint.config.js (README)', async () => {
    if (!project) throw new CheckFailure('the size check did not create the project');
    return assertEslintFindings(project, { major: 10, expected: JAVASCRIPT_FINDINGS });
  });
}

export async function commonJsProject({ work, tarballs, check }) {
  await check('CommonJS: ESLint 9, eslint.config.cjs with require() (README)', async () => {
    const manifest = { name: 'package-check-commonjs', version: '1.0.0', private: true };
    const project = createProject(work, 'commonjs', {
      'package.json': `${JSON.stringify(manifest, null, 2)}\n`,
      ...JAVASCRIPT_APP,
      'eslint.config.cjs': COMMONJS_CONFIG,
    });
    await npmInstall(project, ['eslint@^9', tarballs.plugin.path]);
    assertFromTarballs(project, ['eslint-plugin-sse']);
    return assertEslintFindings(project, { major: 9, expected: JAVASCRIPT_FINDINGS });
  });
}

function megabytes(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}
