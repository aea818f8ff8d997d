/**
 * Which files a run looks at: the JavaScript and TypeScript files, and the Vue and Svelte
 * components, under the given paths or globs, minus what `.gitignore` hides, anything in `node_modules`, and declaration files.
 * With `--project`, the tsconfig's own file list, restricted to the given paths if any.
 *
 * Every path or glob must match at least one file, as in ESLint: a typo should stop the
 * run with a usage error rather than report "0 files changed".
 */
import { statSync } from 'node:fs';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { convertPathToPattern, globby, isDynamicPattern } from 'globby';
import { UsageError } from './cli-arguments.js';
import { COMPONENT_EXTENSIONS } from './component-files.js';

export const SOURCE_EXTENSIONS = ['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts', ...COMPONENT_EXTENSIONS] as const;

const DECLARATION_FILE = /\.d\.[cm]?ts$/;
const KINDS = 'JavaScript, TypeScript, Vue or Svelte';
const SOURCE_GLOB = `**/*.{${SOURCE_EXTENSIONS.map((extension) => extension.slice(1)).join(',')}}`;

export interface DiscoveryRequest {
  /** Paths or globs as the user typed them, relative to `cwd`; empty means `.` (or the whole project). */
  paths: readonly string[];
  cwd: string;
  /** A tsconfig whose file list replaces walking the directories. */
  project: string | null;
}

/** Whether the codemod converts a file with this name (by extension; never a declaration file). */
export function isConvertibleSource(fileName: string): boolean {
  return SOURCE_EXTENSIONS.some((extension) => fileName.endsWith(extension)) && !DECLARATION_FILE.test(fileName);
}

/** Whether a path, relative to `cwd`, goes through a `node_modules` directory. */
function isInNodeModules(relativePath: string): boolean {
  return relativePath.split(/[\\/]/).includes('node_modules');
}

/**
 * The absolute paths of the files to read, sorted and without duplicates. Throws `UsageError`
 * for a path that does not exist, a path or glob that matches no file, or a bad tsconfig.
 */
export async function discoverFiles(request: DiscoveryRequest): Promise<string[]> {
  const { cwd } = request;
  if (request.project !== null) return discoverProjectFiles(request.project, request.paths, cwd);

  const found = new Set<string>();
  for (const argument of request.paths.length === 0 ? ['.'] : request.paths) {
    for (const file of await filesForArgument(argument, cwd)) found.add(file);
  }
  return [...found].sort(byPath);
}

function byPath(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

async function filesForArgument(argument: string, cwd: string): Promise<string[]> {
  const absolute = path.resolve(cwd, argument);
  if (isInNodeModules(path.relative(cwd, absolute))) {
    throw new UsageError(`"${argument}" is inside node_modules, which sse-codemod never changes.`);
  }
  if (isDynamicPattern(argument)) {
    const { base, pattern } = splitGlob(argument);
    const files = await globSources(path.resolve(cwd, base), [pattern]);
    if (files.length === 0) {
      throw new UsageError(`No ${KINDS} files matching the pattern "${argument}" were found.`);
    }
    return files;
  }

  const stats = await lstat(absolute).catch(() => null);
  if (stats === null) throw new UsageError(`No such file or directory: "${argument}".`);
  if (stats.isDirectory()) {
    const files = await globSources(absolute, [SOURCE_GLOB]);
    if (files.length === 0) {
      throw new UsageError(`No ${KINDS} files were found in "${argument}" (.gitignore and node_modules excluded).`);
    }
    return files;
  }
  // A file named explicitly: the same filters apply, but say which one excluded it.
  if (!isConvertibleSource(absolute)) {
    throw new UsageError(`"${argument}" is not a ${KINDS} source file (${SOURCE_EXTENSIONS.join(' ')}; not .d.ts).`);
  }
  const files = await globSources(path.dirname(absolute), [convertPathToPattern(path.basename(absolute))]);
  if (files.length === 0) throw new UsageError(`"${argument}" is ignored by .gitignore.`);
  return files;
}

/** The directory an argument searches: itself, the folder of a file, the folders before a glob's first wildcard. */
export function searchDirectoryOf(argument: string, cwd: string): string {
  if (isDynamicPattern(argument)) return path.resolve(cwd, splitGlob(argument).base);
  const absolute = path.resolve(cwd, argument);
  return statSync(absolute, { throwIfNoEntry: false })?.isDirectory() ? absolute : path.dirname(absolute);
}

/** Splits `src/**\/*.ts` into the directory to search (`src`) and the pattern inside it. */
function splitGlob(glob: string): { base: string; pattern: string } {
  const segments = glob.split('/');
  const firstDynamic = segments.findIndex((segment) => isDynamicPattern(segment));
  const baseSegments = segments.slice(0, firstDynamic);
  const base = baseSegments.length === 0 ? '.' : baseSegments.join('/') || '/';
  return { base, pattern: segments.slice(firstDynamic).join('/') };
}

/** Searches `directory` for `patterns`, honouring `.gitignore` (also the parents' up to the repository root). */
async function globSources(directory: string, patterns: string[]): Promise<string[]> {
  const exists = await lstat(directory).then((stats) => stats.isDirectory(), () => false);
  if (!exists) return [];
  const entries = await globby(patterns, {
    cwd: directory,
    gitignore: true,
    ignore: ['**/node_modules/**'],
    followSymbolicLinks: false,
    // Symbolic links are listed, not followed, so that the report can say they were skipped.
    onlyFiles: false,
    objectMode: true,
  });
  return entries
    .filter((entry) => (entry.dirent.isFile() || entry.dirent.isSymbolicLink()) && isConvertibleSource(entry.name))
    .map((entry) => path.join(directory, entry.path));
}

async function discoverProjectFiles(project: string, paths: readonly string[], cwd: string): Promise<string[]> {
  const projectFiles = (await readProjectFileNames(path.resolve(cwd, project)))
    .filter((file) => isConvertibleSource(file) && !isInNodeModules(path.relative(cwd, file)));
  // The given paths (or the tsconfig's directory) supply the .gitignore filter and the
  // "matches nothing" errors; the tsconfig decides which of their files belong to the project.
  const allowed = new Set(
    await discoverFiles({ paths: paths.length > 0 ? paths : [path.dirname(path.resolve(cwd, project))], cwd, project: null }),
  );
  const files = [...new Set(projectFiles)].filter((file) => allowed.has(file)).sort(byPath);
  if (files.length === 0) {
    throw new UsageError(
      paths.length > 0
        ? `None of the files of ${project} match the given paths.`
        : `${project} lists no ${KINDS} files outside .gitignore and node_modules.`,
    );
  }
  return files;
}

/** The file list TypeScript would compile for this tsconfig (`include`, `exclude`, `files`, `extends`). */
async function readProjectFileNames(configPath: string): Promise<string[]> {
  // ts-morph's TypeScript is heavy to load; only `--project` runs pay for it.
  const { ts } = await import('ts-morph');
  const read = ts.readConfigFile(configPath, (file) => ts.sys.readFile(file));
  if (read.error) throw new UsageError(`${configPath}: ${ts.flattenDiagnosticMessageText(read.error.messageText, '\n')}`);
  // A Vue or Svelte project's tsconfig includes its components (`src/**/*.vue`), as vue-tsc and svelte-check read it.
  const components = COMPONENT_EXTENSIONS.map((extension) => ({ extension, isMixedContent: true, scriptKind: ts.ScriptKind.Deferred }));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(configPath), undefined, configPath, undefined, components);
  if (parsed.errors.length > 0) {
    const messages = parsed.errors.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    throw new UsageError(`${configPath}: ${messages.join('\n')}`);
  }
  return parsed.fileNames.map((file) => path.resolve(file));
}
