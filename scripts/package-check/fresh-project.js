/**
 * Fresh projects in the temporary folder: a `package.json` and a few files, `npm install` as a
 * new user runs it, and what then sits in `node_modules` (which packages, how many bytes).
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CheckFailure, run } from './command.js';

/** Creates `parent/name` with `files` (relative path → text) and a private ESM `package.json` unless `files` has one. */
export function createProject(parent, name, files) {
  const project = join(parent, name);
  const manifest = { name: `package-check-${name}`, version: '1.0.0', private: true, type: 'module' };
  for (const [file, text] of Object.entries({ 'package.json': `${JSON.stringify(manifest, null, 2)}\n`, ...files })) {
    mkdirSync(dirname(join(project, file)), { recursive: true });
    writeFileSync(join(project, file), text);
  }
  return project;
}

/**
 * `npm install <specs>` as a user types it: peers resolved by npm's default rules (never
 * `--legacy-peer-deps` or `--force`), lifecycle scripts allowed. `--prefer-offline` takes what
 * the shared npm cache already holds, which keeps repeated runs fast.
 */
export function npmInstall(project, specs, { dev = true } = {}) {
  const save = dev ? ['--save-dev'] : [];
  return run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...save, ...specs], { cwd: project });
}

/** Every package in `project/node_modules`, nested ones included, as `name@version` by install path. */
export function installedPackages(project) {
  const found = new Map();
  const visit = (modules) => {
    for (const entry of safeReaddir(modules)) {
      if (entry.startsWith('.')) continue; // .bin, .package-lock.json
      if (entry.startsWith('@')) {
        for (const scoped of safeReaddir(join(modules, entry))) visitPackage(join(modules, entry, scoped));
      } else {
        visitPackage(join(modules, entry));
      }
    }
  };
  const visitPackage = (directory) => {
    const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8'));
    found.set(directory, `${manifest.name}@${manifest.version}`);
    visit(join(directory, 'node_modules'));
  };
  visit(join(project, 'node_modules'));
  return found;
}

/** The names (without versions) of the packages installed in `project`. */
export function installedNames(project) {
  return new Set([...installedPackages(project).values()].map((id) => id.slice(0, id.lastIndexOf('@'))));
}

/** The apparent size in bytes of everything under `directory` (links counted as links, not followed). */
export function directoryBytes(directory) {
  let bytes = 0;
  for (const entry of safeReaddir(directory)) {
    const path = join(directory, entry);
    const stats = lstatSync(path);
    bytes += stats.isDirectory() ? directoryBytes(path) : stats.size;
  }
  return bytes;
}

/** The version of `name` installed at the top of `project/node_modules`; a CheckFailure when absent. */
export function installedVersion(project, name) {
  try {
    return JSON.parse(readFileSync(join(project, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    throw new CheckFailure(`${name} is not installed in ${project}`);
  }
}

/**
 * Asserts that `project`'s lockfile took each of our packages from its tarball, not from the
 * registry (where a package of the same name and version could exist).
 */
export function assertFromTarballs(project, names) {
  const lock = JSON.parse(readFileSync(join(project, 'package-lock.json'), 'utf8'));
  for (const name of names) {
    const resolved = lock.packages?.[`node_modules/${name}`]?.resolved ?? '(not installed)';
    if (!resolved.startsWith('file:') || !resolved.endsWith('.tgz')) {
      throw new CheckFailure(`${name} was installed from ${resolved}, not from its packed tarball`);
    }
  }
}

function safeReaddir(directory) {
  try {
    return readdirSync(directory);
  } catch (error) {
    if (error.code === 'ENOENT') return [];
    throw error;
  }
}
