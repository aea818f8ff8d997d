/**
 * The helper module: the hub, bundled into one self-contained ES module plus its declarations
 * (`dist/helper/sse-hub.js` and `.d.ts`, built by scripts/build-helper.js), which sse-codemod
 * writes into the user's project so that the rewritten app does not depend at run time on a
 * lint package. This module decides where the helper goes, how each rewritten file imports it,
 * and whether a copy already in the project is ours.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDynamicPattern } from 'globby';
import { isReformattedCopy } from './helper-content.js';
import { defaultImportExtensionStyle, importExtensionStyle, typeScriptHelperSpecifier } from './helper-language.js';
import { PACKAGE_NAME } from './package-info.js';

/** The helper's file name when `--helper` is not given. */
export const DEFAULT_HELPER_FILE_NAME = 'sse-hub.js';

/** One file to write into the user's project. */
export interface HelperFile {
  /** Absolute path. */
  path: string;
  text: string;
}

export type HelperState = 'absent' | 'current' | 'reformatted' | 'different';

/**
 * Where the helper goes when `--helper` is not given: `<dir>/src/sse-hub.js` when `<dir>` has a
 * `src` folder, else `<dir>/sse-hub.js`, where `<dir>` is the first path argument if it is a
 * folder, the folder holding it if it is a file, and for a glob the folders before its first
 * segment with glob syntax (`src/**` gives `src`). A path that does not exist counts from its
 * nearest existing ancestor, so the helper always lands in a real folder.
 */
export function defaultHelperPath(firstPath: string, cwd: string): string {
  const dir = helperBaseDirectory(firstPath, cwd);
  const sourceDir = join(dir, 'src');
  return join(isDirectory(sourceDir) ? sourceDir : dir, DEFAULT_HELPER_FILE_NAME);
}

/**
 * Where each file's helper goes when `--helper` is not given. In a monorepo run from its root,
 * a file inside a package below the first path gets the helper of that package (`<package>/src/
 * sse-hub.js`, or `<package>/sse-hub.js` without a `src`), so that each package imports a module
 * it owns and ships, never `../../../../sse-hub.js` at the repository root. Other files get
 * `defaultHelperPath`.
 */
export function helperPathResolver(firstPath: string, cwd: string): (file: string) => string {
  const base = helperBaseDirectory(firstPath, cwd);
  const fallback = defaultHelperPath(firstPath, cwd);
  const packageRootOf = new Map<string, string | null>();
  const nearestPackageRoot = (dir: string): string | null => {
    // Only packages strictly below the base: the base's own package.json keeps today's default.
    if (dir === base || !dir.startsWith(base + sep)) return null;
    const known = packageRootOf.get(dir);
    if (known !== undefined) return known;
    const root = existsSync(join(dir, 'package.json')) ? dir : nearestPackageRoot(dirname(dir));
    packageRootOf.set(dir, root);
    return root;
  };
  return (file) => {
    const root = nearestPackageRoot(dirname(resolve(file)));
    if (root === null) return fallback;
    const sourceDir = join(root, 'src');
    return join(isDirectory(sourceDir) ? sourceDir : root, DEFAULT_HELPER_FILE_NAME);
  };
}

/** Why `path` cannot hold the helper, or null when it can. */
export function validateHelperPath(path: string): string | null {
  if (!/\.m?[jt]s$/.test(path)) {
    return `The helper must be an ES module file ending in .js or .mjs (or .ts or .mts for TypeScript): ${path}`;
  }
  if (path.split(/[\\/]/).includes('node_modules')) {
    // Package managers delete and rewrite node_modules; the helper is the project's own code.
    return `The helper must not be inside node_modules: ${path}`;
  }
  return null;
}

/**
 * The specifier `fromFile` imports the helper by: relative, with `/` separators, starting with
 * `./` or `../`. A JavaScript helper keeps its `.js`/`.mjs` extension, which browsers, Node's ESM
 * resolution (and TypeScript's NodeNext) and bundlers all accept. A TypeScript helper is
 * imported the way `fromFile` (its text is `fromText`) imports its other modules.
 */
export function helperSpecifierFor(fromFile: string, helperPath: string, fromText = ''): string {
  const relativePath = relative(dirname(resolve(fromFile)), resolve(helperPath)).split(sep).join('/');
  const specifier = relativePath.startsWith('../') ? relativePath : `./${relativePath}`;
  if (!isTypeScriptHelper(helperPath)) return specifier;
  return typeScriptHelperSpecifier(specifier, importExtensionStyle(fromText) ?? defaultImportExtensionStyle(fromFile));
}

export function isTypeScriptHelper(helperPath: string): boolean {
  return /\.m?ts$/.test(helperPath);
}

/**
 * The helper module at `helperPath` and its declarations beside it (`x.js` → `x.d.ts`, `x.mjs`
 * → `x.d.mts`); a TypeScript helper is one file.
 */
export function helperFiles(helperPath: string): HelperFile[] {
  const bundleDir = join(findPackageRoot(), 'dist', 'helper');
  const modulePath = resolve(helperPath);
  if (isTypeScriptHelper(helperPath)) return [{ path: modulePath, text: readBundleFile(join(bundleDir, 'sse-hub.ts')) }];
  return [
    { path: modulePath, text: readBundleFile(join(bundleDir, 'sse-hub.js')) },
    { path: declarationPathFor(modulePath), text: readBundleFile(join(bundleDir, 'sse-hub.d.ts')) },
  ];
}

/**
 * `current` when the module and its declarations are both byte-identical to ours;
 * `reformatted` when both are there and ours by content, with a formatter's changes to their
 * layout (`helper-content.ts`); `absent` when some of them are missing and those present are
 * ours (nothing yet, or a run that was interrupted between the two: writing the missing ones
 * finishes the job); `different` when any is not ours (an older version, a hand edit, a file of
 * the user's own).
 */
export function helperState(helperPath: string): HelperState {
  const files = helperFiles(helperPath);
  const existing = files.map((file) => readIfExists(file.path));
  if (existing.some((text, index) => text !== undefined && !isReformattedCopy(text, files[index]!.text))) return 'different';
  if (existing.some((text) => text === undefined)) return 'absent';
  return existing.every((text, index) => text === files[index]!.text) ? 'current' : 'reformatted';
}

/** The helper files that do not exist yet; with `helperState` `absent`, the ones to write. */
export function missingHelperFiles(helperPath: string): HelperFile[] {
  return helperFiles(helperPath).filter((file) => readIfExists(file.path) === undefined);
}

function helperBaseDirectory(firstPath: string, cwd: string): string {
  const target = resolve(cwd, firstPath);
  if (existsSync(target)) return isDirectory(target) ? target : dirname(target);
  const staticPart = resolve(cwd, staticPrefix(firstPath));
  return nearestExistingDirectory(staticPart);
}

/** The segments of a glob before the first one with glob syntax; `.` when the first one has it. */
function staticPrefix(pattern: string): string {
  const segments = pattern.split('/');
  const firstDynamic = segments.findIndex((segment) => segment !== '' && isDynamicPattern(segment));
  if (firstDynamic === -1) return pattern;
  const prefix = segments.slice(0, firstDynamic).join('/');
  // `/**/*.ts` splits into ['', '**', …]: its static part is the filesystem root.
  return prefix === '' ? (isAbsolute(pattern) ? '/' : '.') : prefix;
}

function nearestExistingDirectory(path: string): string {
  let current = path;
  while (!isDirectory(current)) {
    const parent = dirname(current);
    if (parent === current) return current;
    current = parent;
  }
  return current;
}

function declarationPathFor(modulePath: string): string {
  const declarationName = basename(modulePath).replace(/\.(m?)js$/, '.d.$1ts');
  return join(dirname(modulePath), declarationName);
}

/**
 * The package root: the nearest folder above this module whose package.json is ours. It sits one
 * level above `src/` when the sources run directly (tests) and two above `dist/src/` when installed.
 */
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (isOurManifest(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the ${PACKAGE_NAME} package above ${fileURLToPath(import.meta.url)}.`);
    dir = parent;
  }
}

function isOurManifest(path: string): boolean {
  const text = readIfExists(path);
  if (text === undefined) return false;
  try {
    return (JSON.parse(text) as { name?: unknown }).name === PACKAGE_NAME;
  } catch {
    return false;
  }
}

function readBundleFile(path: string): string {
  const text = readIfExists(path);
  if (text === undefined) {
    throw new Error(`The helper bundle is not built: ${path} is missing. Run \`npm run build\` in ${PACKAGE_NAME}.`);
  }
  return text;
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    // ENOTDIR: a folder on the way is a file, so this file cannot exist either.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
