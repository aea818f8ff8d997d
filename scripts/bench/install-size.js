/**
 * `npm run bench -- install-size`: what each package costs a user to install, measured on the
 * packed tarballs in fresh projects (the same helpers as `npm run package-check`):
 * - the plugin, added to a JavaScript project that already has ESLint 10 (the bytes and packages
 *   `npm install eslint-plugin-sse` adds to `node_modules`);
 * - the runtime, `sse-hub`, alone in an empty project;
 * - the codemod, `sse-codemod` with the two tarballs it depends on, in an empty project: what
 *   `npx sse-codemod` downloads once.
 * Sizes are apparent bytes of the files, as `du --apparent-size` counts them; the npm cache that
 * `--prefer-offline` reads from is not counted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProject, directoryBytes, installedNames, npmInstall } from '../package-check/fresh-project.js';
import { buildAndPack } from '../package-check/tarballs.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The limit issue 15 set: the plugin may add at most this much to a project that has ESLint. */
export const PLUGIN_LIMIT_BYTES = 20 * 1024 * 1024;

export async function measureInstallSize() {
  const work = mkdtempSync(join(tmpdir(), 'sse-install-size-'));
  try {
    const tarballs = await buildAndPack(root, join(work, 'tarballs'));

    const plugin = createProject(work, 'plugin', {});
    await npmInstall(plugin, ['eslint@^10']);
    const before = { bytes: directoryBytes(join(plugin, 'node_modules')), names: installedNames(plugin) };
    await npmInstall(plugin, [tarballs.plugin.path]);
    const after = { bytes: directoryBytes(join(plugin, 'node_modules')), names: installedNames(plugin) };

    const runtime = createProject(work, 'runtime', {});
    await npmInstall(runtime, [tarballs.hub.path], { dev: false });

    const codemod = createProject(work, 'codemod', {});
    await npmInstall(codemod, [tarballs.codemod.path, tarballs.plugin.path, tarballs.hub.path]);

    return {
      tarballBytes: Object.fromEntries(Object.values(tarballs).map((tarball) => [tarball.name, tarball.bytes])),
      plugin: {
        eslintProjectBytes: before.bytes,
        addedBytes: after.bytes - before.bytes,
        addedPackages: [...after.names].filter((name) => !before.names.has(name)).sort(),
        limitBytes: PLUGIN_LIMIT_BYTES,
      },
      runtime: { bytes: directoryBytes(join(runtime, 'node_modules')), packages: [...installedNames(runtime)].sort() },
      codemod: { bytes: directoryBytes(join(codemod, 'node_modules')), packages: installedNames(codemod).size },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function formatInstallSize(result) {
  const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
  return [
    `plugin: +${mb(result.plugin.addedBytes)} to a project with ESLint 10 (${mb(result.plugin.eslintProjectBytes)}); new packages: ${result.plugin.addedPackages.join(', ')}`,
    `runtime: ${mb(result.runtime.bytes)} in all (${result.runtime.packages.join(', ')})`,
    `codemod: ${mb(result.codemod.bytes)} in all, ${result.codemod.packages} packages`,
  ];
}
