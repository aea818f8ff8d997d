/**
 * Small pieces that the codemod's run and the report's run share: how paths are printed, how
 * many files are read at once, and where the project's hub module is.
 */
import path from 'node:path';
import { UsageError } from './cli-arguments.js';
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
 * package that owns the file (`helperPathResolver`); null with `--helper-import`.
 */
export function resolveHelperPaths(options: HelperChoice, cwd: string): ((file: string) => string) | null {
  const fixed = resolveHelperPath(options, cwd);
  if (fixed === null) return null;
  return options.helper === null ? helperPathResolver(options.paths[0] ?? '.', cwd) : () => fixed;
}
