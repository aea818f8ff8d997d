/**
 * Small pieces that the codemod's run and the report's run share: how paths are printed, how
 * many files are read at once, and where the project's hub module is.
 */
import path from 'node:path';
import { UsageError } from './cli-arguments.js';
import { createAllowJsLookup, helperNeedsTypeScript, typeScriptHelperPath } from './helper-language.js';
import { defaultHelperPath, helperPathResolver, validateHelperPath } from './helper-module.js';

/** How many files are read at once: enough to keep the disk busy, few enough to stay under the descriptor limit. */
export const READ_CONCURRENCY = 32;

/** A path as the report prints it: relative to the current directory, with `/`. */
export function reportPathOf(file: string, cwd: string): string {
  return path.relative(cwd, file).split(path.sep).join('/');
}

/** Runs `task` over `items`, at most `limit` at a time; the results keep the items' order. */
export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

export interface HelperChoice {
  paths: readonly string[];
  helper: string | null;
  helperImport: string | null;
}

/** The absolute path of the hub module (`--helper`, or the default beside the first path); null with `--helper-import`. */
export function resolveHelperPath(options: HelperChoice, cwd: string): string | null {
  if (options.helperImport !== null) return null;
  if (options.helper === null) return defaultHelperPath(options.paths[0] ?? '.', cwd);
  const problem = validateHelperPath(options.helper);
  if (problem !== null) throw new UsageError(problem);
  return path.resolve(cwd, options.helper);
}

/**
 * The hub module each file imports: `--helper` for every file, by default the helper of the
 * package that owns the file (`helperPathResolver`); null with `--helper-import`. Defaults are
 * `.js` paths here; `chooseHelperLanguage` settles which are written as TypeScript.
 */
export function resolveHelperPaths(options: HelperChoice, cwd: string): ((file: string) => string) | null {
  const fixed = resolveHelperPath(options, cwd);
  if (fixed === null) return null;
  return options.helper === null ? helperPathResolver(options.paths[0] ?? '.', cwd) : () => fixed;
}

/** Whether `file` is the helper at `helperPath`, in either language: the hub's own code, never the app's. */
export function isHelperFile(file: string, helperPath: string): boolean {
  return file === helperPath || file === typeScriptHelperPath(helperPath);
}

/**
 * The default helpers, each in its project's language (`helper-language.ts`): a helper whose
 * importing files include TypeScript, under a tsconfig.json without `allowJs`, becomes `.ts`.
 * A `--helper` path is the user's choice and stays as given.
 */
export function chooseHelperLanguage(
  options: HelperChoice,
  helperPathFor: (file: string) => string,
  files: readonly string[],
  isTypeScript?: (file: string) => boolean,
): (file: string) => string {
  if (options.helper !== null) return helperPathFor;
  const filesByHelper = new Map<string, string[]>();
  for (const file of files) {
    const helperPath = helperPathFor(file);
    filesByHelper.set(helperPath, [...(filesByHelper.get(helperPath) ?? []), file]);
  }
  const compilesJavaScript = createAllowJsLookup();
  const typeScript = new Set([...filesByHelper].filter(([helperPath, users]) => helperNeedsTypeScript(helperPath, users, compilesJavaScript, isTypeScript)).map(([helperPath]) => helperPath));
  return (file) => {
    const helperPath = helperPathFor(file);
    return typeScript.has(helperPath) ? typeScriptHelperPath(helperPath) : helperPath;
  };
}
